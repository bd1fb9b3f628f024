/**
 * The team's PostgreSQL connection: host, port, database, user, TLS (verify-full, or none on this
 * computer only), an optional CA file, and the password (sent to the secret store, never shown:
 * only whether one is saved). Saving connects to nothing; "Preview joining" does.
 */
import { Alert, Badge, Button, Group, List, NumberInput, PasswordInput, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import type { TeamView } from '../../../../electron/shared/team'
import { toastError, toastSuccess } from '../../lib/toast'
import { useTeamStore } from '../../stores/useTeamStore'
import { sameValues } from '../common/DiscardGuard'
import { checkTeamForm, isLoopbackHost, namedErrors, teamFieldErrors, teamFormValues } from './team-form'
import type { TeamFormErrors, TeamFormValues } from './team-form'

export const TEAM_PASSWORD_ID = 'team-password'

interface TeamConnectionFormProps {
  view: TeamView
  /** The form tells the section whether it holds unsaved changes (the preview uses the saved connection). */
  onDirtyChange(dirty: boolean): void
}

function TlsField({ values, error, set }: { values: TeamFormValues; error?: string; set: <K extends keyof TeamFormValues>(key: K, value: TeamFormValues[K]) => void }) {
  const loopback = isLoopbackHost(values.host)
  return (
    <Radio.Group
      label="TLS"
      description="Storewatch checks the server’s certificate and its name (verify-full). A connection without TLS is allowed only to a server on this computer (localhost, 127.0.0.1, ::1), where nothing crosses the network."
      value={values.tls}
      onChange={(v) => set('tls', v === 'disable' ? 'disable' : 'verify-full')}
      error={error}
    >
      <Stack gap={6} mt={6}>
        <Radio value="verify-full" label="TLS, certificate and host name verified (verify-full)" />
        <Radio
          value="disable"
          label="No TLS (a server on this computer only)"
          description={values.host.trim() && !loopback ? `${values.host.trim()} is not this computer: keep TLS on.` : undefined}
        />
      </Stack>
    </Radio.Group>
  )
}

function PasswordField({ view, value, error, onChange }: { view: TeamView; value: string; error?: string; onChange(value: string): void }) {
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap">
        <Text component="label" htmlFor={TEAM_PASSWORD_ID} size="sm" fw={500}>
          Password
        </Text>
        <Badge color={view.passwordSaved ? 'green' : 'gray'} variant="light" radius="sm" tt="none" data-testid="team-password-state">
          {view.passwordSaved ? 'Saved' : 'Not saved'}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" id={`${TEAM_PASSWORD_ID}-state`}>
        {view.passwordSaved
          ? 'Kept by this computer’s secret store and never shown. Leave empty to keep it; type a new one to replace it.'
          : 'Kept by this computer’s secret store, never in the portfolio file. Leave empty if your server signs you in without one.'}
      </Text>
      <PasswordInput
        id={TEAM_PASSWORD_ID}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${TEAM_PASSWORD_ID}-error ${TEAM_PASSWORD_ID}-state` : `${TEAM_PASSWORD_ID}-state`}
        errorProps={{ id: `${TEAM_PASSWORD_ID}-error` }}
        placeholder={view.passwordSaved ? 'Saved — type a new one to replace it' : 'Your PostgreSQL password'}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        autoComplete="new-password"
        visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
        maw={420}
      />
    </Stack>
  )
}

export function TeamConnectionForm({ view, onDirtyChange }: TeamConnectionFormProps) {
  const busy = useTeamStore((s) => s.busy)
  const saveConnection = useTeamStore((s) => s.saveConnection)
  const [initial, setInitial] = useState(() => teamFormValues(view.connection))
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<TeamFormErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const dirty = !sameValues(values, initial)

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange])

  function set<K extends keyof TeamFormValues>(key: K, value: TeamFormValues[K]): void {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setServerError(null)
    const checked = checkTeamForm(values)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const result = await saveConnection(checked.connection, checked.password)
    if (!result.ok) {
      setErrors(teamFieldErrors(result.error.fields))
      setServerError(result.error.message)
      toastError('Team connection not saved', result.error.message)
      return
    }
    const fresh = teamFormValues(result.value.connection)
    setInitial(fresh)
    setValues(fresh)
    setErrors({})
    toastSuccess('Team connection saved', checked.password ? 'The password is in this computer’s secret store.' : undefined)
  }

  const problems = namedErrors(errors)
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Team connection">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label="Host" description="The PostgreSQL server, e.g. db.example.com" value={values.host} onChange={(e) => set('host', e.currentTarget.value)} error={errors.host} spellCheck={false} autoComplete="off" />
          <NumberInput
            label="Port"
            description="PostgreSQL’s usual port is 5432"
            value={values.port}
            onChange={(v) => set('port', v)}
            error={errors.port}
            min={1}
            max={65_535}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            thousandSeparator={false}
          />
          <TextInput label="Database" value={values.database} onChange={(e) => set('database', e.currentTarget.value)} error={errors.database} spellCheck={false} autoComplete="off" />
          <TextInput
            label="User"
            description="Your own PostgreSQL role: your changes carry its name"
            value={values.user}
            onChange={(e) => set('user', e.currentTarget.value)}
            error={errors.user}
            spellCheck={false}
            autoComplete="username"
          />
        </SimpleGrid>
        <TlsField values={values} error={errors.tls} set={set} />
        <TextInput
          label="CA file (optional)"
          description="The full path of a PEM file with the certificate authority that signed the server’s certificate; empty uses this computer’s trusted authorities."
          placeholder="/path/to/team-ca.pem"
          value={values.caFile}
          onChange={(e) => set('caFile', e.currentTarget.value)}
          error={errors.caFile}
          disabled={values.tls === 'disable'}
          spellCheck={false}
          autoComplete="off"
        />
        <PasswordField view={view} value={values.password} error={errors.password} onChange={(v) => set('password', v)} />
        {serverError && (
          <Alert color="red" variant="light" p="sm" title="The team connection was not saved">
            {serverError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {problems.length > 0 ? (
            <List size="sm" c="red" role="alert" data-testid="team-form-problems">
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          ) : (
            dirty && (
              <Text size="sm" c="dimmed">
                Unsaved changes
              </Text>
            )
          )}
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}>
            Save connection
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
