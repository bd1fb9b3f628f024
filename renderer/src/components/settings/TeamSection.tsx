/**
 * Settings → Team (issue #12): the PostgreSQL connection; before joining, "Preview joining" and
 * "Join"; once joined, the membership, "Sync now", "Leave team" and the stores to merge. Solo (no
 * connection saved) is the default and says so.
 */
import { Alert, Button, Divider, Group, Loader, Stack, Text } from '@mantine/core'
import { IconEye } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { TeamView } from '../../../../electron/shared/team'
import { useTeamStore } from '../../stores/useTeamStore'
import { LoadFailed } from '../common/LoadFailed'
import { TeamConnectionForm } from './TeamConnectionForm'
import { TeamJoinPreview } from './TeamJoinPreview'
import { TeamMembership } from './TeamMembership'
import { TeamMergeOffers } from './TeamMergeOffers'

function PreviewStep({ view, formDirty }: { view: TeamView; formDirty: boolean }) {
  const busy = useTeamStore((s) => s.busy)
  const preview = useTeamStore((s) => s.preview)
  const previewError = useTeamStore((s) => s.previewError)
  const previewJoin = useTeamStore((s) => s.previewJoin)
  const why = !view.connection ? 'Save the connection first.' : formDirty ? 'Save the connection first: the preview and “Join” use the saved one.' : null

  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={600}>
          Join the team
        </Text>
        <Text size="xs" c="dimmed">
          The preview connects to the team’s server and shows which of your stores match team stores and which are new, before anything is
          merged.
        </Text>
      </div>
      <Group gap="sm">
        <Button variant="default" leftSection={<IconEye size={16} />} onClick={() => void previewJoin()} loading={busy === 'preview'} disabled={why !== null || (busy !== null && busy !== 'preview')}>
          Preview joining
        </Button>
        {why && (
          <Text size="xs" c="dimmed" data-testid="team-preview-blocked">
            {why}
          </Text>
        )}
      </Group>
      {previewError && (
        <Alert color="red" variant="light" p="sm" title="No preview: nothing was merged, this laptop’s portfolio is as it was" data-testid="team-preview-error">
          {previewError}
        </Alert>
      )}
      {preview && !formDirty && <TeamJoinPreview preview={preview} />}
    </Stack>
  )
}

function Offers() {
  const offers = useTeamStore((s) => s.offers)
  const offersError = useTeamStore((s) => s.offersError)
  const loadOffers = useTeamStore((s) => s.loadOffers)
  if (offersError) return <LoadFailed what="the stores to merge" error={offersError} onRetry={() => void loadOffers()} />
  return <TeamMergeOffers offers={offers ?? []} />
}

export function TeamSection() {
  const view = useTeamStore((s) => s.view)
  const error = useTeamStore((s) => s.error)
  const load = useTeamStore((s) => s.load)
  const [formDirty, setFormDirty] = useState(false)

  useEffect(() => {
    void load()
  }, [load])

  if (!view) {
    return error ? (
      <LoadFailed what="the team settings" error={error} onRetry={() => void load()} />
    ) : (
      <Group gap="xs">
        <Loader size="xs" aria-label="Loading the team settings" />
      </Group>
    )
  }

  return (
    <Stack gap="md">
      {view.joined ? (
        <>
          <TeamMembership view={view} />
          <Offers />
        </>
      ) : (
        !view.connection && (
          <Text size="sm" data-testid="team-solo">
            Not on a team: this laptop’s portfolio is its own. To share one portfolio with your team, enter the team’s PostgreSQL server below
            (your administrator gives you the host, database and your own user).
          </Text>
        )
      )}
      <Divider label="Connection" labelPosition="left" />
      {/* A fresh form when main's saved connection changes (after a save, a join, a leave). */}
      <TeamConnectionForm key={JSON.stringify(view.connection)} view={view} onDirtyChange={setFormDirty} />
      {!view.joined && (
        <>
          <Divider />
          <PreviewStep view={view} formDirty={formDirty} />
        </>
      )}
    </Stack>
  )
}
