/**
 * Settings: the status policy (which countries the Service Market rule covers, when it started,
 * the legacy grace, the reminder window), how often the portfolio is checked, the reminders, and
 * the integrator profile (its app, OMS, app key, callback, Service Market links), and the Lazada
 * connection (the app secret, acting at once, and the in-app exchange, saved with the rest). Saving
 * re-checks the whole portfolio in main. `#/settings?section=you` opens on You (the KAM's name as
 * owner), `#/settings?section=integrator` on the integrator
 * profile, `?section=lazada` on the Lazada connection, `?section=team` on the team's PostgreSQL
 * connection (Team, its own form), `?section=data` on the backups (Data).
 */
import { Alert, Button, Card, Center, Group, Loader, MultiSelect, NumberInput, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconDeviceFloppy, IconRestore } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FormEvent, ReactNode, RefObject } from 'react'
import { useSearch } from 'wouter'
import { DEFAULT_INTEGRATOR_PROFILE } from '../../../../electron/shared/integrator'
import { DEFAULT_SETTINGS } from '../../../../electron/shared/settings'
import type { AppSettings } from '../../../../electron/shared/settings'
import { COUNTRY_OPTION_GROUPS } from '../../lib/country-options'
import { formatCalendarDate } from '../../lib/dates'
import { toastError, toastSuccess } from '../../lib/toast'
import { useCredentialsStore } from '../../stores/useCredentialsStore'
import { useDataSafetyStore } from '../../stores/useDataSafetyStore'
import { useSettingsStore } from '../../stores/useSettingsStore'
import { useTeamStore } from '../../stores/useTeamStore'
import { ConfirmModal } from '../common/ConfirmModal'
import { DataSection } from './DataSection'
import { IntegratorSection } from './IntegratorSection'
import { LazadaConnectionSection } from './LazadaConnectionSection'
import { TeamSection } from './TeamSection'
import { fieldOfPath, settingsFromValues, valuesFromSettings } from './settings-form'
import type { SettingsErrors, SettingsValues } from './settings-form'
import { DateField } from '../common/DateFields'
import { LoadFailed } from '../common/LoadFailed'

export const SAVED_MESSAGE = 'Saved — checking the portfolio with the new settings'

function Section({ title, description, children, sectionRef }: { title: string; description: string; children: ReactNode; sectionRef?: RefObject<HTMLElement | null> }) {
  const id = `settings-${title.toLowerCase().replace(/\W+/g, '-')}`
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id} ref={sectionRef as RefObject<HTMLDivElement>} style={{ scrollMarginTop: 16 }}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {description}
      </Text>
      {children}
    </Card>
  )
}

const countrySelectProps = {
  data: COUNTRY_OPTION_GROUPS,
  searchable: true,
  clearable: true,
  hidePickedOptions: true,
  maxDropdownHeight: 260,
  nothingFoundMessage: 'No such country'
} as const

/** Everything but the integrator profile and the KAM's name: "Reset to defaults" keeps the app key, callback, links and who you are. */
const { integrator: _integrator, you: _you, ...RESETTABLE_DEFAULTS } = DEFAULT_SETTINGS

