/** "Last checked 5 min ago" and "Check now": the scheduled checks (and what they asked Lazada), seen from the header. */
import { Button, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import type { CheckRunSummary } from '../../../../electron/shared/monitoring'
import { formatAgoShort, formatDateTime, plural } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useNow } from '../../lib/use-now'
import { useChecksStore } from '../../stores/useChecksStore'
import { useRunningTask } from '../../stores/useTasksStore'
import { remoteSummaryLine } from '../lazada/lazada-text'
import { TaskProgressView } from './TaskProgressView'

/** "Checked 120 stores · 3 changed · 2 reminders". */
export function runSummary(run: CheckRunSummary): string {
  return `Checked ${plural(run.storesChecked, 'store')} · ${run.statusChanges} changed · ${plural(run.remindersFired, 'reminder')}`
}

/** What the run asked Lazada, for the details and the toast; nothing when it did not. */
function RemoteLine({ run, size = 'xs', c }: { run: CheckRunSummary; size?: 'xs' | 'sm'; c?: string }) {
  const line = remoteSummaryLine(run.remote)
  if (!line) return null
  return (
    <Text size={size} c={c ?? (run.remote?.state === 'failed' ? 'red.2' : undefined)} data-testid="remote-summary">
      {line}
    </Text>
  )
}

function RunDetails({ run }: { run: CheckRunSummary }) {
  return (
    <Stack gap={2}>
      <Text size="xs">
        {formatDateTime(run.finishedAt ?? run.startedAt)} · {runSummary(run)}
      </Text>
      <RemoteLine run={run} />
      {run.errors.slice(0, 5).map((error) => (
        <Text key={error} size="xs" c="red.2">
          {error}
        </Text>
      ))}
      {run.errors.length > 5 && <Text size="xs">and {run.errors.length - 5} more problems</Text>}
    </Stack>
  )
}

export function LastChecked() {
  const now = useNow(30_000)
  const lastRun = useChecksStore((s) => s.lastRun)
  const loaded = useChecksStore((s) => s.loaded)
  const running = useChecksStore((s) => s.running)
  const runNow = useChecksStore((s) => s.runNow)
  // Any check's progress (this window's, a scheduled one's), as main reports it.
  const check = useRunningTask('check')

  async function onCheckNow(): Promise<void> {
    const result = await runNow()
    if (!result.ok) {
      toastError('The check did not run', result.error.message)
      return
    }
    const run = result.value
    const remote = <RemoteLine run={run} size="sm" c={run.remote?.state === 'failed' ? 'red.8' : undefined} />
    if (run.cancelled) {
      toastSuccess('Check cancelled', remote)
    } else if (run.errors.length) {
      toastError(
        runSummary(run),
        <Stack gap={4}>
          {remote}
          <Text size="sm">
            {plural(run.errors.length, 'problem')}: {run.errors.slice(0, 3).join(' · ')}
          </Text>
        </Stack>
      )
    } else {
      toastSuccess(runSummary(run), remoteSummaryLine(run.remote) ? remote : undefined)
    }
  }

  const at = lastRun ? (lastRun.finishedAt ?? lastRun.startedAt) : null
  const status = check ? `${check.label}…` : running ? 'Checking…' : at !== null ? `Last checked ${formatAgoShort(at, Math.max(now, at))}` : 'Not checked yet'
  const details = lastRun ? <RunDetails run={lastRun} /> : 'The portfolio has not been checked yet'
  // While a check asks Lazada: how far it got, its rate, the time left, and Cancel.
  if (check && check.total !== null) return <TaskProgressView task={check} cancelLabel="Cancel check" />
  return (
    <Group gap={8} wrap="nowrap">
      {loaded && (
        <Tooltip label={details} openDelay={300} multiline maw={380}>
          <Group gap={4} wrap="nowrap" data-testid="last-checked" className="last-checked-text">
            {lastRun && lastRun.errors.length > 0 && <IconAlertTriangle size={14} color="var(--mantine-color-orange-6)" aria-label="The last check had problems" />}
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {status}
            </Text>
          </Group>
        </Tooltip>
      )}
      <Tooltip label={<Stack gap={2}><Text size="xs" fw={600}>{status}</Text>{lastRun && <RunDetails run={lastRun} />}</Stack>} openDelay={500} multiline maw={380} disabled={!loaded}>
        <Button variant="default" size="compact-sm" leftSection={<IconRefresh size={14} />} loading={running || check !== null} onClick={() => void onCheckNow()}>
          Check now
        </Button>
      </Tooltip>
    </Group>
  )
}
