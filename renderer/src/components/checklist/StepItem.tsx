/**
 * One step of a checklist run: the tick (with who and when), the guide's text with Lazada's labels
 * emphasised, the country's link and notes, and what the KAM does at that step — record the
 * Start and End Time, open Lazada's authorization, mark the store reconnected — plus a note.
 */
import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconCircleCheck, IconNote, IconPlugConnected, IconRobot } from '@tabler/icons-react'
import { useState } from 'react'
import { PLAYBOOK_DEFINITIONS } from '../../../../electron/shared/checklists'
import type { ChecklistRun, ChecklistRunStep, ChecklistStep, StoreChecklists } from '../../../../electron/shared/checklists'
import type { Store } from '../../../../electron/shared/portfolio'
import type { Authorization } from '../../../../electron/shared/records'
import { countryName, storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useChecklistStore } from '../../stores/useChecklistStore'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { AuthorizeActions } from '../authorization/AuthorizeActions'
import { CopyField } from '../common/CopyField'
import { IntegratorSettingsLink } from '../common/SettingsLink'
import { tickedText } from './checklist-text'
import { DatesCapture } from './DatesCapture'
import { LabelledText } from './LabelledText'
import { StepNoteEditor, StepNoteText } from './StepNote'

interface StepItemProps {
  store: Store
  run: ChecklistRun
  step: ChecklistRunStep
  /** The step as the playbook reads for the store's country today (absent if the playbook dropped it). */
  content: ChecklistStep | undefined
  isNext: boolean
  authorize: StoreChecklists['authorize']
  authorizations: Authorization[]
  now: number
}

export function StepItem({ store, run, step, content, isNext, authorize, authorizations, now }: StepItemProps) {
  const busy = useChecklistStore((s) => s.busy === `tick:${step.stepId}`)
  const setDone = useChecklistStore((s) => s.setDone)
  const detailBusy = useStoreDetailStore((s) => s.busy)
  const [noting, setNoting] = useState(false)
  const open = run.status === 'open'
  const title = content?.title ?? step.title
  const checkboxId = `step-${run.id}-${step.stepId}`
  const ticked = tickedText(step, content)
  const latest = authorizations[0]
  const usesLink = PLAYBOOK_DEFINITIONS[run.playbook].steps.some((s) => s.id === step.stepId && s.usesLink)
  const canReconnect = content?.evidence === 'reconnected' && latest !== undefined && latest.reconnectedAt === null

  async function onToggle(done: boolean): Promise<void> {
    const result = await setDone(run.id, step.stepId, done)
    if (!result.ok) toastError(done ? 'The step was not ticked' : 'The step was not unticked', result.error.message)
  }

  async function onMarkReconnected(): Promise<void> {
    const result = await useStoreDetailStore.getState().markReconnected(store.id)
    if (result.ok) toastSuccess('Marked reconnected', storeLabel(store))
    else toastError('Could not mark the store reconnected', result.error.message)
  }

  return (
    <li
      className="checklist-step"
      data-testid="checklist-step"
      data-step={step.stepId}
      data-done={step.done}
      data-next={isNext}
      aria-current={isNext ? 'step' : undefined}
      aria-label={`Step ${step.number}: ${title}`}
    >
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <span className="step-number" aria-hidden>
          {step.number}
        </span>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
            <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
              <Checkbox
                id={checkboxId}
                checked={step.done}
                disabled={!open || busy}
                onChange={(e) => void onToggle(e.currentTarget.checked)}
                aria-label={`Step ${step.number}: ${title}`}
                mt={2}
              />
              <Text component="label" htmlFor={checkboxId} fw={600} size="sm" style={{ cursor: open ? 'pointer' : undefined }}>
                {title}
              </Text>
              {isNext && (
                <Badge size="sm" color="indigo" variant="filled" radius="sm" style={{ flexShrink: 0 }}>
                  Next
                </Badge>
              )}
            </Group>
            {open && !noting && (
              <Tooltip label={step.note ? 'Change the note' : 'Add a note'} openDelay={400}>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => setNoting(true)}
                  aria-label={step.note ? `Change the note on step ${step.number}` : `Add a note to step ${step.number}`}
                >
                  <IconNote size={16} />
                </ActionIcon>
              </Tooltip>
            )}
          </Group>

          {content && <LabelledText text={content.text} size="sm" c={step.done ? 'dimmed' : undefined} />}

          {usesLink && content?.link && (
            <CopyField
              value={content.link}
              ariaLabel={`Copy the ${countryName(store.country)} Service Market link`}
              testId="service-market-link"
            />
          )}
          {usesLink && content && !content.link && (
            <Group gap={6} wrap="nowrap" align="flex-start">
              <IconAlertTriangle size={16} color="var(--mantine-color-orange-7)" style={{ flexShrink: 0, marginTop: 2 }} aria-hidden />
              <Text size="sm" c="orange.9">
                No {countryName(store.country)} link yet: set the free subscription link for {countryName(store.country)} in Settings → Integrator.{' '}
                <IntegratorSettingsLink>Open Settings</IntegratorSettingsLink>
              </Text>
            </Group>
          )}

          {content?.notes.map((note) => (
            <Alert key={note} color="yellow" variant="light" p="xs" role="note" icon={<IconAlertTriangle size={16} />}>
              <LabelledText text={note} size="sm" />
            </Alert>
          ))}

          {content?.kamHint && !step.done && (
            <Text size="xs" c="dimmed">
              For you: {content.kamHint}
            </Text>
          )}

          {content?.captures === 'subscription-dates' && <DatesCapture key={`${run.id}-${step.values?.startAt ?? 'none'}`} runId={run.id} step={step} country={store.country} open={open} />}

          {open && content?.evidence === 'authorization' && !step.done && <AuthorizeActions store={store} authorize={authorize} now={now} />}

          {open && canReconnect && (
            <Button
              size="compact-sm"
              variant="light"
              color="teal"
              leftSection={<IconPlugConnected size={14} />}
              onClick={() => void onMarkReconnected()}
              loading={detailBusy}
              w="fit-content"
            >
              Mark the store reconnected
            </Button>
          )}

          {ticked && (
            <Group gap={4} wrap="nowrap" data-testid="step-ticked">
              {step.doneVia === 'evidence' ? (
                <IconRobot size={14} color="var(--mantine-color-teal-7)" aria-hidden />
              ) : (
                <IconCircleCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
              )}
              <Text size="xs" c="teal.9">
                {ticked}
              </Text>
            </Group>
          )}

          {noting ? <StepNoteEditor runId={run.id} step={step} onDone={() => setNoting(false)} /> : <StepNoteText step={step} />}
        </Stack>
      </Group>
    </li>
  )
}