function SettingsForm({ settings, focusSection, onFocused }: { settings: AppSettings; focusSection: string | null; onFocused(): void }) {
  const saving = useSettingsStore((s) => s.saving)
  const save = useSettingsStore((s) => s.save)
  const [values, setValues] = useState<SettingsValues>(() => valuesFromSettings(settings))
  const [saved, setSaved] = useState<SettingsValues>(() => valuesFromSettings(settings))
  const [errors, setErrors] = useState<SettingsErrors>({})
  const [serverError, setServerError] = useState<string | null>(null)
  const [resetOpen, resetModal] = useDisclosure(false)
  const dirty = JSON.stringify(values) !== JSON.stringify(saved)
  const integratorRef = useRef<HTMLElement | null>(null)
  const lazadaRef = useRef<HTMLElement | null>(null)
  const youRef = useRef<HTMLElement | null>(null)

  // The Lazada connection is the last section: scrolled to once its content is there to scroll to.
  const lazadaShown = useCredentialsStore((s) => s.credentials !== null || s.error !== null)
  useEffect(() => {
    const target =
      focusSection === 'integrator' ? integratorRef : focusSection === 'you' ? youRef : focusSection === 'lazada' && lazadaShown ? lazadaRef : null
    if (!target) return
    target.current?.scrollIntoView({ block: 'start' })
    onFocused()
  }, [focusSection, onFocused, lazadaShown])

  function set<K extends keyof SettingsValues>(key: K, value: SettingsValues[K]): void {
    setValues((v) => ({ ...v, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }

  async function store(next: AppSettings): Promise<boolean> {
    setServerError(null)
    const result = await save(next)
    if (!result.ok) {
      const fieldErrors: SettingsErrors = {}
      for (const problem of result.error.fields ?? []) {
        const field = fieldOfPath(problem.field)
        if (field) fieldErrors[field] = problem.message
      }
      setErrors(fieldErrors)
      setServerError(result.error.message)
      toastError('Settings not saved', result.error.message)
      return false
    }
    const fresh = valuesFromSettings(result.value)
    setValues(fresh)
    setSaved(fresh)
    setErrors({})
    toastSuccess(SAVED_MESSAGE)
    return true
  }

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const checked = settingsFromValues(values, settings.integrator)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    await store(checked.value)
  }

  async function onReset(): Promise<void> {
    if (await store(RESETTABLE_DEFAULTS)) resetModal.close()
  }

  const problemCount = Object.values(errors).filter(Boolean).length
  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)}>
      <Stack gap="md">
        <Section title="You" description="Who you are in the portfolio: the owner your own stores carry." sectionRef={youRef}>
          <Stack gap="md">
            <TextInput
              label="Your name as owner"
              description="New stores get it as their owner. “My stores” on the dashboard are the stores whose owner is this name (capitals and spaces around it do not matter)."
              value={values.kamName}
              onChange={(e) => set('kamName', e.currentTarget.value)}
              error={errors.kamName}
              maw={420}
              autoComplete="name"
            />
            <Switch
              label="Remind me only about my stores"
              description={
                values.kamName.trim()
                  ? 'Other stores’ reminders stay in the notification centre, without a system notification. Stores you watch (“Watch” on their page) remind you as your own.'
                  : 'Give your name above first: until then every store reminds you.'
              }
              checked={values.remindMineOnly}
              onChange={(e) => set('remindMineOnly', e.currentTarget.checked)}
              disabled={!values.kamName.trim()}
            />
          </Stack>
        </Section>

        <Section title="Status policy" description="How Storewatch decides each store’s status. The defaults follow Lazada’s Service Market guide.">
          <Stack gap="md">
            <MultiSelect
              {...countrySelectProps}
              label="Covered countries"
              description="Lazada requires a Service Market order here. Stores in other countries are out of scope. Where the app is published is set under Integrator."
              value={values.coveredCountries}
              onChange={(v) => set('coveredCountries', v)}
              error={errors.coveredCountries}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <div>
                <DateField
                  label="Release date"
                  description="From this day, authorizing needs a Service Market order"
                  value={values.releaseDate}
                  onChange={(v) => set('releaseDate', v)}
                  error={errors.releaseDate}
                />
                {/^\d{4}-\d{2}-\d{2}$/.test(values.releaseDate) && !errors.releaseDate && (
                  <Text size="xs" c="dimmed" mt={2}>
                    {formatCalendarDate(values.releaseDate, true)}, in each store’s country time
                  </Text>
                )}
              </div>
              <NumberInput
                label="Legacy grace (days)"
                description="After a first authorization before the release"
                value={values.graceDays}
                onChange={(v) => set('graceDays', v)}
                min={0}
                max={365}
                allowDecimal={false}
                clampBehavior="none"
                error={errors.graceDays}
              />
              <NumberInput
                label="Reminder window (days)"
                description="A deadline this close makes a store “Expiring”"
                value={values.reminderWindowDays}
                onChange={(v) => set('reminderWindowDays', v)}
                min={1}
                max={365}
                allowDecimal={false}
                clampBehavior="none"
                error={errors.reminderWindowDays}
              />
            </SimpleGrid>
          </Stack>
        </Section>

        <Section title="Checks" description="Storewatch checks the portfolio when it starts, when the computer wakes, and on this schedule.">
          <NumberInput
            label="Check every (minutes)"
            description="From 5 minutes to once a day (1440)"
            value={values.checkIntervalMinutes}
            onChange={(v) => set('checkIntervalMinutes', v)}
            min={5}
            max={1440}
            step={5}
            allowDecimal={false}
            clampBehavior="none"
            error={errors.checkIntervalMinutes}
            w={260}
          />
        </Section>

        <Section title="Reminders" description="Notifications before a subscription ends, a legacy grace ends or an authorization lapses.">
          <Stack gap="md">
            <TagsInput
              label="Reminder days"
              description="Days before the deadline's date, counted in the store's country time; 0 is that date. Type a number and press Enter."
              value={values.ladderDays}
              onChange={(v) => set('ladderDays', v)}
              splitChars={[',', ' ', ';']}
              clearable
              error={errors.ladderDays}
              maw={520}
            />
            <Switch
              label="Quiet hours"
              description="Hold reminders during these hours (your own time); they are shown when the quiet hours end."
              checked={values.quietEnabled}
              onChange={(e) => set('quietEnabled', e.currentTarget.checked)}
            />
            <Group gap="md" align="flex-start">
              <TextInput
                type="time"
                label="Quiet from"
                value={values.quietStart}
                onChange={(e) => set('quietStart', e.currentTarget.value)}
                disabled={!values.quietEnabled}
                error={errors.quietStart}
                w={160}
              />
              <TextInput
                type="time"
                label="Quiet until"
                description={values.quietEnabled && values.quietEnd < values.quietStart ? 'The next morning' : undefined}
                value={values.quietEnd}
                onChange={(e) => set('quietEnd', e.currentTarget.value)}
                disabled={!values.quietEnabled}
                error={errors.quietEnd}
                w={160}
              />
            </Group>
          </Stack>
        </Section>

        <Section
          title="Integrator"
          description="The integrator’s Service Market app and OMS. Checklists, client messages and “Reauthorize” use them; what is missing is named where it is needed."
          sectionRef={integratorRef}
        >
          <IntegratorSection values={values} errors={errors} set={set} />
        </Section>

        <Section
          title="Lazada connection"
          description="With the integrator’s App Secret, Storewatch asks Lazada itself whether each store’s subscription is valid and when it ends. The secret is kept by this computer’s keyring and never shown again."
          sectionRef={lazadaRef}
        >
          <LazadaConnectionSection
            values={values}
            errors={errors}
            saved={settings.integrator ?? DEFAULT_INTEGRATOR_PROFILE}
            set={set}
          />
        </Section>

        {serverError && (
          <Alert color="red" title="Settings not saved">
            {serverError}
          </Alert>
        )}
        <Group justify="space-between" className="settings-actions">
          <Button variant="subtle" color="gray" leftSection={<IconRestore size={16} />} onClick={resetModal.open} disabled={saving}>
            Reset to defaults
          </Button>
          <Group gap="sm">
            {problemCount > 0 ? (
              <Text size="sm" c="red" role="alert">
                {problemCount === 1 ? 'One setting needs fixing' : `${problemCount} settings need fixing`}
              </Text>
            ) : (
              dirty && (
                <Text size="sm" c="dimmed">
                  Unsaved changes
                </Text>
              )
            )}
            <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={saving}>
              Save settings
            </Button>
          </Group>
        </Group>
      </Stack>
      <ConfirmModal
        opened={resetOpen}
        title="Reset every setting to its default?"
        confirmLabel="Reset to defaults"
        color="indigo"
        busy={saving}
        onCancel={resetModal.close}
        onConfirm={() => void onReset()}
      >
        <Text size="sm">
          The guide’s defaults come back: the six Service Market countries, release date 1 March 2024, 30 days of legacy grace, a 14-day
          window, hourly checks, reminders 14, 7, 3, 1 and 0 days before, no quiet hours. The integrator profile is kept. Storewatch then checks
          the portfolio again.
        </Text>
      </ConfirmModal>
    </form>
  )
}

