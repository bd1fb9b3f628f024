import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutgoingChange } from '../../../electron/core/team/team-change'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { NotATeamMember, pgTeamChannel, type PgTeamChannel } from '../../../electron/core/team/server/pg-team-channel'
import { startPostgresCluster, type PostgresCluster } from '../../support/postgres-cluster'
import { addPerson, connectAs, withSuperuser } from '../../support/team-postgres'

let cluster: PostgresCluster
const pools: pg.Pool[] = []
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
  await addPerson(cluster, 'kam_ana', 'Alpha')
  await addPerson(cluster, 'kam_ben', 'Alpha')
})
afterAll(async () => {
  await Promise.allSettled(pools.map((pool) => pool.end()))
  await cluster?.stop()
})

function poolAs(user: string): pg.Pool {
  const pool = new pg.Pool({ ...cluster.connection(user, `${user}-pw`), max: 2 })
  pool.on('error', () => undefined) // a connection a test cuts on purpose
  pools.push(pool)
  return pool
}

function channelAs(user: string, pool = poolAs(user)): PgTeamChannel {
  return pgTeamChannel({ pool, connectListener: () => connectAs(cluster, user, `${user}-pw`) })
}

let clientSeq = 0
function change(clientId: string, uid: string, fields: Record<string, unknown> | null): OutgoingChange {
  return { clientId, clientSeq: ++clientSeq, table: 'stores', uid, fields }
}

