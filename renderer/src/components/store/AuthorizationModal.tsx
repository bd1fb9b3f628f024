/**
 * Record that the seller authorized the app: when (in the store's country time), how, which
 * account and country they picked, when it lapses if known, and whether the store was also
 * reconnected in the OMS. Checked with the shared schema before it goes to main.
 */
import { Alert, Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { COVERED_COUNTRY_LIST } from '../../../../electron/shared/countries'
import type { Store } from '../../../../electron/shared/portfolio'
import { AUTHORIZATION_METHODS, AUTHORIZATION_METHOD_LABELS, authorizationInputSchema } from '../../../../electron/shared/records'
import type { AuthorizationInput, AuthorizationMethod } from '../../../../electron/shared/records'
import { fromStoreInput, storeTimeName, toStoreInput } from '../../lib/dates'
import { storeLabel } from '../../lib/format'
import { toastSuccess } from '../../lib/toast'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { DateTimeField } from '../common/DateFields'
import { sameValues, useDiscardGuard, useTrackDirty } from '../common/DiscardGuard'
import type { DiscardGuard } from '../common/DiscardGuard'
import { TimeEcho } from '../common/TimeEcho'

interface Values {
  authorizedAt: string
  method: AuthorizationMethod
  account: string
  country: string
  refreshDeadlineAt: string
  note: string
  reconnected: boolean
}

type Errors = Partial<Record<keyof Values, string>>

const COUNTRY_CHOICES = [
  { value: '', label: 'Not known' },
  ...COVERED_COUNTRY_LIST.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` })),
  { value: 'CB', label: 'Cross-border (CB)' }
]

export function authorizationFromForm(values: Values, country: string): { ok: true; value: AuthorizationInput } | { ok: false; errors: Errors } {
  const authorizedAt = fromStoreInput(values.authorizedAt, country)
  const refreshDeadlineAt = fromStoreInput(values.refreshDeadlineAt, country)
  const errors: Errors = {}
  if (authorizedAt === null) errors.authorizedAt = 'Enter when the seller authorized'
  else if (Number.isNaN(authorizedAt)) errors.authorizedAt = 'Enter a whole date and time'
  if (Number.isNaN(refreshDeadlineAt)) errors.refreshDeadlineAt = 'Enter a whole date and time, or leave it empty'
  else if (refreshDeadlineAt !== null && authorizedAt !== null && !Number.isNaN(authorizedAt) && refreshDeadlineAt <= authorizedAt) {
    errors.refreshDeadlineAt = 'It lapses after it was authorized'
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  const parsed = authorizationInputSchema.safeParse({
    authorizedAt,
    method: values.method,
    account: values.account,
    country: values.country,
    refreshDeadlineAt,
    note: values.note,
    reconnected: values.reconnected
  })
  if (parsed.success) return { ok: true, value: parsed.data }
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'authorizedAt') as keyof Values
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

function AuthorizationForm({ store, onClose, guard }: { store: Store; onClose(): void; guard: DiscardGuard }) {
  const busy = useStoreDetailStore((s) => s.busy)
  const recordAuthorization = useStoreDetailStore((s) => s.recordAuthorization)
  const country = store.country
  const zoneName = storeTimeName(country)
  const [initialValues] = useState<Values>(() => ({
    authorizedAt: toStoreInput(Date.now(), country),
    method: 'recorded-by-kam',
    account: store.loginEmail ?? '',
    country: COUNTRY_CHOICES.some((c) => c.value === country) ? country : '',
    refreshDeadlineAt: '',
    note: '',
    reconnected: false
  }))
  const [values, setValues] = useState<Values>(initialValues)
  useTrackDirty(guard, () => !sameValues(values, initialValues))
  const [errors, setErrors] = useState<Errors>({})
  const [serverError, setServerError] = useState<string | null>(null)

  function set<K extends keyof Values>(key: K, value: Values[K]): void {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const checked = authorizationFromForm(values, country)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setServerError(null)
    const result = await recordAuthorization(store.id, checked.value)
    if (!result.ok) {
      setServerError(result.error.message)
      return
    }
    toastSuccess(checked.value.reconnected ? 'Authorization and reconnect recorded' : 'Authorization recorded', storeLabel(store))
    onClose()
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)}>
      <Stack gap="md">
        <SimpleGrid cols={2} spacing="md">
          <div>
            <DateTimeField
              label="Authorized at"
              description={zoneName}
              withAsterisk
              value={values.authorizedAt}
              onChange={(v) => set('authorizedAt', v)}
              error={errors.authorizedAt}
            />
            <TimeEcho value={values.authorizedAt} country={country} />
          </div>
          <NativeSelect
            label="How"
            description="Where the seller authorized"
            value={values.method}
            onChange={(e) => set('method', e.currentTarget.value as AuthorizationMethod)}
            data={AUTHORIZATION_METHODS.map((m) => ({ value: m, label: AUTHORIZATION_METHOD_LABELS[m] }))}
          />
          <TextInput
            label="Seller account"
            description="The Seller Center account that authorized"
            value={values.account}
            onChange={(e) => set('account', e.currentTarget.value)}
            error={errors.account}
          />
          <NativeSelect
            label="Country picked"
            description="On Lazada’s authorization page"
            value={values.country}
            onChange={(e) => set('country', e.currentTarget.value)}
            data={COUNTRY_CHOICES}
            error={errors.country}
          />
          <div>
            <DateTimeField
              label="Lapses"
              description={`Refresh deadline, if known · ${zoneName}`}
              value={values.refreshDeadlineAt}
              onChange={(v) => set('refreshDeadlineAt', v)}
              error={errors.refreshDeadlineAt}
            />
            <TimeEcho value={values.refreshDeadlineAt} country={country} />
          </div>
        </SimpleGrid>
        <Textarea label="Note" autosize minRows={2} maxRows={5} value={values.note} onChange={(e) => set('note', e.currentTarget.value)} error={errors.note} />
        <Checkbox
          label="Also reconnected in the OMS"
          description="Tick it if the store is already syncing again"
          checked={values.reconnected}
          onChange={(e) => set('reconnected', e.currentTarget.checked)}
        />
        {serverError && (
          <Alert color="red" title="Not saved">
            {serverError}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={guard.requestClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Save authorization
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function AuthorizationModal({ opened, store, onClose }: { opened: boolean; store: Store; onClose(): void }) {
  const guard = useDiscardGuard(onClose)
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title="Record authorization" size="lg" centered>
        {opened && <AuthorizationForm store={store} onClose={onClose} guard={guard} />}
      </Modal>
      {guard.confirm}
    </>
  )
}
