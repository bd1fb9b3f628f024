/**
 * The store's checklist: which playbook, the guide's steps for the store's country with who ticked
 * what and when, the country's Service Market link and notes, the message for the client, and the
 * run's end (finish or cancel). A store whose country has no steps (app not published, out of scope)
 * shows why instead. Earlier runs stay below, folded.
 */
import { Alert, Badge, Button, Card, Center, Grid, Group, Loader, Modal, Progress, Radio, Stack, Text, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle, IconFlag, IconInfoCircle, IconListCheck, IconMessage, IconPlayerPlay, IconX } from '@tabler/icons-react'
import { useCallback, useState } from 'react'
import { PLAYBOOKS } from '../../../../electron/shared/checklists'
import type { ChecklistRun, Playbook, StoreChecklist, StoreChecklists } from '../../../../electron/shared/checklists'
import { nextStepOnPage } from '../../../../electron/shared/next-step'
import type { Store } from '../../../../electron/shared/portfolio'
import type { Authorization } from '../../../../electron/shared/records'
import { countryName, formatDateTime, storeLabel } from '../../lib/format'
import { toastError, toastSuccess } from '../../lib/toast'
import { useChecklistStore } from '../../stores/useChecklistStore'
import { useStoreDetailStore } from '../../stores/useStoreDetailStore'
import { CopyField } from '../common/CopyField'
import { useDiscardGuard, useTrackDirty } from '../common/DiscardGuard'
import { IntegratorSettingsLink } from '../common/SettingsLink'
import { PLAYBOOK_CHOICES, stepsDone } from './checklist-text'
import { ClientMessageModal } from './ClientMessageModal'
import { EarlierRuns } from './EarlierRuns'
import { LabelledText } from './LabelledText'
import { StepItem } from './StepItem'
import { LoadFailed } from '../common/LoadFailed'

type StepsChecklist = Extract<StoreChecklist, { kind: 'steps' }>

interface ChecklistCardProps {
  store: Store
  authorizations: Authorization[]
  now: number
  /** The store needs action (or a run is open): the card leads the page. */
  prominent: boolean
}

/** The country's link, notes and what the profile lacks: beside the steps. */
function CountryPanel({ store, content }: { store: Store; content: StepsChecklist }) {
  const country = countryName(store.country)
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={600} mb={4}>
          Free subscription link · {country}
        </Text>
        {content.link ? (
          <CopyField value={content.link} ariaLabel={`Copy the ${country} Service Market link`} testId="service-market-link" />
        ) : (
          <Alert color="orange" variant="light" p="xs" role="note" icon={<IconAlertTriangle size={16} />} data-testid="missing-link">
            <Stack gap={4}>
              <Text size="sm">{content.missing?.message ?? `Set the free subscription link for ${country} in Settings → Integrator.`}</Text>
              <IntegratorSettingsLink />
            </Stack>
          </Alert>
        )}
      </div>
      {content.notes.map((note) => (
        <Alert key={note} color="yellow" variant="light" p="xs" role="note" icon={<IconInfoCircle size={16} />}>
          <LabelledText text={note} size="sm" />
        </Alert>
      ))}
    </Stack>
  )
}

function StartChecklist({ store, checklists, onMessage }: { store: Store; checklists: StoreChecklists; onMessage(playbook: Playbook): void }) {
  const busy = useChecklistStore((s) => s.busy === 'start')
  const start = useChecklistStore((s) => s.start)
  const suggested = checklists.suggested ?? checklists.next?.playbook ?? null
  const [playbook, setPlaybook] = useState<Playbook>(suggested ?? 'renew-and-reauthorize')
  const content = checklists.checklists[playbook]

  async function onStart(): Promise<void> {
    const result = await start(store.id, playbook)
    if (result.ok) toastSuccess('Checklist started', `${PLAYBOOK_CHOICES[playbook]} · ${storeLabel(store)}`)
    else toastError('The checklist did not start', result.error.message)
  }

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <Radio.Group label="Which checklist?" value={playbook} onChange={(v) => setPlaybook(v as Playbook)}>
            <Group gap="xl" mt={6}>
              {PLAYBOOKS.map((p) => (
                <Radio
                  key={p}
                  value={p}
                  label={
                    <Group gap={6} component="span" wrap="nowrap">
                      {PLAYBOOK_CHOICES[p]}
                      {p === suggested && (
                        <Badge size="xs" variant="light" color="indigo" radius="sm" component="span">
                          Suggested
                        </Badge>
                      )}
                    </Group>
                  }
                />
              ))}
            </Group>
          </Radio.Group>
          {content.kind === 'steps' && (
            <LabelledText text={content.summary} size="sm" c="dimmed" data-testid="playbook-summary" />
          )}
          <Group gap="sm" mt={4}>
            <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => void onStart()} loading={busy}>
              Start checklist
            </Button>
            {checklists.next && checklists.next.runId === null && (
              <Text size="sm" c="dimmed">
                The status points at step {checklists.next.number}: {checklists.next.label}
              </Text>
            )}
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        {content.kind === 'steps' && (
          <Stack gap="sm">
            <CountryPanel store={store} content={content} />
            <Button variant="default" leftSection={<IconMessage size={16} />} onClick={() => onMessage(playbook)} w="fit-content">
              Message for the client
            </Button>
          </Stack>
        )}
      </Grid.Col>
    </Grid>
  )
}

