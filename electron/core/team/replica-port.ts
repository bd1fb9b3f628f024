/**
 * The laptop's replica as the sync loop needs it (issue #12): the loop hands each push and pull
 * the channel of its current connection, which changes when it reconnects.
 */
import { unpushedCount } from './replica/push'
import type { PullResult } from './replica/apply'
import { createTeamReplica } from './replica/replica'
import type { TeamReplicaDeps } from './replica/replica'
import type { ReplicaPort } from './sync-loop'

/** `onPulled` hears what each pull applied (the app refreshes the stores it touched). */
export function teamReplicaPort(deps: Omit<TeamReplicaDeps, 'channel'>, onPulled?: (result: PullResult) => void): ReplicaPort {
  return {
    pendingCount: () => unpushedCount(deps.sqlite),
    push: async (channel) => {
      await createTeamReplica({ ...deps, channel }).push()
    },
    pull: async (channel) => {
      const result = await createTeamReplica({ ...deps, channel }).pull()
      onPulled?.(result)
    }
  }
}
