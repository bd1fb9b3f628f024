/**
 * What the header says about the team (issue #12, point 5): in sync, syncing N changes, offline
 * since …, or refused, with why. `solo` when no team is joined.
 */
export type TeamState =
  | { kind: 'solo' }
  | { kind: 'in-sync'; at: number }
  | { kind: 'syncing'; pending: number }
  | { kind: 'offline'; since: number; reason: string; pending: number }
  | { kind: 'refused'; reason: string }

/** The header's words for a team state; null when there is no team to speak of. */
export function teamStateLabel(state: TeamState, formatTime: (at: number) => string): string | null {
  switch (state.kind) {
    case 'solo':
      return null
    case 'in-sync':
      return 'Team: in sync'
    case 'syncing':
      return `Team: syncing ${state.pending} ${state.pending === 1 ? 'change' : 'changes'}`
    case 'offline':
      return `Team: offline since ${formatTime(state.since)}`
    case 'refused':
      return `Team: not syncing — ${state.reason}`
  }
}
