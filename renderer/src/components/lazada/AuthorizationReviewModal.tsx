/**
 * The review after a Lazada check: the stores Lazada says are subscribed whose authorization is
 * not confirmed here, to confirm for some or all at once as of a date — no store page opened.
 */
import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text } from '@mantine/core'
import { DateField } from '../common/DateFields'
import { useState } from 'react'
import { formatCount, plural } from '../../lib/format'
import { useNow } from '../../lib/use-now'
import { toastError, toastSuccess } from '../../lib/toast'
import { useAuthorizationReviewStore } from '../../stores/useAuthorizationReviewStore'

/** Today in the KAM's time, as a date field shows it. */
function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** Noon of the date in the KAM's time: the same calendar day in every Lazada country. */
function instantOf(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return null
  const at = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime()
  return Number.isFinite(at) ? at : null
}

export function AuthorizationReviewModal() {
  const opened = useAuthorizationReviewStore((s) => s.opened)
  const review = useAuthorizationReviewStore((s) => s.review)
  const busy = useAuthorizationReviewStore((s) => s.busy)
  const { close, confirm } = useAuthorizationReviewStore.getState()
  const stores = review?.stores ?? []
  // Every store starts picked: the KAM unticks the ones not authorized yet.
  const [unpicked, setUnpicked] = useState<Set<number>>(new Set())
  const picked = new Set(stores.filter((s) => !unpicked.has(s.id)).map((s) => s.id))
  const [date, setDate] = useState(today)
  const [reconnected, setReconnected] = useState(false)
  const now = useNow()
  const at = instantOf(date)
  const dateProblem = at === null ? 'Enter the date the sellers authorized' : at > now + 86_400_000 ? 'The date is in the future' : null

  async function onConfirm(): Promise<void> {
    if (at === null || dateProblem) return
    const result = await confirm([...picked], at, reconnected)
    if (!result.ok) toastError('Nothing was recorded', result.error.message)
    else toastSuccess('Authorization confirmed', `${plural(result.value.confirmed, 'store')}${result.value.skipped ? ` · ${formatCount(result.value.skipped)} no longer waiting` : ''}`)
  }

  const all = stores.length > 0 && picked.size === stores.length
  return (
    <Modal opened={opened} onClose={close} title="Confirm authorization of stores subscribed on Lazada" size="lg" centered>
      {stores.length === 0 ? (
        <Text size="sm">No store subscribed on Lazada waits for its authorization to be confirmed.</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            Lazada says these {plural(stores.length, 'store')} are subscribed, but no authorization is on record. Confirm the ones the sellers have authorized.
          </Text>
          <Checkbox
            label={`Select all ${formatCount(stores.length)}`}
            checked={all}
            indeterminate={picked.size > 0 && !all}
            onChange={() => setUnpicked(all ? new Set(stores.map((s) => s.id)) : new Set())}
          />
          <ScrollArea.Autosize mah="40vh" type="auto">
            <Stack gap={4} data-testid="review-stores">
              {stores.map((store) => (
                <Checkbox
                  key={store.id}
                  label={`${store.clientName} — ${store.storeName} (${store.country})`}
                  checked={picked.has(store.id)}
                  onChange={() =>
                    setUnpicked((current) => {
                      const next = new Set(current)
                      if (next.has(store.id)) next.delete(store.id)
                      else next.add(store.id)
                      return next
                    })
                  }
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Group align="flex-end" gap="sm">
            <DateField label="Authorized as of" value={date} onChange={setDate} error={dateProblem} w={180} />
            <Checkbox label="Also reconnected in the OMS" checked={reconnected} onChange={(e) => setReconnected(e.currentTarget.checked)} mb={8} />
          </Group>
          {picked.size === 0 && <Alert color="gray">Pick the stores to confirm.</Alert>}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Close
            </Button>
            <Button onClick={() => void onConfirm()} disabled={picked.size === 0 || dateProblem !== null} loading={busy}>
              Confirm {plural(picked.size, 'store')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
