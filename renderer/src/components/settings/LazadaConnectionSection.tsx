/**
 * Settings → Lazada connection: the integrator's App Secret (typed here, kept by main in this
 * computer's keyring, never shown again — the renderer only learns whether it is set), the consent
 * a computer without a keyring needs, "Test connection", what else Lazada checks need from the
 * integrator profile, whether scheduled checks ask Lazada, the in-app code exchange setting and
 * the call rate (both saved with the other settings), and — read-only — the hosts in use.
 */
import { Alert, Anchor, Badge, Button, Checkbox, Collapse, Divider, Group, List, Loader, Modal, NumberInput, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle, IconChevronDown, IconChevronRight, IconCircleCheck, IconCircleX, IconDeviceFloppy, IconPlugConnected, IconShieldCheck, IconShieldExclamation, IconTrash } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { COVERED_COUNTRIES } from '../../../../electron/shared/countries'
import type { CoveredCountry } from '../../../../electron/shared/countries'
import { DEFAULT_API_CALLS_PER_SECOND } from '../../../../electron/shared/integrator'
import type { IntegratorProfile } from '../../../../electron/shared/integrator'
import { ipcContract } from '../../../../electron/shared/ipc-contract'
import type { ConnectionTestResult, LazadaCredentialsView, SaveSecretResult } from '../../../../electron/shared/lazada'
import type { Result } from '../../../../electron/shared/result'
import { focusField } from '../../lib/focus'
import { countryName, formatDateTime, formatRelative } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useNow } from '../../lib/use-now'
import { remoteChecksOffReason, useCredentialsStore } from '../../stores/useCredentialsStore'
import { ConfirmModal } from '../common/ConfirmModal'
import { LoadFailed } from '../common/LoadFailed'
import { SECRET_STATE_COLORS, SECRET_STATE_LABELS } from '../lazada/lazada-text'
import { useLazadaHostsStore } from '../../stores/useLazadaHostsStore'
import { LazadaHostsList } from './LazadaHostsList'
import type { SettingsErrors, SettingsValues } from './settings-form'

export const SECRET_INPUT_ID = 'lazada-app-secret'
/** The integrator fields the connection links to. */
export const INTEGRATOR_FIELD_IDS = { appKey: 'integrator-appKey', articleCode: 'integrator-articleCode' } as const

const EXCHANGE_DESCRIPTION_ID = 'lazada-exchange-description'

export const CONSENT_TITLE = 'Keep the app secret without protection?'
export const CONSENT_CHECKBOX = 'I understand: the app secret will NOT be protected on this computer'

interface LazadaConnectionSectionProps {
  values: SettingsValues
  errors: SettingsErrors
  /** The profile as saved: what Lazada checks use until the form is saved. */
  saved: Pick<IntegratorProfile, 'appKey' | 'articleCode'>
  set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void
}

function RemoteChecks({ view }: { view: LazadaCredentialsView }) {
  const off = remoteChecksOffReason(view)
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="remote-checks">
      <Badge color={off ? 'gray' : 'green'} variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }} mt={1}>
        {off ? 'Checks don’t ask Lazada' : 'Checks ask Lazada'}
      </Badge>
      <Text size="sm" c={off ? 'dimmed' : undefined}>
        {off ?? 'Every scheduled check (and “Check now”) also asks Lazada about each store that has a seller short code, and shows Lazada’s End Time beside yours.'}
      </Text>
    </Group>
  )
}