function EndRunModal({ kind, run, onClose }: { kind: 'finish' | 'cancel' | null; run: ChecklistRun; onClose(): void }) {
  const busy = useChecklistStore((s) => s.busy === `${kind}:${run.id}`)
  const { finish, cancel } = useChecklistStore.getState()
  const [note, setNote] = useState('')
  const done = stepsDone(run)
  const total = run.steps.length
  const closeAndClear = useCallback(() => {
    setNote('')
    onClose()
  }, [onClose])
  // A half-typed note or reason asks before Esc, ✕ or "Keep it open" throws it away.
  const guard = useDiscardGuard(closeAndClear)
  useTrackDirty(guard, () => note.trim() !== '')

  async function onConfirm(): Promise<void> {
    const text = note.trim() || null
    const result = kind === 'finish' ? await finish(run.id, text) : await cancel(run.id, text)
    if (result.ok) {
      toastSuccess(kind === 'finish' ? 'Checklist finished' : 'Checklist cancelled', PLAYBOOK_CHOICES[run.playbook])
      closeAndClear()
    } else {
      toastError(kind === 'finish' ? 'The checklist was not finished' : 'The checklist was not cancelled', result.error.message)
    }
  }

  const finishing = kind === 'finish'
  return (
    <>
      <Modal
        opened={kind !== null}
        onClose={guard.requestClose}
        title={finishing ? `Finish with ${done} of ${total} steps done?` : 'Cancel this checklist?'}
        centered
        size="md"
      >
        <Stack gap="md">
          <Text size="sm">
            {finishing
              ? 'The steps not done stay unticked in the record; the checklist moves to the earlier ones.'
              : 'The checklist and its ticks stay in the store’s record as cancelled. Start a new one when the seller is ready.'}
          </Text>
          <Textarea
            label={finishing ? 'Note (optional)' : 'Reason (optional)'}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={2000}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={guard.requestClose} disabled={busy} data-autofocus>
              Keep it open
            </Button>
            <Button color={finishing ? 'indigo' : 'red'} onClick={() => void onConfirm()} loading={busy}>
              {finishing ? 'Finish' : 'Cancel checklist'}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {guard.confirm}
    </>
  )
}


function RunView({
  store,
  run,
  checklists,
  authorizations,
  now,
  onMessage
}: {
  store: Store
  run: ChecklistRun
  checklists: StoreChecklists
  authorizations: Authorization[]
  now: number
  onMessage(playbook: Playbook): void
}) {
  const finishBusy = useChecklistStore((s) => s.busy === `finish:${run.id}`)
  const finish = useChecklistStore((s) => s.finish)
  const [ending, setEnding] = useState<'finish' | 'cancel' | null>(null)
  const content = checklists.checklists[run.playbook]
  const steps = content.kind === 'steps' ? content.steps : []
  const done = stepsDone(run)
  const total = run.steps.length
  // The same step the status banner names (one function decides both).
  const nextAction = useStoreDetailStore((s) => (s.detail?.store.id === store.id ? s.detail.verdict.nextAction : null))
  const next = nextStepOnPage(nextAction, checklists)
  const nextStepId = next?.runId === run.id ? next.stepId : null

  async function onFinish(): Promise<void> {
    if (done < total) {
      setEnding('finish')
      return
    }
    const result = await finish(run.id, null)
    if (result.ok) toastSuccess('Checklist finished', PLAYBOOK_CHOICES[run.playbook])
    else toastError('The checklist was not finished', result.error.message)
  }

  return (
    <Grid gap="lg" data-testid="checklist-run" data-run={run.id}>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap">
            <Text fw={600}>{PLAYBOOK_CHOICES[run.playbook]}</Text>
            <Text size="sm" c="dimmed">
              · {countryName(run.country)}
            </Text>
          </Group>
          {content.kind !== 'steps' && (
            <Alert color="orange" variant="light" p="xs" role="note">
              {content.message}
            </Alert>
          )}
          <Stack gap="xs" component="ol" className="checklist-steps" aria-label="Steps">
            {run.steps.map((step) => (
              <StepItem
                key={step.stepId}
                store={store}
                run={run}
                step={step}
                content={steps.find((s) => s.id === step.stepId)}
                isNext={nextStepId === step.stepId}
                authorize={checklists.authorize}
                authorizations={authorizations}
                now={now}
              />
            ))}
          </Stack>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md" className="checklist-aside">
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                {done} of {total} steps done
              </Text>
            </Group>
            <Progress value={(done / Math.max(total, 1)) * 100} color={done === total ? 'teal' : 'indigo'} aria-label="Checklist progress" />
            <Text size="xs" c="dimmed" mt={6}>
              Started {formatDateTime(run.startedAt)} by {run.startedBy}
            </Text>
          </div>
          {/* The link itself is at step 1, where the seller uses it. */}
          {content.kind === 'steps' &&
            content.notes.map((note) => (
              <Alert key={note} color="yellow" variant="light" p="xs" role="note" icon={<IconInfoCircle size={16} />}>
                <LabelledText text={note} size="sm" />
              </Alert>
            ))}
          {content.kind === 'steps' && (
            <Button variant="default" leftSection={<IconMessage size={16} />} onClick={() => onMessage(run.playbook)}>
              Message for the client
            </Button>
          )}
          <Group gap="xs" grow>
            <Button leftSection={<IconFlag size={16} />} variant={done === total ? 'filled' : 'light'} onClick={() => void onFinish()} loading={finishBusy}>
              Finish
            </Button>
            <Button variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={() => setEnding('cancel')}>
              Cancel checklist
            </Button>
          </Group>
        </Stack>
      </Grid.Col>
      <EndRunModal kind={ending} run={run} onClose={() => setEnding(null)} />
    </Grid>
  )
}

