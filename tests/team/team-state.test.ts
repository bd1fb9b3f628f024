import { describe, expect, it } from 'vitest'
import { teamStateLabel } from '../../electron/shared/team-state'

const at = (ms: number) => new Date(ms).toISOString().slice(11, 16)

describe('the header’s team words', () => {
  it('say nothing in solo use', () => {
    expect(teamStateLabel({ kind: 'solo' }, at)).toBeNull()
  })

  it('name the state, the waiting changes, since when, or why not', () => {
    expect(teamStateLabel({ kind: 'in-sync', at: 0 }, at)).toBe('Team: in sync')
    expect(teamStateLabel({ kind: 'syncing', pending: 1 }, at)).toBe('Team: syncing 1 change')
    expect(teamStateLabel({ kind: 'syncing', pending: 12 }, at)).toBe('Team: syncing 12 changes')
    expect(teamStateLabel({ kind: 'offline', since: 9 * 3_600_000, reason: 'ECONNREFUSED', pending: 3 }, at)).toBe('Team: offline since 09:00')
    expect(teamStateLabel({ kind: 'refused', reason: 'the team schema is newer than this app' }, at)).toBe('Team: not syncing — the team schema is newer than this app')
  })
})
