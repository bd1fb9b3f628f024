/** Finished and cancelled runs, folded: "Completed 3 Nov 2026 by aisha", open one to see its ticks. */
import { Accordion, Badge, Group, Stack, Text } from '@mantine/core'
import type { ChecklistRun, StoreChecklist } from '../../../../electron/shared/checklists'
import { formatStoreTime } from '../../lib/dates'
import { formatDateTime } from '../../lib/format'
import { PLAYBOOK_CHOICES, runEndedText, stepsDone, tickedText } from './checklist-text'
import { StepNoteText } from './StepNote'

function RunRecord({ run, content }: { run: ChecklistRun; content: StoreChecklist }) {
  const steps = content.kind === 'steps' ? content.steps : []
  return (
    <Stack gap={6}>
      <Text size="xs" c="dimmed">
        Started {formatDateTime(run.startedAt)} by {run.startedBy} · version {run.version}
      </Text>
      {run.endNote && (
        <Text size="sm">
          <Text span c="dimmed" size="xs">
            {run.status === 'cancelled' ? 'Reason: ' : 'Note: '}
          </Text>
          {run.endNote}
        </Text>
      )}
      <Stack gap={4} component="ol" className="checklist-steps">
        {run.steps.map((step) => {
          const ticked = tickedText(
            step,
            steps.find((s) => s.id === step.stepId)
          )
          return (
            <li key={step.stepId}>
              <Text size="sm" c={step.done ? undefined : 'dimmed'}>
                {step.done ? '✓' : '○'} {step.number}. {step.title}
              </Text>
              <Stack gap={2} pl="lg">
                {ticked && (
                  <Text size="xs" c="dimmed">
                    {ticked}
                  </Text>
                )}
                {step.values && (
                  <Text size="xs" c="dimmed">
                    Start Time {formatStoreTime(step.values.startAt, run.country)} · End Time {formatStoreTime(step.values.endAt, run.country)}
                  </Text>
                )}
                <StepNoteText step={step} />
              </Stack>
            </li>
          )
        })}
      </Stack>
    </Stack>
  )
}

export function EarlierRuns({ runs, content }: { runs: ChecklistRun[]; content: Record<ChecklistRun['playbook'], StoreChecklist> }) {
  if (runs.length === 0) return null
  return (
    <Stack gap={4} mt="md">
      <Text size="sm" fw={600}>
        Earlier checklists
      </Text>
      <Accordion variant="separated" radius="sm" chevronPosition="left" multiple aria-label="Earlier checklists">
        {runs.map((run) => (
          <Accordion.Item key={run.id} value={String(run.id)} data-testid="earlier-run">
            <Accordion.Control>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <Text span fw={500}>
                    {runEndedText(run)}
                  </Text>
                  <Text span c="dimmed">
                    {' '}
                    · {PLAYBOOK_CHOICES[run.playbook]}
                  </Text>
                </Text>
                <Badge variant="light" color={run.status === 'finished' ? 'teal' : 'gray'} radius="sm" style={{ flexShrink: 0 }}>
                  {stepsDone(run)} of {run.steps.length} steps
                </Badge>
              </Group>
            </Accordion.Control>
            <Accordion.Panel>
              <RunRecord run={run} content={content[run.playbook]} />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  )
}
