/**
 * Step 2: the Start and End Time off Lazada's Order Confirmation page, typed in the STORE's country
 * time (as Lazada shows them) and sent as UTC instants. They become the store's subscription.
 */
import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconCalendarCheck, IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { subscriptionDatesSchema } from '../../../../electron/shared/checklists'
import type { ChecklistRunStep, SubscriptionDates } from '../../../../electron/shared/checklists'
import { formatStoreTime, fromStoreInput, storeTimeName, toStoreInput } from '../../lib/dates'
import { toastError, toastSuccess } from '../../lib/toast'
import { useChecklistStore } from '../../stores/useChecklistStore'
import { DateTimeField } from '../common/DateFields'
import { TimeEcho } from '../common/TimeEcho'

type Field = 'startAt' | 'endAt'
type Errors = Partial<Record<Field, string>>

const MISSING: Record<Field, string> = {
  startAt: 'Enter the Start Time shown on Order Confirmation',
  endAt: 'Enter the End Time shown on Order Confirmation'
}
const UNREADABLE = 'Enter a whole date and time'

/** The typed times as step 2's values, or what to say next to the fields. */
export function datesFromForm(start: string, end: string, country: string): { ok: true; value: SubscriptionDates } | { ok: false; errors: Errors } {
  const errors: Errors = {}
  const startAt = fromStoreInput(start, country)
  const endAt = fromStoreInput(end, country)
  if (startAt === null) errors.startAt = MISSING.startAt
  else if (Number.isNaN(startAt)) errors.startAt = UNREADABLE
  if (endAt === null) errors.endAt = MISSING.endAt
  else if (Number.isNaN(endAt)) errors.endAt = UNREADABLE
  if (Object.keys(errors).length) return { ok: false, errors }
  const parsed = subscriptionDatesSchema.safeParse({ startAt, endAt, serviceVersion: 'authorization-only', period: 'half-year' })
  if (parsed.success) return { ok: true, value: parsed.data }
  for (const issue of parsed.error.issues) {
    const field: Field = issue.path[0] === 'startAt' ? 'startAt' : 'endAt'
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

export function DatesCapture({ runId, step, country, open }: { runId: number; step: ChecklistRunStep; country: string; open: boolean }) {
  const busy = useChecklistStore((s) => s.busy === `dates:${step.stepId}`)
  const captureDates = useChecklistStore((s) => s.captureDates)
  const captured = step.values
  // A step ticked without its dates keeps the form folded until the KAM asks for it.
  const [editing, setEditing] = useState(captured === null && !step.done)
  const [start, setStart] = useState(() => toStoreInput(captured?.startAt ?? null, country))
  const [end, setEnd] = useState(() => toStoreInput(captured?.endAt ?? null, country))
  const [errors, setErrors] = useState<Errors>({})
  const zone = storeTimeName(country)

  async function onSubmit(event: FormEvent): Promise<void> {
    event.preventDefault()
    const checked = datesFromForm(start, end, country)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const result = await captureDates(runId, step.stepId, checked.value)
    if (!result.ok) {
      toastError('The Start and End Time were not saved', result.error.message)
      return
    }
    setEditing(false)
    toastSuccess('Start and End Time recorded', 'Saved as the store’s subscription.')
  }

  if (captured && !editing) {
    return (
      <Group gap="sm" align="flex-start" justify="space-between" wrap="nowrap" data-testid="captured-dates">
        <Stack gap={2}>
          <Text size="sm">
            <Text span c="dimmed">
              Start Time{' '}
            </Text>
            {formatStoreTime(captured.startAt, country)}
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              End Time{' '}
            </Text>
            {formatStoreTime(captured.endAt, country)}
          </Text>
          <Text size="xs" c="dimmed">
            Saved as the store’s subscription (“Authorization Only”, “Half a year”).
          </Text>
        </Stack>
        {open && (
          <Button size="compact-sm" variant="default" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
            Change the dates
          </Button>
        )}
      </Group>
    )
  }
  if (!open) return null
  if (!captured && step.done && !editing) {
    return (
      <Button size="compact-sm" variant="default" leftSection={<IconCalendarCheck size={14} />} onClick={() => setEditing(true)} w="fit-content">
        Record the Start and End Time
      </Button>
    )
  }

  return (
    <form noValidate onSubmit={(e) => void onSubmit(e)} aria-label="Start and End Time">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <div>
            <DateTimeField
              label="Start Time"
              description={zone}
              value={start}
              onChange={(v) => {
                setStart(v)
                setErrors({})
              }}
              error={errors.startAt}
            />
            <TimeEcho value={start} country={country} />
          </div>
          <div>
            <DateTimeField
              label="End Time"
              description={zone}
              value={end}
              onChange={(v) => {
                setEnd(v)
                setErrors((v) => ({ ...v, endAt: undefined }))
              }}
              error={errors.endAt}
            />
            <TimeEcho value={end} country={country} />
          </div>
        </SimpleGrid>
        <Group gap="xs">
          <Button type="submit" size="compact-sm" leftSection={<IconCalendarCheck size={14} />} loading={busy}>
            Save Start and End Time
          </Button>
          {(captured || step.done) && (
            <Button size="compact-sm" variant="subtle" color="gray" onClick={() => setEditing(false)} disabled={busy}>
              {captured ? 'Keep the recorded dates' : 'Not now'}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  )
}
