/**
 * Record or change a store's Service Market subscription, typically the Start and End Time read off
 * Lazada's Order Confirmation page. Times are typed in the STORE's country time (as Lazada shows
 * them) and stored as UTC instants; the shared schema checks them as main will.
 */
import { Alert, Button, Group, Modal, NativeSelect, Radio, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { Store } from '../../../../electron/shared/portfolio'
import {
  DATE_SOURCES,
  DATE_SOURCE_LABELS,
  SERVICE_VERSIONS,
  SERVICE_VERSION_LABELS,
  SUBSCRIPTION_PERIODS,
  SUBSCRIPTION_PERIOD_LABELS,
  subscriptionInputSchema
} from '../../../../electron/shared/records'
import type { DateSource, ServiceVersion, Subscription, SubscriptionInput, SubscriptionPeriod } from '../../../../electron/shared/records'
import { fromStoreInput, storeTimeName, toStoreInput } from '../../lib/dates'
import { storeLabel } from '../../lib/format'
import { toastSuccess } from '../../lib/toast'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { DateTimeField } from '../common/DateFields'
import { sameValues, useDiscardGuard, useTrackDirty } from '../common/DiscardGuard'
import type { DiscardGuard } from '../common/DiscardGuard'
import { TimeEcho } from '../common/TimeEcho'

interface Values {
  serviceVersion: ServiceVersion
  period: SubscriptionPeriod
  startAt: string
  endAt: string
  source: DateSource
}

type Errors = Partial<Record<keyof Values, string>>

const BAD_TIME = 'Enter a whole date and time, or leave it empty if it is not known'

/** The form's values as the contract's input, or the problems to show next to the fields. */
export function subscriptionFromForm(values: Values, country: string): { ok: true; value: SubscriptionInput } | { ok: false; errors: Errors } {
  const startAt = fromStoreInput(values.startAt, country)
  const endAt = fromStoreInput(values.endAt, country)
  const errors: Errors = {}
  if (Number.isNaN(startAt)) errors.startAt = BAD_TIME
  if (Number.isNaN(endAt)) errors.endAt = BAD_TIME
  if (Object.keys(errors).length) return { ok: false, errors }
  const parsed = subscriptionInputSchema.safeParse({ serviceVersion: values.serviceVersion, period: values.period, startAt, endAt, source: values.source })
  if (parsed.success) return { ok: true, value: parsed.data }
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'endAt') as keyof Values
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

interface SubscriptionFormProps {
  store: Store
  subscription: Subscription | null
  /** Lazada's End Time, when the KAM corrects the record from Lazada's answer: filled in, source Lazada. */
  lazadaEndAt?: number | null
  onClose(): void
}

function SubscriptionForm({ store, subscription, lazadaEndAt = null, onClose, guard }: SubscriptionFormProps & { guard: DiscardGuard }) {
  const busy = useStoreDetailStore((s) => s.busy)
  const saveSubscription = useStoreDetailStore((s) => s.saveSubscription)
  const country = store.country
  const zoneName = storeTimeName(country)
  const [initialValues] = useState<Values>(() => ({
    serviceVersion: subscription?.serviceVersion ?? 'authorization-only',
    period: subscription?.period ?? 'half-year',
    startAt: toStoreInput(subscription?.startAt ?? null, country),
    endAt: toStoreInput(lazadaEndAt ?? subscription?.endAt ?? null, country),
    // A KAM who changes the dates here is the source now, unless the date is Lazada's.
    source: lazadaEndAt !== null ? 'lazada' : 'kam'
  }))
  const [values, setValues] = useState<Values>(initialValues)
  useTrackDirty(guard, () => !sameValues(values, initialValues))
  const [errors, setErrors] = useState<Errors>({})
  const [serverError, setServerError] = useState<string | null>(null)

  function set<K extends keyof Values>(key: K, value: Values[K]): void {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined, ...(key === 'startAt' ? { endAt: undefined } : {}) }))
  }

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const checked = subscriptionFromForm(values, country)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setServerError(null)
    const result = await saveSubscription(store.id, checked.value)
    if (!result.ok) {
      setServerError(result.error.message)
      return
    }
    toastSuccess(subscription ? 'Subscription changed' : 'Subscription recorded', storeLabel(store))
    onClose()
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)}>
      <Stack gap="md">
        <Radio.Group label="Service version" value={values.serviceVersion} onChange={(v) => set('serviceVersion', v as ServiceVersion)}>
          <Group gap="lg" mt={6}>
            {SERVICE_VERSIONS.map((v) => (
              <Radio key={v} value={v} label={SERVICE_VERSION_LABELS[v]} />
            ))}
          </Group>
        </Radio.Group>
        {values.serviceVersion === 'paid' && (
          <Alert color="yellow" icon={<IconInfoCircle size={18} />} p="xs">
            <Text size="sm">The free “Authorization Only” version is all the integration needs; the paid version is not recommended.</Text>
          </Alert>
        )}
        <Radio.Group label="Period" value={values.period} onChange={(v) => set('period', v as SubscriptionPeriod)}>
          <Group gap="lg" mt={6}>
            {SUBSCRIPTION_PERIODS.map((p) => (
              <Radio key={p} value={p} label={SUBSCRIPTION_PERIOD_LABELS[p]} />
            ))}
          </Group>
        </Radio.Group>
        <div>
          <Text size="sm" fw={500}>
            Start and End Time
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            As Lazada’s Order Confirmation page shows them. Leave a time empty if it is not known.
          </Text>
          <SimpleGrid cols={2} spacing="md">
            <div>
              <DateTimeField
                label="Start Time"
                description={zoneName}
                value={values.startAt}
                onChange={(v) => set('startAt', v)}
                error={errors.startAt}
              />
              <TimeEcho value={values.startAt} country={country} />
            </div>
            <div>
              <DateTimeField
                label="End Time"
                description={zoneName}
                value={values.endAt}
                onChange={(v) => set('endAt', v)}
                error={errors.endAt}
              />
              <TimeEcho value={values.endAt} country={country} />
            </div>
          </SimpleGrid>
        </div>
        <NativeSelect
          label="Dates from"
          value={values.source}
          onChange={(e) => set('source', e.currentTarget.value as DateSource)}
          data={DATE_SOURCES.map((s) => ({ value: s, label: DATE_SOURCE_LABELS[s] }))}
          w={260}
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
            Save subscription
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function SubscriptionModal({ opened, ...form }: SubscriptionFormProps & { opened: boolean }) {
  const guard = useDiscardGuard(form.onClose)
  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title={form.subscription ? 'Change subscription' : 'Record subscription'} size="lg" centered>
        {opened && <SubscriptionForm {...form} guard={guard} />}
      </Modal>
      {guard.confirm}
    </>
  )
}
