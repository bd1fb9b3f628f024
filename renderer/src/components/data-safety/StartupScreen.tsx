/**
 * The start-up screen: the portfolio file is missing, empty or damaged (and was set aside), so
 * Storewatch asks before it starts empty, with the newest backup that passed its check up front.
 */
import { Alert, Anchor, Button, Card, Collapse, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconAlertTriangle, IconBuildingStore, IconDatabaseImport } from '@tabler/icons-react'
import { useState } from 'react'
import type { BackupInfo, StartupChoice, StartupProblem, StartupState } from '../../../../electron/shared/data-safety'
import { formatDateTime } from '../../lib/format'
import { useDataSafetyStore } from '../../stores/useDataSafetyStore'
import { ConfirmModal } from '../common/ConfirmModal'
import { backupStores } from './backup-text'
import { BackupTable } from './BackupTable'

type Choosing = Extract<StartupState, { phase: 'choose' }>

const TITLES: Record<StartupProblem, string> = {
  missing: 'Your portfolio file is missing',
  empty: 'Your portfolio file is empty',
  damaged: 'Your portfolio file is damaged'
}

function Brand() {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={30} radius="md" variant="filled" aria-hidden>
        <IconBuildingStore size={18} stroke={1.8} />
      </ThemeIcon>
      <Text fw={700} size="lg" lh={1}>
        Storewatch
      </Text>
    </Group>
  )
}

function OtherBackups({ backups, busy, onRestore }: { backups: BackupInfo[]; busy: boolean; onRestore(name: string): void }) {
  const [opened, { toggle }] = useDisclosure(false)
  return (
    <div>
      <Anchor component="button" type="button" size="sm" onClick={toggle} aria-expanded={opened}>
        {opened ? 'Hide the other backups' : `Choose another backup (${backups.length})`}
      </Anchor>
      <Collapse expanded={opened}>
        <Stack mt="xs">
          <BackupTable label="Other backups" backups={backups} disabled={busy} onRestore={(backup) => onRestore(backup.name)} />
        </Stack>
      </Collapse>
    </div>
  )
}

export function StartupScreen({ state }: { state: Choosing }) {
  const choose = useDataSafetyStore((s) => s.choose)
  const choosing = useDataSafetyStore((s) => s.choosing)
  const [error, setError] = useState<string | null>(null)
  const [confirmEmpty, emptyModal] = useDisclosure(false)
  const newest = state.backups.find((b) => b.name === state.newestGood) ?? null
  const others = state.backups.filter((b) => b.name !== state.newestGood)

  async function pick(choice: StartupChoice): Promise<void> {
    setError(null)
    const result = await choose(choice)
    if (!result.ok) setError(result.error.message)
    else emptyModal.close()
  }

  return (
    <Card withBorder radius="md" padding="xl" maw={660} mx="auto" className="startup-card" component="main" aria-labelledby="startup-title">
      <Stack gap="md">
        <Brand />
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color={state.problem === 'damaged' ? 'red' : 'orange'} variant="light" size={36} radius="xl" aria-hidden>
            <IconAlertTriangle size={20} />
          </ThemeIcon>
          <Stack gap={4}>
            <Title order={1} size="h3" id="startup-title">
              {TITLES[state.problem]}
            </Title>
            <Text size="sm" className="startup-detail">
              {state.message}
            </Text>
          </Stack>
        </Group>
        {newest ? (
          <Alert color="indigo" variant="light" icon={<IconDatabaseImport size={18} />} title="A backup can bring it back" role="status">
            The newest backup, {formatDateTime(newest.takenAt)}, holds {backupStores(newest)}.
          </Alert>
        ) : (
          <Alert color="yellow" variant="light" title={state.backups.length ? 'No backup passed its check' : 'There are no backups'} role="status">
            {state.backups.length
              ? 'Storewatch checked every backup in the backups folder and could not read any of them.'
              : 'Storewatch has no backup of this portfolio to offer.'}
          </Alert>
        )}
        {error && (
          <Alert color="red" title="That did not work" role="alert">
            {error}
          </Alert>
        )}
        <Group gap="sm">
          {newest && (
            <Button leftSection={<IconDatabaseImport size={16} />} loading={choosing} onClick={() => void pick({ action: 'restore', backup: newest.name })} data-autofocus>
              Restore it
            </Button>
          )}
          <Button variant="default" disabled={choosing} onClick={emptyModal.open}>
            Start with an empty portfolio
          </Button>
        </Group>
        {others.length > 0 && <OtherBackups backups={others} busy={choosing} onRestore={(backup) => void pick({ action: 'restore', backup })} />}
        <Text size="xs" c="dimmed">
          Backups are in {state.backupFolder}. Whatever you choose, they stay there, and you can restore one later under Settings → Data.
        </Text>
      </Stack>
      <ConfirmModal
        opened={confirmEmpty}
        title="Start with an empty portfolio?"
        confirmLabel="Start empty"
        color="indigo"
        busy={choosing}
        onCancel={emptyModal.close}
        onConfirm={() => void pick({ action: 'start-empty' })}
      >
        <Text size="sm">
          Storewatch opens with no stores. {state.backups.length ? 'The backups stay in the backups folder: you can restore one later under Settings → Data.' : ''}
        </Text>
      </ConfirmModal>
    </Card>
  )
}

export function StartupRefused({ state }: { state: Extract<StartupState, { phase: 'refused' }> }) {
  return (
    <Card withBorder radius="md" padding="xl" maw={660} mx="auto" className="startup-card" component="main" aria-labelledby="startup-title">
      <Stack gap="md">
        <Brand />
        <Title order={1} size="h3" id="startup-title">
          Storewatch cannot open its data
        </Title>
        <Text size="sm" className="startup-detail">
          {state.message}
        </Text>
        <Text size="sm" c="dimmed">
          Nothing was changed or moved. Data folder: {state.dataDir}
        </Text>
      </Stack>
    </Card>
  )
}
