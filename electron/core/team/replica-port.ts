/**
 * The laptop's replica as the sync loop needs it (issue #12): the loop hands each push and pull
 * the channel of its current connection, which changes when it reconnects.
 */
import type { PullResult } from './replica/apply'
import { unpushedCount } from './replica/push'
import { createTeamReplica } from './replica/replica'
import type { TeamReplicaDeps } from './replica/replica'
import type { ReplicaPort } from './sync-loop'

export interface ReplicaPortDeps extends Omit<TeamReplicaDeps, 'channel'> {
  /** Hears what each pull brought, e.g. to refresh the derived status of the stores it touched. */
  onPulled?: (result: PullResult) => void
}

export function teamReplicaPort(deps: ReplicaPortDeps): ReplicaPort {
  const { onPulled, ...replicaDeps } = deps
  return {
    pendingCount: () => unpushedCount(deps.sqlite),
    push: async (channel) => {
      await createTeamReplica({ ...replicaDeps, channel }).push()
    },
    pull: async (channel) => {
      const result = await createTeamReplica({ ...replicaDeps, channel }).pull()
      onPulled?.(result)
    }
  }
}
