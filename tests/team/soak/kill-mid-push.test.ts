/**
 * kill -9 of a laptop's process (issue #12, point 9): a child process (plain Node through tsx, the
 * app's core, replica and pg connection) pushes a large outbox to a real Postgres through a TCP
 * proxy; the test kills it with SIGKILL
 * - while a push's transaction is half sent (the proxy holds the rest), and
 * - after Postgres committed a push whose answer the proxy held back (the laptop never heard),
 * then starts it again on the same file and lets it finish: the team's log holds each of its changes
 * exactly once, none lost, and a teammate joining afterwards holds the same rows.
 *
 * And during a burst of local writes with the sync loop pushing: every store the child reported as
 * acknowledged before the kill reaches the team after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTeamReplica } from '../../../electron/core/team/replica/replica'
import { migrateTeamSchema } from '../../../electron/core/team/server/migrate-team-schema'
import { spawnChild } from '../../support/child-process'
import { startPostgresCluster } from '../../support/postgres-cluster'
import type { PostgresCluster } from '../../support/postgres-cluster'
import { storeInput } from '../../support/store-input'
import { readTeamLog } from '../../support/team-log'
import type { LoggedChange } from '../../support/team-log'
import { addPerson, withSuperuser } from '../../support/team-postgres'
import { lastClientSeq, openSoakLaptop } from '../../support/team-soak'
import { startTcpProxy } from '../../support/tcp-proxy'
import type { TcpProxy } from '../../support/tcp-proxy'
import { createTestCore } from '../../support/test-core'
import { makeTempDir, openTestDatabase } from '../../support/test-database'
import { sharedState } from '../replica/support'
import type { Laptop as ReplicaLaptop } from '../replica/support'

const CHILD = 'tests/support/team-children/laptop.ts'
const STORES = 1_500

let cluster: PostgresCluster
beforeAll(async () => {
  cluster = await startPostgresCluster()
  await withSuperuser(cluster, migrateTeamSchema)
}, 60_000)
afterAll(async () => {
  await cluster?.stop()
})

/** A laptop's data folder with `STORES` stores made while joined: a large outbox. Returns its client id and last client seq. */
function laptopWithOutbox(dir: string): { clientId: string; last: number } {
  const database = openTestDatabase({ dir })
  try {
    const core = createTestCore(database)
    const replica = createTeamReplica({ sqlite: database.sqlite, channel: { push: () => Promise.reject(new Error('offline')), pull: () => Promise.reject(new Error('offline')) } })
    replica.join({ shareLocal: true })
    for (let n = 1; n <= STORES; n++) core.stores.create(storeInput({ storeName: `Outbox ${n}`, sellerShortCode: `SGOUT${n}` }))
    return { clientId: replica.clientId() ?? '', last: lastClientSeq(database) }
  } finally {
    database.close()
  }
}

function child(dir: string, proxy: TcpProxy, role: { user: string; password: string }, mode: 'push' | 'burst') {
  return spawnChild(CHILD, [dir, mode, proxy.host, String(proxy.port), role.user, role.password], { timeoutMs: 120_000 })
}

/** The child's changes in the team's log: client seq → how many times. */
function countsOf(log: readonly LoggedChange[], clientId: string): Map<number, number> {
  const counts = new Map<number, number>()
  for (const change of log) if (change.clientId === clientId) counts.set(change.clientSeq, (counts.get(change.clientSeq) ?? 0) + 1)
  return counts
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i)
}

