/** The team state in words: the header's label (teamStateLabel) and the longer sentence behind it. */
import { teamStateLabel } from '../../../../electron/shared/team-state'
import type { TeamState } from '../../../../electron/shared/team-state'
import { formatDateTime, plural } from '../../lib/format'

/** A reason from main as a clause inside a sentence: without its own full stop. */
function clause(reason: string): string {
  return reason.trim().replace(/[.\s]+$/, '')
}

export function teamHeaderLabel(state: TeamState): string | null {
  return teamStateLabel(state, formatDateTime)
}

/** What the state means for the KAM's work: shown on hover in the header and in Settings → Team. */
export function teamStateSentence(state: TeamState): string {
  switch (state.kind) {
    case 'solo':
      return 'Not on a team: the portfolio is on this laptop only.'
    case 'in-sync':
      return `In sync at ${formatDateTime(state.at)}: every change made here has reached the team, and the team’s have arrived.`
    case 'syncing':
      return `Sending and receiving ${plural(state.pending, 'change')}.`
    case 'offline': {
      const waiting = state.pending > 0 ? ` ${plural(state.pending, 'change')} made here ${state.pending === 1 ? 'waits' : 'wait'} and will reach the team then.` : ''
      return `The team’s server cannot be reached since ${formatDateTime(state.since)}: ${clause(state.reason)}. Storewatch keeps working on this laptop and syncs when the server is back.${waiting}`
    }
    case 'refused':
      return `The team’s server refused to sync: ${clause(state.reason)}. Your work stays on this laptop and nothing is lost; syncing starts again once this is fixed.`
  }
}

export const TEAM_STATE_COLORS: Record<TeamState['kind'], string> = {
  solo: 'gray',
  'in-sync': 'green',
  syncing: 'blue',
  offline: 'orange',
  refused: 'red'
}
