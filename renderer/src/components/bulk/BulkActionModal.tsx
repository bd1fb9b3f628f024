/**
 * The small form each bulk action opens: what it needs (an owner, a tag, a date…), the number of
 * stores it will change in the title, main's refusal in words, and "Applying to N stores…" while
 * main works (one transaction: see electron/core/bulk/bulk-actions.ts).
 */
import { Alert, Autocomplete, Button, Group, Loader, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core'
import { DateTimeField } from '../common/DateFields'
import { DateTime } from 'luxon'
import { useState } from 'react'
import type { FormEvent, ReactNode } from 'react'
import { MAX_SNOOZE_DAYS, bulkActionSchema } from '../../../../electron/shared/bulk'
import type { BulkActionInput, BulkActionKind } from '../../../../electron/shared/bulk'
import { PLAYBOOKS, PLAYBOOK_DEFINITIONS } from '../../../../electron/shared/checklists'
import type { Playbook } from '../../../../electron/shared/checklists'
import { formatCount } from '../../lib/format'
import { useBulkStore } from '../../stores/useBulkStore'
import { useDashboardStore } from '../../stores/useDashboardStore'
import { usePortfolioStore } from '../../stores/usePortfolioStore'
import { BULK_ACTION_TEXT } from './bulk-labels'
import { showBulkResult } from './BulkResultToast'

interface Values {
  text: string
  days: number | string
  playbook: Playbook
  when: string
  account: string
}

const nowInput = () => DateTime.local().toFormat("yyyy-MM-dd'T'HH:mm")

function initialValues(): Values {
  return { text: '', days: 7, playbook: 'renew-and-reauthorize', when: nowInput(), account: '' }
}

/** The instant a `datetime-local` value names in the KAM's own time; NaN when unreadable. */
function instantOf(value: string): number {
  const parsed = DateTime.fromISO(value)
  return parsed.isValid ? parsed.toMillis() : Number.NaN
}

function actionOf(kind: BulkActionKind, v: Values): BulkActionInput {
  switch (kind) {
    case 'assign-owner':
      return { kind, owner: v.text }
    case 'add-tag':
    case 'remove-tag':
      return { kind, tag: v.text }
    case 'archive':
    case 'restore':
      return { kind }
    case 'snooze':
      return { kind, days: typeof v.days === 'number' ? v.days : Number(v.days) }
    case 'start-checklist':
      return { kind, playbook: v.playbook }
    case 'mark-reconnected':
      return { kind, reconnectedAt: instantOf(v.when) }
    case 'record-authorization':
      return { kind, authorizedAt: instantOf(v.when), account: v.account }
  }
}

function Fields({ kind, values, set }: { kind: BulkActionKind; values: Values; set: (patch: Partial<Values>) => void }): ReactNode {
  const facets = usePortfolioStore((s) => s.facets)
  switch (kind) {
    case 'assign-owner':
    case 'add-tag':
    case 'remove-tag': {
      const owner = kind === 'assign-owner'
      return (
        <Autocomplete
          label={owner ? 'Owner KAM' : 'Tag'}
          withAsterisk
          data-autofocus
          data={owner ? facets.owners : facets.tags}
          value={values.text}
          onChange={(text) => set({ text })}
          maxLength={owner ? 200 : 40}
        />
      )
    }
    case 'archive':
      return <Text size="sm">Archived stores leave the lists and never remind. You can undo this, or restore them later.</Text>
    case 'restore':
      return <Text size="sm">The stores come back into the lists and are checked again.</Text>
    case 'snooze':
      return (
        <NumberInput
          label="Snooze for (days)"
          description="Reminders are held, then come as usual"
          data-autofocus
          min={1}
          max={MAX_SNOOZE_DAYS}
          value={values.days}
          onChange={(days) => set({ days })}
        />
      )
    case 'start-checklist':
      return (
        <Select
          label="Checklist"
          data-autofocus
          allowDeselect={false}
          data={PLAYBOOKS.map((p) => ({ value: p, label: PLAYBOOK_DEFINITIONS[p].title }))}
          value={values.playbook}
          onChange={(playbook) => playbook && set({ playbook: playbook as Playbook })}
        />
      )
    case 'mark-reconnected':
    case 'record-authorization':
      return (
        <>
          <DateTimeField
            label={kind === 'mark-reconnected' ? 'Reconnected on' : 'Authorized and reconnected as of'}
            description="Your time"
            withAsterisk
            data-autofocus
            value={values.when}
            onChange={(when) => set({ when })}
          />
          {kind === 'record-authorization' && (
            <TextInput
              label="Seller account"
              description="Optional: the account that authorized, if the same for all"
              value={values.account}
              onChange={(e) => set({ account: e.currentTarget.value })}
            />
          )}
        </>
      )
  }
}

export function BulkActionModal() {
  const form = useBulkStore((s) => s.form)
  const busy = useBulkStore((s) => s.busy)
  const error = useBulkStore((s) => s.error)
  const [values, setValues] = useState<Values>(initialValues)
  const [openedFor, setOpenedFor] = useState<typeof form>(null)
  if (form !== openedFor) {
    // A new form starts from the defaults (the date: now).
    setOpenedFor(form)
    setValues(initialValues())
  }
  const text = form ? BULK_ACTION_TEXT[form.kind] : null

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (!form || busy) return
    const action = actionOf(form.kind, values)
    if ((form.kind === 'mark-reconnected' || form.kind === 'record-authorization') && Number.isNaN(instantOf(values.when))) {
      useBulkStore.setState({ error: 'Pick the date and time, e.g. today’s' })
      return
    }
    // The contract's own rules, checked here first so the KAM reads the problem at once.
    const checked = bulkActionSchema.safeParse(action)
    if (!checked.success) {
      useBulkStore.setState({ error: checked.error.issues[0]?.message ?? 'Check the form' })
      return
    }
    const result = await useBulkStore.getState().run(action)
    if (!result.ok) return
    showBulkResult(result.value)
    // Archived (or restored) stores leave the view they were selected in.
    if (form.kind === 'archive' || form.kind === 'restore') {
      if (form.source === 'portfolio') usePortfolioStore.getState().clearSelection()
      else useDashboardStore.getState().clearSelection()
    }
  }

  return (
    <Modal opened={form !== null} onClose={() => useBulkStore.getState().close()} title={form && text ? text.title(form.count) : ''} centered size="md">
      {form && text && (
        <form onSubmit={(e) => void submit(e)} data-testid="bulk-form">
          <Stack gap="md">
            <Fields kind={form.kind} values={values} set={(patch) => setValues((v) => ({ ...v, ...patch }))} />
            <Text size="sm" c="dimmed">
              Each store’s history records the change. You can undo it as one step from the message that follows.
            </Text>
            {error && (
              <Alert color="red" variant="light" role="alert" title="Nothing was changed">
                {error}
              </Alert>
            )}
            <Group justify="space-between" gap="sm" wrap="nowrap">
              <Group gap={6} wrap="nowrap" aria-live="polite">
                {busy && (
                  <>
                    <Loader size="xs" />
                    <Text size="sm">Applying to {formatCount(form.count)} stores…</Text>
                  </>
                )}
              </Group>
              <Group gap="sm" wrap="nowrap">
                <Button variant="default" onClick={() => useBulkStore.getState().close()} disabled={busy}>
                  Cancel
                </Button>
                <Button type="submit" loading={busy} color={form.kind === 'archive' ? 'red' : undefined}>
                  {text.confirm}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
