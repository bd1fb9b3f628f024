/**
 * The laptop's replica as the sync loop needs it (issue #12): the loop hands each push and pull
 * the channel of its current connection, which changes when it reconnects.
 */
import { unpushedCount } from './replica/push'
import { createTeamReplica } from './replica/replica'
import type { TeamReplicaDeps } from './replica/replica'
import type { ReplicaPort } from './sync-loop'

export function teamReplicaPort(deps: Omit<TeamReplicaDeps, 'channel'>): ReplicaPort {
  return {
    pendingCount: () => unpushedCount(deps.sqlite),
    push: async (channel) => {
      await createTeamReplica({ ...deps, channel }).push()
    },
    pull: async (channel) => {
      await createTeamReplica({ ...deps, channel }).pull()
    }
  }
}
