import { describe, expect, it } from 'vitest'
import { createSyncLoop, TeamRefusal, type Later, type ReplicaPort, type TeamConnection } from '../../electron/core/team/sync-loop'
import type { OutgoingChange, TeamChannel } from '../../electron/core/team/team-change'
import type { TeamState } from '../../electron/shared/team-state'
import { silentLogger } from '../../electron/core/ports'

/** Timers the test moves by hand: nothing here depends on how fast the machine is. */
function manualTimers() {
  let now = 0
  const due: { at: number; run: () => void; live: boolean }[] = []
  const later: Later = (run, ms) => {
    const entry = { at: now + ms, run, live: true }
    due.push(entry)
    return () => {
      entry.live = false
    }
  }
  async function advance(ms: number): Promise<void> {
    const until = now + ms
    for (;;) {
      const next = due.filter((d) => d.live && d.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!next) break
      next.live = false
      now = next.at
      next.run()
      await settle()
    }
    now = until
  }
  return { later, advance, clock: { now: () => now } }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

/** A replica whose outbox is a list, and a team that is a list: enough to watch the loop drive them. */
function world() {
  const outbox: OutgoingChange[] = []
  const team: OutgoingChange[] = []
  let reachable = true
  let refusal: string | null = null
  let notify: (() => void) | null = null
  let pulls = 0
  const channel: TeamChannel = {
    async push(changes) {
      if (!reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
      team.push(...changes)
    },
    async pull() {
      if (!reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
      pulls++
      return []
    }
  }
  const replica: ReplicaPort = {
    pendingCount: () => outbox.length,
    async push(ch) {
      const sending = [...outbox]
      await ch.push(sending)
      outbox.splice(0, sending.length)
    },
    async pull(ch) {
      await ch.pull(0, 100)
    }
  }
  const connect = async (): Promise<TeamConnection> => {
    if (refusal) throw new TeamRefusal(refusal)
    if (!reachable) throw new Error('connect ECONNREFUSED 127.0.0.1:5432')
    return {
      channel,
      async listen(onNotify) {
        notify = onNotify
        return async () => {
          notify = null
        }
      },
      async close() {}
    }
  }
  let seq = 0
  const write = () => outbox.push({ clientId: 'a', clientSeq: ++seq, table: 'stores', uid: `u${seq}`, fields: { notes: 'x' } })
  return {
    outbox,
    team,
    replica,
    connect,
    write,
    pulls: () => pulls,
    notify: () => notify?.(),
    setReachable: (value: boolean) => void (reachable = value),
    refuse: (why: string) => void (refusal = why)
  }
}

function setup() {
  const timers = manualTimers()
  const w = world()
  const states: TeamState[] = []
  const loop = createSyncLoop({
    replica: w.replica,
    connect: w.connect,
    clock: timers.clock,
    logger: silentLogger,
    publish: (state) => states.push(state),
    later: timers.later,
    pullIntervalMs: 5_000,
    nudgeDebounceMs: 200
  })
  return { timers, w, states, loop, last: () => states.at(-1) }
}

describe('the team sync loop', () => {
  it('pushes what was written before it started, then says in sync', async () => {
    const { w, loop, last, states } = setup()
    w.write()
    w.write()
    await loop.start()
    expect(w.team.map((c) => c.clientSeq)).toEqual([1, 2])
    expect(states.map((s) => s.kind)).toEqual(['syncing', 'in-sync'])
    expect(last()).toEqual({ kind: 'in-sync', at: 0 })
  })

  it('sends a burst of writes once, after the debounce, showing how many are waiting', async () => {
    const { w, loop, timers, last } = setup()
    await loop.start()
    for (let i = 0; i < 3; i++) {
      w.write()
      loop.nudge()
    }
    expect(last()).toEqual({ kind: 'syncing', pending: 3 })
    await timers.advance(199)
    expect(w.team).toHaveLength(0)
    await timers.advance(1)
    expect(w.team).toHaveLength(3)
    expect(last()?.kind).toBe('in-sync')
  })

  it('pulls when a teammate notifies, and every interval as the fallback', async () => {
    const { w, loop, timers } = setup()
    await loop.start()
    expect(w.pulls()).toBe(1)
    w.notify()
    await settle()
    expect(w.pulls()).toBe(2)
    await timers.advance(5_000)
    expect(w.pulls()).toBe(3)
  })

  it('keeps changes made offline in the outbox, says since when, and sends them once the team is back', async () => {
    const { w, loop, timers, last } = setup()
    w.setReachable(false)
    await timers.advance(60_000)
    w.write()
    await loop.start()
    expect(last()).toEqual({ kind: 'offline', since: 60_000, reason: 'connect ECONNREFUSED 127.0.0.1:5432', pending: 1 })
    await timers.advance(1_000)
    w.write()
    await timers.advance(2_000)
    expect(last()).toMatchObject({ kind: 'offline', since: 60_000, pending: 2 })
    expect(w.outbox).toHaveLength(2)
    w.setReachable(true)
    await timers.advance(4_000)
    expect(w.team.map((c) => c.clientSeq)).toEqual([1, 2])
    expect(w.outbox).toHaveLength(0)
    expect(last()?.kind).toBe('in-sync')
  })

  it('backs off from 1 s, doubling to at most 30 s, while the team stays unreachable', async () => {
    const { w, loop, timers, states } = setup()
    w.setReachable(false)
    await loop.start()
    const attempts = () => states.filter((s) => s.kind === 'offline').length
    const at: number[] = []
    for (let t = 0; t < 120_000; t += 500) {
      const before = attempts()
      await timers.advance(500)
      if (attempts() > before) at.push(timers.clock.now())
    }
    const gaps = at.map((t, i) => t - (at[i - 1] ?? 0))
    expect(gaps.slice(0, 6)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000])
  })

  it('stops with the reason when the team refuses this app, and keeps the outbox', async () => {
    const { w, loop, timers, last } = setup()
    w.refuse('the team schema is version 4; this app knows up to 3. Update Storewatch to sync.')
    w.write()
    await loop.start()
    expect(last()).toEqual({ kind: 'refused', reason: 'the team schema is version 4; this app knows up to 3. Update Storewatch to sync.' })
    await timers.advance(120_000)
    loop.nudge()
    await timers.advance(1_000)
    expect(last()?.kind).toBe('refused')
    expect(w.outbox).toHaveLength(1)
  })

  it('is not in sync while a write made during the cycle is still waiting', async () => {
    const { w, loop, states } = setup()
    const push = w.replica.push
    let once = true
    w.replica.push = async (ch) => {
      await push(ch)
      if (once) {
        once = false
        w.write()
      }
    }
    w.write()
    await loop.start()
    expect(states.map((s) => s.kind)).toEqual(['syncing', 'syncing', 'syncing', 'in-sync'])
    expect(w.team).toHaveLength(2)
  })

  it('says solo after leaving, and a nudge then does nothing', async () => {
    const { w, loop, timers, last } = setup()
    await loop.start()
    await loop.stop()
    expect(last()).toEqual({ kind: 'solo' })
    w.write()
    loop.nudge()
    await timers.advance(10_000)
    expect(w.team).toHaveLength(0)
  })
})