function Unavailable({ content }: { content: Exclude<StoreChecklist, { kind: 'steps' }> }) {
  const notPublished = content.kind === 'not-published'
  return (
    <Alert
      color={notPublished ? 'grape' : 'gray'}
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title={notPublished ? `No checklist: the app is not published in ${content.countryName}` : `No checklist: ${content.countryName} is out of scope`}
      role="note"
      data-testid="checklist-unavailable"
    >
      <Stack gap={6}>
        <Text size="sm">{content.message}</Text>
        {notPublished && <IntegratorSettingsLink>Check the published countries in Settings → Integrator</IntegratorSettingsLink>}
      </Stack>
    </Alert>
  )
}

export function ChecklistCard({ store, authorizations, now, prominent }: ChecklistCardProps) {
  const checklists = useChecklistStore((s) => (s.storeId === store.id ? s.checklists : null))
  const status = useChecklistStore((s) => s.status)
  const error = useChecklistStore((s) => s.error)
  const { reload, openMessage } = useChecklistStore.getState()
  const [starting, setStarting] = useState(false)

  let body
  if (!checklists) {
    body =
      status === 'error' ? (
        <LoadFailed what="the checklist" error={error} onRetry={() => void reload()} role="note" />
      ) : (
        <Center py="md">
          <Loader size="sm" aria-label="Loading the checklist" />
        </Center>
      )
  } else {
    const open = checklists.runs.filter((r) => r.status === 'open')
    const earlier = checklists.runs.filter((r) => r.status !== 'open')
    const first = checklists.checklists[PLAYBOOKS[0]]
    const onMessage = (playbook: Playbook) => void openMessage(store.id, playbook)
    body = (
      <>
        {open.length > 0 ? (
          <Stack gap="xl">
            {open.map((run) => (
              <RunView key={run.id} store={store} run={run} checklists={checklists} authorizations={authorizations} now={now} onMessage={onMessage} />
            ))}
          </Stack>
        ) : first.kind !== 'steps' ? (
          <Unavailable content={first} />
        ) : prominent || starting ? (
          <StartChecklist store={store} checklists={checklists} onMessage={onMessage} />
        ) : (
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed">
              Nothing to walk the seller through right now.
            </Text>
            <Button size="compact-sm" variant="default" leftSection={<IconListCheck size={14} />} onClick={() => setStarting(true)}>
              Choose a checklist
            </Button>
          </Group>
        )}
        <EarlierRuns runs={earlier} content={checklists.checklists} />
      </>
    )
  }

  return (
    <Card
      withBorder
      padding="lg"
      radius="md"
      component="section"
      aria-labelledby="checklist-title"
      data-prominent={prominent}
      style={prominent ? { borderColor: 'var(--mantine-color-indigo-3)' } : undefined}
    >
      <Group gap="xs" mb="md">
        <IconListCheck size={20} color="var(--mantine-color-indigo-7)" aria-hidden />
        <Title order={3} size="h5" id="checklist-title">
          Checklist
        </Title>
      </Group>
      {body}
      <ClientMessageModal store={store} />
    </Card>
  )
}
