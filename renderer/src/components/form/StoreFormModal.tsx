/**
 * Add or edit a store. Validation is the shared `validateStoreInput`, the same rules main runs, so
 * what the form accepts main accepts; main's own refusals (a duplicate) land on the same fields.
 */
import { Alert, Autocomplete, Button, Fieldset, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDiscardGuard, useTrackDirty } from '../common/DiscardGuard'
import type { DiscardGuard } from '../common/DiscardGuard'
import type { FormErrors } from '@mantine/form'
import { IconAlertCircle, IconWorldOff } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import { isCoveredCountry } from '../../../../electron/shared/countries'
import type { Store } from '../../../../electron/shared/portfolio'
import type { AppErrorInfo } from '../../../../electron/shared/result'
import { CONTACT_CHANNELS, CONTACT_CHANNEL_LABELS, STORE_FIELD_BY_KEY, validateStoreInput } from '../../../../electron/shared/store-fields'
import type { StoreFieldKey } from '../../../../electron/shared/store-fields'
import { countryName, storeLabel } from '../../lib/format'
import { hideToast, toastSuccess } from '../../lib/toast'
import { usePortfolioStore } from '../../stores/usePortfolioStore'
import { useStoreFormStore } from '../../stores/useStoreFormStore'
import { useSettingsStore } from '../../stores/useSettingsStore'
import { CountrySelect } from './CountrySelect'

export interface StoreFormValues {
  clientName: string
  storeName: string
  country: string
  sellerShortCode: string
  sellerId: string
  loginEmail: string
  contactName: string
  contactEmail: string
  contactPhone: string
  contactChannel: string | null
  omsStoreRef: string
  ownerKam: string
  tags: string[]
  notes: string
}

/** Section titles that read as headings, like the store page's. */
const LEGEND_STYLES = {
  legend: { fontSize: 'var(--mantine-font-size-xs)', fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.4, color: 'var(--mantine-color-dimmed)', marginBottom: 4 }
} as const

const CHANNEL_OPTIONS = CONTACT_CHANNELS.map((c) => ({ value: c, label: CONTACT_CHANNEL_LABELS[c] }))

/** A store's values; a new store's owner is the KAM (Settings → You), when they gave a name. */
function valuesFrom(store: Store | null, kamName = ''): StoreFormValues {
  return {
    clientName: store?.clientName ?? '',
    storeName: store?.storeName ?? '',
    country: store?.country ?? '',
    sellerShortCode: store?.sellerShortCode ?? '',
    sellerId: store?.sellerId ?? '',
    loginEmail: store?.loginEmail ?? '',
    contactName: store?.contactName ?? '',
    contactEmail: store?.contactEmail ?? '',
    contactPhone: store?.contactPhone ?? '',
    contactChannel: store?.contactChannel ?? null,
    omsStoreRef: store?.omsStoreRef ?? '',
    ownerKam: store ? (store.ownerKam ?? '') : kamName.trim(),
    tags: store?.tags ?? [],
    notes: store?.notes ?? ''
  }
}

/** Field errors for Mantine form; problems that belong to no field go under `form`. */
function validate(values: StoreFormValues): FormErrors {
  const result = validateStoreInput(values)
  if (result.ok) return {}
  return Object.fromEntries(result.problems.map((p) => [p.field ?? 'form', p.message]))
}

/** Main names fields as paths of its payload ("store.loginEmail"); the form wants the key. */
function fieldOf(path: string): StoreFieldKey | null {
  const key = path.split('.').pop() ?? ''
  return key in STORE_FIELD_BY_KEY ? (key as StoreFieldKey) : null
}

function label(key: StoreFieldKey): string {
  return STORE_FIELD_BY_KEY[key].label
}