export function SettingsPage() {
  const settings = useSettingsStore((s) => s.settings)
  const error = useSettingsStore((s) => s.error)
  const load = useSettingsStore((s) => s.load)
  const section = new URLSearchParams(useSearch()).get('section')
  // Scroll to the asked-for section once, not again after each save.
  const [focusSection, setFocusSection] = useState(section)
  const [askedFor, setAskedFor] = useState(section)
  if (section !== askedFor) {
    setAskedFor(section)
    setFocusSection(section)
  }
  const onFocused = useCallback(() => setFocusSection(null), [])

  // Settings shown earlier are shown at once, then replaced by main's answer (a new form when they
  // changed): the asked-for section is scrolled to in the form that stays.
  const [fetched, setFetched] = useState(false)
  useEffect(() => {
    void load().then(() => setFetched(true))
  }, [load])

  // Team and Data come last: scrolled to once everything above them (the form, the Lazada
  // connection, the team) and their own content are there, so nothing pushes them down afterwards.
  const teamRef = useRef<HTMLElement | null>(null)
  const dataRef = useRef<HTMLElement | null>(null)
  const lazadaShown = useCredentialsStore((s) => s.credentials !== null || s.error !== null)
  const teamShown = useTeamStore((s) => s.view !== null || s.error !== null)
  const backupsShown = useDataSafetyStore((s) => s.backups !== null || s.backupsError !== null)
  const scrollTo = !fetched || !lazadaShown || !teamShown ? null : focusSection === 'team' ? teamRef : focusSection === 'data' && backupsShown ? dataRef : null
  useEffect(() => {
    scrollTo?.current?.scrollIntoView({ block: 'start' })
  }, [scrollTo])

  return (
    <div className="page-scroll">
      <Stack gap="md" p="md" maw={880}>
        <Title order={2} size="h3">
          Settings
        </Title>
        {settings ? (
          <SettingsForm key={JSON.stringify(settings)} settings={settings} focusSection={fetched ? focusSection : null} onFocused={onFocused} />
        ) : error ? (
          <LoadFailed what="the settings" error={error} onRetry={() => void load()} />
        ) : (
          <Center py="xl">
            <Loader size="sm" aria-label="Loading the settings" />
          </Center>
        )}
        <Section
          title="Team"
          description="One portfolio shared with your team on the team’s PostgreSQL server. Stores and everything recorded about them are shared; your reminders, notifications, snoozes and quiet hours stay on this laptop."
          sectionRef={teamRef}
        >
          <TeamSection />
        </Section>
        <Section
          title="Data"
          description="The portfolio is one file on this computer. Storewatch backs it up every day it runs and before deleting a store, importing or restoring; any backup can be restored here."
          sectionRef={dataRef}
        >
          <DataSection />
        </Section>
      </Stack>
    </div>
  )
}
