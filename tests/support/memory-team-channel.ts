/**
 * The team's store in memory, for the replica's unit tests only (the Postgres adapter has its own
 * tests against a real server): one order of changes, repeats (same client id and client seq)
 * skipped. `cutAfterCommit` plays a connection lost after the server committed a push.
 */
import type { OutgoingChange, TeamChange, TeamChannel } from '../../electron/core/team/team-change'

export class MemoryTeamChannel implements TeamChannel {
  readonly changes: TeamChange[] = []
  private readonly seen = new Set<string>()
  private readonly pushCount = new Map<string, number>()

  /** A channel for one laptop: the same order, with `author` as the role it connects as. */
  forAuthor(author: string): LaptopChannel {
    return new LaptopChannel(this, author)
  }

  push(changes: readonly OutgoingChange[]): Promise<void> {
    this.commit(changes, 'team')
    return Promise.resolve()
  }

  pull(afterSeq: number, limit: number): Promise<TeamChange[]> {
    return Promise.resolve(this.changes.filter((c) => c.seq > afterSeq).slice(0, limit))
  }

  /** How often a client's change was received, repeats included. */
  received(clientId: string, clientSeq: number): number {
    return this.pushCount.get(`${clientId}/${clientSeq}`) ?? 0
  }

  commit(changes: readonly OutgoingChange[], author: string): void {
    for (const change of changes) {
      const key = `${change.clientId}/${change.clientSeq}`
      this.pushCount.set(key, (this.pushCount.get(key) ?? 0) + 1)
      if (this.seen.has(key)) continue
      this.seen.add(key)
      this.changes.push({ ...change, seq: this.changes.length + 1, author, committedAt: new Date(0).toISOString() })
    }
  }
}

export class LaptopChannel implements TeamChannel {
  /** The next push commits, then fails as if the connection dropped before the answer. */
  cutAfterCommit = false

  constructor(
    private readonly team: MemoryTeamChannel,
    private readonly author: string
  ) {}

  push(changes: readonly OutgoingChange[]): Promise<void> {
    this.team.commit(changes, this.author)
    if (!this.cutAfterCommit) return Promise.resolve()
    this.cutAfterCommit = false
    return Promise.reject(new Error('connection lost after commit'))
  }

  pull(afterSeq: number, limit: number): Promise<TeamChange[]> {
    return this.team.pull(afterSeq, limit)
  }
}