describe('kill -9 of a laptop mid-push', () => {
  it('a push killed half sent, and one killed after Postgres committed it unheard, is finished on restart: each change once, none lost', async () => {
    const team = 'Kill A'
    const role = await addPerson(cluster, 'kill_amy', team)
    const dir = makeTempDir()
    const { clientId, last } = laptopWithOutbox(dir)
    expect(last).toBeGreaterThan(2 * 500)
    const proxy = await startTcpProxy({ host: cluster.host, port: cluster.port })
    try {
      // Half a push: somewhere well inside the second batch's transaction.
      proxy.holdAfterClientBytes(400_000)
      const first = child(dir, proxy, role, 'push')
      await proxy.clientBytesReach(400_000)
      first.kill('SIGKILL')
      expect((await first.exited).signal).toBe('SIGKILL')
      proxy.heal()
      const afterFirst = countsOf(await readTeamLog(cluster, team), clientId)
      expect(afterFirst.size).toBeLessThan(last)

      // The next push's COMMIT reaches Postgres; its answer never reaches the laptop.
      proxy.holdRepliesAfter('COMMIT')
      const second = child(dir, proxy, role, 'push')
      await expect.poll(async () => countsOf(await readTeamLog(cluster, team), clientId).size, { timeout: 60_000, interval: 200 }).toBeGreaterThan(afterFirst.size)
      second.kill('SIGKILL')
      expect((await second.exited).signal).toBe('SIGKILL')
      proxy.heal()

      const third = child(dir, proxy, role, 'push')
      expect(await third.line(/^pushed /)).toBe('pushed 0')
      expect((await third.exited).code).toBe(0)
      const counts = countsOf(await readTeamLog(cluster, team), clientId)
      expect([...counts.keys()].sort((a, b) => a - b)).toEqual(range(1, last))
      expect([...counts.values()].every((times) => times === 1)).toBe(true)

      const killed = openTestDatabase({ dir })
      const joiner = await openSoakLaptop(cluster, 'kill_ben', await addPerson(cluster, 'kill_ben', team), { shareLocal: false })
      try {
        expect(await joiner.sync()).toBe(true)
        const rows = (laptop: { database: { sqlite: unknown } }) => sharedState(laptop as unknown as ReplicaLaptop)
        expect(Object.keys(rows(joiner).stores ?? {})).toHaveLength(STORES)
        expect(rows(joiner)).toEqual(rows({ database: killed }))
      } finally {
        killed.close()
        await joiner.close()
      }
    } finally {
      await proxy.close()
    }
  }, 120_000)

  it('a laptop killed during a burst of writes, its loop pushing, brings every acknowledged store to the team after a restart', async () => {
    const team = 'Kill B'
    const role = await addPerson(cluster, 'kill_cat', team)
    const dir = makeTempDir()
    const proxy = await startTcpProxy({ host: cluster.host, port: cluster.port })
    try {
      const burst = child(dir, proxy, role, 'burst')
      await burst.line(/^ack Burst 50 /)
      // Killed while it writes, once its loop has pushed part of the burst.
      await expect.poll(async () => (await readTeamLog(cluster, team)).length, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0)
      burst.kill('SIGKILL')
      expect((await burst.exited).signal).toBe('SIGKILL')
      const acknowledged = burst.lines.filter((line) => line.startsWith('ack '))

      const restart = child(dir, proxy, role, 'push')
      expect(await restart.line(/^pushed /)).toBe('pushed 0')
      const log = await readTeamLog(cluster, team)
      const inserted = new Set(log.filter((change) => change.table === 'stores' && change.fields !== null).map((change) => change.fields?.store_name))
      const seqs = new Set(log.map((change) => change.clientSeq))
      for (const line of acknowledged) {
        const [, name, seqRange] = /^ack (Burst \d+) (\d+-\d+)$/.exec(line) ?? []
        expect(inserted.has(name), line).toBe(true)
        const [from, to] = (seqRange ?? '').split('-').map(Number)
        for (const clientSeq of range(from ?? 0, to ?? -1)) expect(seqs.has(clientSeq), `${line}: client seq ${clientSeq}`).toBe(true)
      }
      expect(acknowledged.length).toBeGreaterThanOrEqual(50)
      expect(new Set(log.map((change) => `${change.clientId}/${change.clientSeq}`)).size).toBe(log.length)
    } finally {
      await proxy.close()
    }
  }, 120_000)
})