function StoreForm({ editing, guard }: { editing: Store | null; guard: DiscardGuard }) {
  const [, navigate] = useLocation()
  const saving = useStoreFormStore((s) => s.saving)
  const { save } = useStoreFormStore.getState()
  const facets = usePortfolioStore((s) => s.facets)
  const kamName = useSettingsStore((s) => s.settings?.you?.name ?? '')
  const [serverError, setServerError] = useState<AppErrorInfo | null>(null)

  const form = useForm<StoreFormValues>({
    mode: 'controlled',
    initialValues: valuesFrom(editing, kamName),
    validate,
    validateInputOnBlur: true
  })
  useTrackDirty(guard, () => form.isDirty())

  // The settings may arrive after the form opened: the name fills an owner the KAM left alone.
  useEffect(() => {
    if (editing || kamName.trim() === '' || form.isTouched('ownerKam') || form.getValues().ownerKam !== '') return
    form.setFieldValue('ownerKam', kamName.trim())
    form.resetTouched()
  }, [editing, kamName, form])

  const input = (key: StoreFieldKey) => ({
    label: label(key),
    description: STORE_FIELD_BY_KEY[key].hint,
    withAsterisk: STORE_FIELD_BY_KEY[key].required,
    ...form.getInputProps(key)
  })

  async function submit(values: StoreFormValues): Promise<void> {
    const checked = validateStoreInput(values)
    if (!checked.ok) return
    setServerError(null)
    const result = await save(checked.value)
    if (!result.ok) {
      setServerError(result.error)
      for (const problem of result.error.fields ?? []) {
        const field = fieldOf(problem.field)
        if (field) form.setFieldError(field, problem.message)
      }
      return
    }
    const saved = result.value
    if (editing) {
      toastSuccess('Changes saved', storeLabel(saved))
      return
    }
    const toastId = `added-${saved.id}`
    toastSuccess(
      'Store added',
      <Stack gap={6} align="flex-start">
        <Text size="sm">{storeLabel(saved)}</Text>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => {
            hideToast(toastId)
            navigate(`/stores/${saved.id}`)
          }}
        >
          Open
        </Button>
      </Stack>,
      { id: toastId }
    )
  }

  const country = form.values.country
  const formError = typeof form.errors.form === 'string' ? form.errors.form : null

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => void submit(values),
        () => setServerError(null)
      )}
    >
      <Stack gap="sm">
        {serverError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} title={serverError.code === 'duplicate' ? 'This store is already in the portfolio' : 'Could not save the store'} role="alert">
            {serverError.message}
          </Alert>
        )}
        {formError && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
            {formError}
          </Alert>
        )}
        <Fieldset legend="Store" disabled={saving} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
            <TextInput {...input('clientName')} data-autofocus autoComplete="off" />
            <TextInput {...input('storeName')} autoComplete="off" />
            <CountrySelect {...input('country')} />
          </SimpleGrid>
          {country && !isCoveredCountry(country) && (
            <Alert color="orange" variant="light" icon={<IconWorldOff size={16} />} mt="xs" p="xs" data-testid="out-of-scope-note">
              <Text size="sm">
                {countryName(country)} is outside the six Service Market countries. The store is kept as <b>out of scope</b>: Storewatch
                records it but does not watch it.
              </Text>
            </Alert>
          )}
        </Fieldset>
        <Fieldset legend="Seller" disabled={saving} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
            <TextInput
              {...input('sellerShortCode')}
              description="As in Seller Center, e.g. SG1A2B3C4D"
              autoComplete="off"
              styles={{ input: { textTransform: 'uppercase' } }}
            />
            <TextInput {...input('sellerId')} description="Digits only" autoComplete="off" inputMode="numeric" />
            <TextInput
              {...input('loginEmail')}
              description="Needed when there is no short code"
              type="email"
              autoComplete="off"
              onBlur={(e) => {
                form.getInputProps('loginEmail').onBlur?.(e)
                // Filling the e-mail can settle the "short code or e-mail" rule shown on the short code.
                if (form.errors.sellerShortCode) form.validateField('sellerShortCode')
              }}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Contact" disabled={saving} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={4} spacing="sm" verticalSpacing="xs">
            <TextInput {...input('contactName')} autoComplete="off" />
            <TextInput {...input('contactEmail')} type="email" autoComplete="off" />
            <TextInput {...input('contactPhone')} type="tel" autoComplete="off" />
            <Select {...input('contactChannel')} description={undefined} data={CHANNEL_OPTIONS} clearable placeholder="Not set" />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend="Management" disabled={saving} variant="unstyled" styles={LEGEND_STYLES}>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
            <TextInput {...input('omsStoreRef')} autoComplete="off" />
            <Autocomplete {...input('ownerKam')} data={facets.owners} placeholder="Who looks after this store" />
            <TagsInput
              {...input('tags')}
              description={undefined}
              data={facets.tags}
              splitChars={[',', '|']}
              placeholder="Type, then Enter"
              clearable
              acceptValueOnBlur
            />
          </SimpleGrid>
          <Textarea {...input('notes')} autosize minRows={2} maxRows={5} mt="xs" />
        </Fieldset>
        <Group justify="flex-end" gap="sm" pt="xs">
          <Button variant="default" onClick={guard.requestClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {editing ? 'Save changes' : 'Save store'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

export function StoreFormModal() {
  const opened = useStoreFormStore((s) => s.opened)
  const editing = useStoreFormStore((s) => s.editing)
  const session = useStoreFormStore((s) => s.session)
  const close = useStoreFormStore((s) => s.close)
  const guard = useDiscardGuard(close)

  // The KAM's name (Settings → You) is a new store's owner.
  useEffect(() => {
    if (opened && !editing && !useSettingsStore.getState().loaded) void useSettingsStore.getState().load()
  }, [opened, editing])

  return (
    <>
      <Modal opened={opened} onClose={guard.requestClose} title={editing ? 'Edit store' : 'Add store'} size={960} centered>
        <StoreForm key={session} editing={editing} guard={guard} />
      </Modal>
      {guard.confirm}
    </>
  )
}
