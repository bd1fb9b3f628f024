/**
 * Settings → Team's connection form: its values as typed, checked with the contract's own schema
 * (so the form and main give the same messages), and the one rule the schema leaves to main — no
 * TLS only on this computer — checked here too, so it is said beside the field before saving.
 */
import type { FieldError } from '../../../../electron/shared/result'
import { teamConnectionSchema } from '../../../../electron/shared/team'
import type { TeamConnectionInput, TeamConnectionSettings } from '../../../../electron/shared/team'

export interface TeamFormValues {
  host: string
  port: number | string
  database: string
  user: string
  tls: 'verify-full' | 'disable'
  caFile: string
  /** Typed here only; empty keeps the saved password. */
  password: string
}

export type TeamFormField = keyof TeamFormValues
export type TeamFormErrors = Partial<Record<TeamFormField, string>>

export const TEAM_FIELD_LABELS: Record<TeamFormField, string> = {
  host: 'Host',
  port: 'Port',
  database: 'Database',
  user: 'User',
  tls: 'TLS',
  caFile: 'CA file',
  password: 'Password'
}

export function teamFormValues(saved: TeamConnectionSettings | null): TeamFormValues {
  return {
    host: saved?.host ?? '',
    port: saved?.port ?? 5432,
    database: saved?.database ?? '',
    user: saved?.user ?? '',
    tls: saved?.tls ?? 'verify-full',
    caFile: saved?.caFile ?? '',
    password: ''
  }
}

/** This computer by name or address: the only place a connection without TLS stays private. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h)
}

export const NO_TLS_REMOTE = 'Without TLS only this computer (localhost, 127.0.0.1, ::1): anyone on the network could read the password and the portfolio'

export type TeamFormCheck = { ok: true; connection: TeamConnectionInput; password?: string } | { ok: false; errors: TeamFormErrors }

export function checkTeamForm(values: TeamFormValues): TeamFormCheck {
  const input: TeamConnectionInput = {
    host: values.host,
    port: typeof values.port === 'number' ? values.port : Number.NaN,
    database: values.database,
    user: values.user,
    tls: values.tls,
    caFile: values.caFile.trim() ? values.caFile : null
  }
  const errors: TeamFormErrors = {}
  if (values.port === '') errors.port = 'Enter the port (PostgreSQL’s usual one is 5432)'
  const parsed = teamConnectionSchema.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (typeof field === 'string' && field in TEAM_FIELD_LABELS) errors[field as TeamFormField] ??= issue.message
    }
  }
  if (values.tls === 'disable' && values.host.trim() && !isLoopbackHost(values.host)) errors.tls = NO_TLS_REMOTE
  if (values.password.length > 1024) errors.password = 'A password is at most 1024 characters'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, connection: parsed.success ? parsed.data : input, ...(values.password ? { password: values.password } : {}) }
}

/** Main's field problems (`connection.host`, `password`, …) on the form's fields; the rest stay in the message. */
export function teamFieldErrors(fields: readonly FieldError[] | undefined): TeamFormErrors {
  const errors: TeamFormErrors = {}
  for (const problem of fields ?? []) {
    const field = problem.field.replace(/^connection\./, '')
    if (field in TEAM_FIELD_LABELS) errors[field as TeamFormField] ??= problem.message
  }
  return errors
}

/** "Host: Enter the PostgreSQL server’s host name" — each problem with the field it is on. */
export function namedErrors(errors: TeamFormErrors): string[] {
  return (Object.keys(errors) as TeamFormField[]).filter((f) => errors[f]).map((f) => `${TEAM_FIELD_LABELS[f]}: ${errors[f]}`)
}