/** What Lazada checks still need from the integrator profile, with a way to each field. */
function MissingFields({ values, saved }: Pick<LazadaConnectionSectionProps, 'values' | 'saved'>) {
  const wanted: { field: keyof typeof INTEGRATOR_FIELD_IDS; what: string; action: string }[] = []
  if (!values.appKey.trim()) wanted.push({ field: 'appKey', what: 'the app key (client_id)', action: 'Set the app key' })
  if (!values.articleCode.trim()) wanted.push({ field: 'articleCode', what: 'the Service Market article code', action: 'Set the article code' })
  const unsaved = wanted.length === 0 && (!saved.appKey || !saved.articleCode)
  if (wanted.length === 0 && !unsaved) return null
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} p="sm" role="note" data-testid="lazada-missing">
      {unsaved ? (
        <Text size="sm">Save the settings: Lazada checks use the app key and article code once they are saved.</Text>
      ) : (
        <>
          <Text size="sm" mb={4}>
            To ask Lazada, Storewatch also needs these from the integrator (in the Integrator section above):
          </Text>
          <List size="sm" spacing={2}>
            {wanted.map((w) => (
              <List.Item key={w.field}>
                {w.what} ·{' '}
                <Anchor component="button" type="button" size="sm" fw={500} onClick={() => focusField(INTEGRATOR_FIELD_IDS[w.field])}>
                  {w.action}
                </Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  )
}

function Protection({ view }: { view: LazadaCredentialsView }) {
  const { protection } = view
  // Once saved with protection, the secret's own sentence already names the keyring.
  if (view.secret === 'set' && protection.protected && view.unprotectedSince === null) return null
  const Icon = protection.protected ? IconShieldCheck : IconShieldExclamation
  const color = !protection.available ? 'red' : protection.protected ? 'green' : 'orange'
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-testid="secret-protection">
      <Icon size={16} color={`var(--mantine-color-${color}-7)`} style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
      <Text size="xs" c={protection.protected ? 'dimmed' : `${color}.9`}>
        {protection.message}
      </Text>
    </Group>
  )
}

/** The body of the consent dialog: unmounted when it closes, so each opening starts unticked. */
function ConsentBody({ message, busy, onCancel, onConsent }: { message: string; busy: boolean; onCancel(): void; onConsent(): void }) {
  const [agreed, setAgreed] = useState(false)
  return (
    <Stack gap="md">
      <Text size="sm">{message}</Text>
      <Alert color="red" variant="light" icon={<IconShieldExclamation size={18} />} p="sm">
        <Text size="sm" fw={600}>
          The secret will NOT be protected on this computer.
        </Text>
        <Text size="sm">Anyone who can read your files — another account, a backup, malware — could read it and call Lazada as the integrator’s app.</Text>
      </Alert>
      <Checkbox label={CONSENT_CHECKBOX} checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel} disabled={busy} data-autofocus>
          Cancel
        </Button>
        <Button color="red" onClick={onConsent} disabled={!agreed} loading={busy}>
          Save without protection
        </Button>
      </Group>
    </Stack>
  )
}

function ConsentModal({ opened, message, busy, onCancel, onConsent }: { opened: boolean; message: string; busy: boolean; onCancel(): void; onConsent(): void }) {
  return (
    <Modal opened={opened} onClose={onCancel} title={CONSENT_TITLE} centered size="md">
      {opened && <ConsentBody message={message} busy={busy} onCancel={onCancel} onConsent={onConsent} />}
    </Modal>
  )
}

function SecretField({ view }: { view: LazadaCredentialsView }) {
  const busy = useCredentialsStore((s) => s.busy)
  const { saveSecret, clearSecret } = useCredentialsStore.getState()
  const [typed, setTyped] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [refusal, setRefusal] = useState<string | null>(null)
  /** The secret waiting for the KAM's consent, and main's reason. */
  const [consent, setConsent] = useState<{ secret: string; message: string } | null>(null)
  const [clearOpen, clearModal] = useDisclosure(false)
  const cannotKeep = !view.protection.available
  const saved = view.secret === 'set' || view.secret === 'unreadable'

  function settle(result: Result<SaveSecretResult>, secret: string): void {
    if (!result.ok) {
      const onField = result.error.fields?.find((f) => f.field === 'secret')
      setError(onField ? `${onField.message}: ${result.error.message}` : result.error.message)
      return
    }
    const answer = result.value
    if (answer.status === 'saved') {
      setTyped('')
      setConsent(null)
      setRefusal(null)
      toastSuccess('App secret saved', answer.credentials.message)
    } else if (answer.status === 'needs-consent') {
      setConsent({ secret, message: answer.message })
    } else {
      setConsent(null)
      setRefusal(answer.message)
    }
  }

  async function onSave(): Promise<void> {
    const secret = typed.trim()
    setRefusal(null)
    if (!secret) {
      setError('Paste the App Secret from Lazada’s App Console')
      return
    }
    settle(await saveSecret(secret), secret)
  }

  async function onConsent(): Promise<void> {
    if (!consent) return
    settle(await saveSecret(consent.secret, true), consent.secret)
  }

  async function onClear(): Promise<void> {
    const result = await clearSecret()
    clearModal.close()
    if (result.ok) {
      setTyped('')
      toastSuccess('App secret cleared', 'Scheduled checks no longer ask Lazada.')
    } else {
      toastError('Could not clear the app secret', result.error.message)
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter saves the secret, not the whole settings form around it.
    if (event.key !== 'Enter') return
    event.preventDefault()
    void onSave()
  }

  const placeholder =
    view.secret === 'set'
      ? 'Saved — paste a new one to replace it'
      : view.secret === 'unreadable'
        ? 'Enter the app secret again'
        : 'Paste the App Secret from Lazada’s App Console'

  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap">
        <Text component="label" htmlFor={SECRET_INPUT_ID} size="sm" fw={600}>
          App secret
        </Text>
        <Badge color={SECRET_STATE_COLORS[view.secret]} variant="light" radius="sm" tt="none" data-testid="secret-state">
          {SECRET_STATE_LABELS[view.secret]}
        </Badge>
      </Group>
      <Text size="xs" c={view.secret === 'unreadable' ? 'red.8' : view.unprotectedSince !== null ? 'orange.9' : 'dimmed'} id={`${SECRET_INPUT_ID}-state`} data-testid="secret-message">
        {view.message}
      </Text>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <PasswordInput
          id={SECRET_INPUT_ID}
          // PasswordInput leaves both to the caller.
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${SECRET_INPUT_ID}-error ${SECRET_INPUT_ID}-state` : `${SECRET_INPUT_ID}-state`}
          errorProps={{ id: `${SECRET_INPUT_ID}-error` }}
          placeholder={placeholder}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value)
            setError(null)
          }}
          onKeyDown={onKeyDown}
          error={error}
          disabled={cannotKeep}
          autoComplete="off"
          spellCheck={false}
          visibilityToggleButtonProps={{ 'aria-label': 'Show or hide what you typed' }}
          style={{ flex: 1 }}
          maw={420}
        />
        <Button leftSection={<IconDeviceFloppy size={16} />} onClick={() => void onSave()} loading={busy === 'save'} disabled={cannotKeep || (busy !== null && busy !== 'save')}>
          Save secret
        </Button>
        {saved && (
          <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={clearModal.open} disabled={busy !== null}>
            Clear secret
          </Button>
        )}
      </Group>
      <Protection view={view} />
      {refusal && (
        <Alert color="red" variant="light" p="sm" title="The app secret was not saved" data-testid="secret-refusal">
          {refusal}
        </Alert>
      )}
      <ConsentModal
        opened={consent !== null}
        message={consent?.message ?? ''}
        busy={busy === 'save'}
        onCancel={() => setConsent(null)}
        onConsent={() => void onConsent()}
      />
      <ConfirmModal
        opened={clearOpen}
        title="Clear the app secret?"
        confirmLabel="Clear secret"
        busy={busy === 'clear'}
        onCancel={clearModal.close}
        onConfirm={() => void onClear()}
      >
        <Text size="sm">
          Storewatch forgets the app secret. Scheduled checks stop asking Lazada until it is entered again; Lazada’s last answers stay on the
          stores.
        </Text>
      </ConfirmModal>
    </Stack>
  )
}

const COUNTRY_DATA = COVERED_COUNTRIES.map((c) => ({ value: c, label: `${countryName(c)} (${c})` }))

function TestResult({ result }: { result: ConnectionTestResult }) {
  const now = useNow(30_000)
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      variant="light"
      p="sm"
      icon={result.ok ? <IconCircleCheck size={18} /> : <IconCircleX size={18} />}
      role="status"
      data-testid="connection-test"
    >
      <Text size="sm">{result.message}</Text>
      <Text size="xs" c="dimmed" mt={2}>
        Tested {formatDateTime(result.at)} ({formatRelative(result.at, Math.max(now, result.at))})
      </Text>
    </Alert>
  )
}

function ConnectionTest({ view }: { view: LazadaCredentialsView }) {
  const busy = useCredentialsStore((s) => s.busy)
  const test = useCredentialsStore((s) => s.test)
  const [country, setCountry] = useState<string | null>(null)
  const [shortCode, setShortCode] = useState('')
  const [errors, setErrors] = useState<{ country?: string; shortCode?: string }>({})
  const [failure, setFailure] = useState<string | null>(null)
  const ready = view.secret === 'set'

  async function onTest(): Promise<void> {
    setFailure(null)
    const code = shortCode.trim()
    const input = { ...(country ? { country: country as CoveredCountry } : {}), ...(code ? { shortCode: code } : {}) }
    const checked = ipcContract['credentials:test'].input.safeParse(input)
    const next: typeof errors = {}
    if (!checked.success) next.shortCode = checked.error.issues[0]?.message
    if (code && !country) next.country = 'Pick the country of this short code'
    setErrors(next)
    if (next.shortCode || next.country) return
    const result = await test(input)
    if (!result.ok) setFailure(result.error.message)
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return
    event.preventDefault()
    if (ready) void onTest()
  }

  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={600}>
          Test the connection
        </Text>
        <Text size="xs" c="dimmed">
          One signed call to Lazada: the subscription query for the seller short code you type, or for the first store that has one.
        </Text>
      </div>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <Select
          label="Country"
          placeholder="Optional"
          data={COUNTRY_DATA}
          value={country}
          onChange={(v) => {
            setCountry(v)
            setErrors((e) => ({ ...e, country: undefined }))
          }}
          clearable
          error={errors.country}
          w={210}
          size="sm"
        />
        <TextInput
          label="Seller short code"
          placeholder="Optional, e.g. SG10001"
          value={shortCode}
          onChange={(e) => {
            setShortCode(e.currentTarget.value)
            setErrors((er) => ({ ...er, shortCode: undefined }))
          }}
          onKeyDown={onKeyDown}
          error={errors.shortCode}
          spellCheck={false}
          autoComplete="off"
          w={220}
        />
        <Button
          mt={25}
          variant="default"
          leftSection={<IconPlugConnected size={16} />}
          onClick={() => void onTest()}
          loading={busy === 'test'}
          disabled={!ready || (busy !== null && busy !== 'test')}
        >
          Test connection
        </Button>
      </Group>
      {!ready && (
        <Text size="xs" c="dimmed">
          Save the app secret first.
        </Text>
      )}
      {failure && (
        <Alert color="red" variant="light" p="sm" title="The test did not run">
          {failure}
        </Alert>
      )}
      {view.lastTest && <TestResult result={view.lastTest} />}
    </Stack>
  )
}

function ExchangeSetting({ on, secretSet, onChange }: { on: boolean; secretSet: boolean; onChange(on: boolean): void }) {
  return (
    <Stack gap={4}>
      <Switch
        label="Exchange the code in Storewatch"
        aria-describedby={EXCHANGE_DESCRIPTION_ID}
        checked={on}
        onChange={(e) => onChange(e.currentTarget.checked)}
        styles={{ label: { fontWeight: 600 } }}
      />
      <Stack gap={4} pl={54}>
        <Text size="xs" c="dimmed" id={EXCHANGE_DESCRIPTION_ID}>
          When a seller authorizes through “Reauthorize”, Storewatch exchanges Lazada’s code for the store’s tokens itself, instead of letting
          the integrator’s callback page load, and checks that the account Lazada authorized is the store’s (its country, and its short code or
          seller id) before attaching anything. Turn it on only if the integrator allows it. Off by default; saved with the other settings.
        </Text>
        {on && !secretSet && (
          <Text size="xs" c="orange.9">
            Needs the app secret: without it, “Reauthorize” cannot exchange the code.
          </Text>
        )}
      </Stack>
    </Stack>
  )
}

/**
 * Where Storewatch sends its Lazada calls (read-only: Lazada's own hosts unless a start-up option
 * replaced them) and how fast (a setting). Folded away while both are as usual; open when the
 * hosts are replaced, something about them needs saying, or the rate is changed or has a problem.
 */
function HostsAndRate({ values, errors, set }: Pick<LazadaConnectionSectionProps, 'values' | 'errors' | 'set'>) {
  const hosts = useLazadaHostsStore((s) => s.view)
  const unusual = hosts !== null && (hosts.override !== null || hosts.overrideProblem !== null || hosts.ignoredSaved.length > 0)
  const rateChanged = values.apiCallsPerSecond !== DEFAULT_API_CALLS_PER_SECOND
  const [open, setOpen] = useState(rateChanged)
  const shown = open || unusual || Boolean(errors.apiCallsPerSecond)
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        <Anchor
          component="button"
          type="button"
          size="sm"
          fw={600}
          c="dark"
          aria-expanded={shown}
          aria-controls="lazada-api-hosts"
          onClick={() => setOpen(!shown)}
          style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
        >
          {shown ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
          API hosts and call rate
        </Anchor>
        <Text size="xs" c="dimmed" data-testid="api-hosts-summary">
          {hosts?.override ? 'Hosts replaced at start-up' : 'Lazada’s own hosts'} ·{' '}
          {typeof values.apiCallsPerSecond === 'number' ? `${values.apiCallsPerSecond} calls/s per API` : 'calls/s per API'}
        </Text>
      </Group>
      <Collapse expanded={shown} id="lazada-api-hosts">
        <Stack gap="sm">
          <NumberInput
            label="Calls per second, per API"
            description="Lazada bans an API for a second when a caller passes its cap, and publishes no cap for the APIs Storewatch uses: keep 10 unless the integrator knows their app may go faster."
            value={values.apiCallsPerSecond}
            onChange={(v) => set('apiCallsPerSecond', v)}
            error={errors.apiCallsPerSecond}
            min={1}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            // A number out of range gets the form's message on save rather than a silent change.
            clampBehavior="none"
            styles={{ wrapper: { maxWidth: 160 } }}
            size="sm"
          />
          <LazadaHostsList />
        </Stack>
      </Collapse>
    </Stack>
  )
}

function Part({ children }: { children: ReactNode }) {
  return <Stack gap="sm">{children}</Stack>
}

export function LazadaConnectionSection({ values, errors, saved, set }: LazadaConnectionSectionProps) {
  const credentials = useCredentialsStore((s) => s.credentials)
  const error = useCredentialsStore((s) => s.error)
  const load = useCredentialsStore((s) => s.load)

  useEffect(() => {
    void load()
  }, [load])

  if (!credentials) {
    return error ? (
      <LoadFailed what="the Lazada connection" error={error} onRetry={() => void load()} />
    ) : (
      <Group gap="xs">
        <Loader size="xs" aria-label="Loading the Lazada connection" />
      </Group>
    )
  }

  return (
    <Stack gap="md">
      <RemoteChecks view={credentials} />
      <MissingFields values={values} saved={saved} />
      <Divider />
      <Part>
        <SecretField view={credentials} />
      </Part>
      <Divider />
      <Part>
        <ConnectionTest view={credentials} />
      </Part>
      <Divider />
      <ExchangeSetting on={values.exchangeCodeInApp} secretSet={credentials.secret === 'set'} onChange={(on) => set('exchangeCodeInApp', on)} />
      <Divider />
      <HostsAndRate values={values} errors={errors} set={set} />
    </Stack>
  )
}