describe('the team channel over Postgres', () => {
  it('pulls what was pushed in the order Postgres committed it, with Postgres as the author', async () => {
    const ana = channelAs('kam_ana')
    const ben = channelAs('kam_ben')
    const start = (await ben.pull(0, 1000)).at(-1)?.seq ?? 0
    const first = [change('ana-laptop', 's1', { name: 'Shop One' }), change('ana-laptop', 's2', { name: 'Shop Two' })]
    await ana.push(first)
    const second = [change('ben-laptop', 's1', null)]
    await ben.push(second)

    const pulled = await ben.pull(start, 1000)
    expect(pulled.map(({ clientId, clientSeq, table, uid, fields, author }) => ({ clientId, clientSeq, table, uid, fields, author }))).toEqual([
      { ...first[0], author: 'kam_ana' },
      { ...first[1], author: 'kam_ana' },
      { ...second[0], author: 'kam_ben' }
    ])
    const seqs = pulled.map((row) => row.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(3)
    for (const row of pulled) expect(Number.isNaN(Date.parse(row.committedAt))).toBe(false)
  })

  it('pulls after a seq, at most limit changes', async () => {
    const ana = channelAs('kam_ana')
    await ana.push([change('ana-laptop', 'p1', { n: 1 }), change('ana-laptop', 'p2', { n: 2 }), change('ana-laptop', 'p3', { n: 3 })])
    const all = await ana.pull(0, 1000)
    const lastThree = all.slice(-3)
    expect((await ana.pull(lastThree[0]!.seq - 1, 2)).map((row) => row.uid)).toEqual(['p1', 'p2'])
    expect((await ana.pull(lastThree[1]!.seq, 10)).map((row) => row.uid)).toEqual(['p3'])
  })

  it('ignores a repeated push, whole or in part', async () => {
    const ana = channelAs('kam_ana')
    const before = (await ana.pull(0, 1000)).length
    const batch = [change('ana-laptop', 'r1', { v: 'a' }), change('ana-laptop', 'r2', { v: 'b' })]
    await ana.push(batch)
    await ana.push(batch)
    const later = change('ana-laptop', 'r3', { v: 'c' })
    await ana.push([batch[1]!, later])
    const rows = await ana.pull(0, 1000)
    expect(rows.length).toBe(before + 3)
    expect(rows.slice(-3).map((row) => row.uid)).toEqual(['r1', 'r2', 'r3'])
  })

  it('keeps nothing of a push whose connection is cut before COMMIT, and takes it again after', async () => {
    const pool = poolAs('kam_ana')
    const cuts = { left: 1 }
    pool.on('connect', (client) => cutBeforeCommit(client, cuts))
    const cut = channelAs('kam_ana', pool)
    const batch = [change('ana-laptop', 'c1', { v: 1 }), change('ana-laptop', 'c2', { v: 2 })]
    await expect(cut.push(batch)).rejects.toThrow()

    const ben = channelAs('kam_ben')
    expect((await ben.pull(0, 1000)).map((row) => row.uid)).not.toContain('c1')
    await cut.push(batch)
    expect((await ben.pull(0, 1000)).filter((row) => row.uid.startsWith('c')).map((row) => row.uid)).toEqual(['c1', 'c2'])
  })

  it('orders a push that waited for the team lock after the one that held it, so no puller skips a change', async () => {
    const held = holdBeforeCommit()
    const pool = poolAs('kam_ana')
    pool.on('connect', (client) => held.attach(client))
    const ana = channelAs('kam_ana', pool)
    const ben = channelAs('kam_ben')
    const first = ana.push([change('ana-laptop', 'first', { v: 1 })])
    await held.reached
    const second = ben.push([change('ben-laptop', 'second', { v: 2 })])
    try {
      await expect.poll(() => waitingForAdvisoryLock('kam_ben')).toBe(1)
      expect((await ben.pull(0, 1000)).map((row) => row.uid)).not.toContain('second')
    } finally {
      held.release()
    }
    await Promise.all([first, second])
    const uids = (await ben.pull(0, 1000)).map((row) => row.uid)
    expect(uids.indexOf('first')).toBeLessThan(uids.indexOf('second'))
    expect(uids.indexOf('first')).toBeGreaterThan(-1)
  })

  it('tells a listener of the team about a push, with its seq, until stopped', async () => {
    const ben = channelAs('kam_ben')
    const heard: number[] = []
    let resolveHeard: () => void = () => undefined
    const firstHeard = new Promise<void>((resolve) => (resolveHeard = resolve))
    const listener = await ben.listen(
      (seq) => {
        heard.push(seq)
        resolveHeard()
      },
      (error) => {
        throw error
      }
    )
    await channelAs('kam_ana').push([change('ana-laptop', 'n1', { v: 1 }), change('ana-laptop', 'n2', { v: 2 })])
    await firstHeard
    expect(heard).toEqual([(await ben.pull(0, 1000)).at(-1)!.seq])
    await listener.stop()
  })

  it('refuses a role that is in no team, saying so', async () => {
    await withSuperuser(cluster, (client) => client.query(`CREATE ROLE outsider LOGIN PASSWORD 'outsider-pw' IN ROLE storewatch_team_member`))
    const outsider = channelAs('outsider')
    await expect(outsider.push([change('x', 'o1', {})])).rejects.toThrow(NotATeamMember)
    await expect(outsider.push([change('x', 'o1', {})])).rejects.toThrow(/outsider is not a member of any Storewatch team/)
  })
})

/** Destroys the socket of `client` when it is about to send a `COMMIT`, while `cuts.left` > 0. */
function cutBeforeCommit(client: pg.PoolClient, cuts: { left: number }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  client.query = ((...args: unknown[]) => {
    if (args[0] === 'COMMIT' && cuts.left > 0) {
      cuts.left -= 1
      client.connection.stream.destroy()
    }
    return query(...args)
  }) as typeof client.query
}

/** Holds the next `COMMIT` of an attached client until `release()`; `reached` resolves when it is held. */
function holdBeforeCommit(): { attach(client: pg.PoolClient): void; reached: Promise<void>; release(): void } {
  let reach: () => void = () => undefined
  let release: () => void = () => undefined
  const reached = new Promise<void>((resolve) => (reach = resolve))
  const gate = new Promise<void>((resolve) => (release = resolve))
  let holding = true
  const attach = (client: pg.PoolClient): void => {
    const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
    client.query = ((...args: unknown[]) => {
      if (args[0] !== 'COMMIT' || !holding) return query(...args)
      holding = false
      reach()
      return gate.then(() => query(...args))
    }) as typeof client.query
  }
  return { attach, reached, release: () => release() }
}

function waitingForAdvisoryLock(user: string): Promise<number> {
  return withSuperuser(cluster, async (client) => {
    const result = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE usename = $1 AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
      [user]
    )
    return result.rows[0]?.waiting ?? 0
  })
}
