/**
 * The team state in the header (issue #12, point 5): in sync, syncing N changes, offline since …,
 * or not syncing with why. Hidden when solo. Cut with an ellipsis where room is short; the full
 * words are in its name and in the tooltip on hover and focus. Opens Settings → Team.
 */
import { Text, Tooltip, UnstyledButton } from '@mantine/core'
import { IconCloud, IconCloudOff, IconCloudX, IconRefresh } from '@tabler/icons-react'
import { Link } from 'wouter'
import type { TeamState } from '../../../../electron/shared/team-state'
import { useTeamState } from '../../stores/useTeamStore'
import { TEAM_SETTINGS_PATH } from '../common/SettingsLink'
import { TEAM_STATE_COLORS, teamHeaderLabel, teamStateSentence } from './team-state-text'

function StateIcon({ kind }: { kind: TeamState['kind'] }) {
  const color = `var(--mantine-color-${TEAM_STATE_COLORS[kind]}-7)`
  const props = { size: 16, color, 'aria-hidden': true, style: { flexShrink: 0 } } as const
  if (kind === 'offline') return <IconCloudOff {...props} />
  if (kind === 'refused') return <IconCloudX {...props} />
  if (kind === 'syncing') return <IconRefresh {...props} />
  return <IconCloud {...props} />
}

export function TeamStateBadge() {
  const state = useTeamState()
  const label = teamHeaderLabel(state)
  if (label === null) return null
  return (
    <Tooltip label={`${label}. ${teamStateSentence(state)} Click for Settings → Team.`} openDelay={300} multiline maw={380} events={{ hover: true, focus: true, touch: false }}>
      <UnstyledButton
        component={Link}
        href={TEAM_SETTINGS_PATH}
        className="team-state"
        data-kind={state.kind}
        data-testid="team-state-header"
        aria-label={`${label} — open Settings → Team`}
      >
        <StateIcon kind={state.kind} />
        <Text size="sm" c={state.kind === 'refused' ? 'red.8' : state.kind === 'offline' ? 'orange.9' : 'dimmed'} className="team-state-text">
          {label}
        </Text>
      </UnstyledButton>
    </Tooltip>
  )
}
