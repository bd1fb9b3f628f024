/**
 * A loopback TCP proxy between replicas and Postgres for the team's fault tests (issue #12, point 9).
 * It forwards bytes both ways and can be told to:
 * - `cutAll()`: destroy every open connection now (both sides, as a dropped route does);
 * - `cutAfterClientBytes(n)`: forward `n` more bytes from clients, then cut (a push cut mid-way);
 * - `holdAfterClientBytes(n)`: forward `n` more bytes from clients, then forward nothing either way
 *   while keeping the sockets open (the laptop hangs mid-push until the test acts, e.g. kill -9);
 * - `holdRepliesAfter(text)`: once a client sends `text` (e.g. the COMMIT of a push), forward it but
 *   nothing more from the server (the team committed; the laptop never hears so);
 * - `cutWhenClientSends(text)`: cut every connection, that chunk unsent, once a client sends `text`;
 * - `refuse()`: cut everything and close each new connection at once (offline);
 * - `heal()`: forward as normal again.
 * It counts the bytes it forwarded from clients, so a test can act when a push is under way.
 */
import net from 'node:net'

export interface TcpProxy {
  host: string
  port: number
  /** Bytes forwarded from clients to the server since the proxy started. */
  readonly clientBytes: number
  /** Connections accepted (refused ones included). */
  readonly accepted: number
  cutAll(): void
  cutAfterClientBytes(bytes: number): void
  holdAfterClientBytes(bytes: number): void
  holdRepliesAfter(text: string): void
  cutWhenClientSends(text: string): void
  refuse(): void
  heal(): void
  /** Resolves once `clientBytes` reaches `bytes`. */
  clientBytesReach(bytes: number): Promise<void>
  close(): Promise<void>
}

type Mode =
  | { kind: 'open' }
  | { kind: 'refusing' }
  | { kind: 'cut-after'; left: number }
  | { kind: 'hold-after'; left: number }
  | { kind: 'replies-after'; text: Buffer }
  | { kind: 'cut-on'; text: Buffer }
  | { kind: 'holding-replies' }
  | { kind: 'holding' }

interface Pair {
  client: net.Socket
  server: net.Socket
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const pairs = new Set<Pair>()
  const waiters = new Set<{ bytes: number; resolve(): void }>()
  let mode: Mode = { kind: 'open' }
  let clientBytes = 0
  let accepted = 0

  const cutAll = (): void => {
    for (const pair of pairs) destroy(pair)
    pairs.clear()
  }
  const destroy = (pair: Pair): void => {
    pair.client.destroy()
    pair.server.destroy()
    pairs.delete(pair)
  }
  const counted = (bytes: number): void => {
    clientBytes += bytes
    for (const waiter of [...waiters]) {
      if (clientBytes < waiter.bytes) continue
      waiters.delete(waiter)
      waiter.resolve()
    }
  }

  /** What of a client's chunk goes on to the server under the current mode. */
  const fromClient = (pair: Pair, chunk: Buffer): void => {
    if (mode.kind === 'holding' || mode.kind === 'refusing') return
    if (mode.kind === 'replies-after' && chunk.includes(mode.text)) mode = { kind: 'holding-replies' }
    if (mode.kind === 'cut-on') {
      if (!chunk.includes(mode.text)) {
        pair.server.write(chunk)
        counted(chunk.length)
      } else {
        mode = { kind: 'open' }
        cutAll()
      }
      return
    }
    if (mode.kind === 'open' || mode.kind === 'replies-after' || mode.kind === 'holding-replies') {
      pair.server.write(chunk)
      counted(chunk.length)
      return
    }
    const part = chunk.subarray(0, mode.left)
    if (part.length > 0) pair.server.write(part)
    counted(part.length)
    mode.left -= part.length
    if (mode.left > 0) return
    if (mode.kind === 'cut-after') {
      mode = { kind: 'open' }
      // After the bytes that were let through have left.
      pair.server.end(() => cutAll())
      pair.client.destroy()
    } else {
      mode = { kind: 'holding' }
    }
  }

  const server = net.createServer((client) => {
    accepted++
    if (mode.kind === 'refusing') {
      client.destroy()
      return
    }
    const upstream = net.connect(target.port, target.host)
    const pair: Pair = { client, server: upstream }
    pairs.add(pair)
    client.on('data', (chunk: Buffer) => fromClient(pair, chunk))
    upstream.on('data', (chunk: Buffer) => {
      if (mode.kind !== 'holding' && mode.kind !== 'refusing' && mode.kind !== 'holding-replies') client.write(chunk)
    })
    for (const socket of [client, upstream]) {
      socket.on('error', () => destroy(pair))
      socket.on('close', () => destroy(pair))
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('the proxy has no port')

  return {
    host: '127.0.0.1',
    port: address.port,
    get clientBytes() {
      return clientBytes
    },
    get accepted() {
      return accepted
    },
    cutAll,
    cutAfterClientBytes: (bytes) => {
      mode = { kind: 'cut-after', left: Math.max(1, bytes) }
    },
    holdAfterClientBytes: (bytes) => {
      mode = { kind: 'hold-after', left: Math.max(1, bytes) }
    },
    holdRepliesAfter: (text) => {
      mode = { kind: 'replies-after', text: Buffer.from(text) }
    },
    cutWhenClientSends: (text) => {
      mode = { kind: 'cut-on', text: Buffer.from(text) }
    },
    refuse: () => {
      mode = { kind: 'refusing' }
      cutAll()
    },
    heal: () => {
      // Held connections stay stalled: the bytes they missed are gone, so they are cut.
      if (mode.kind === 'holding' || mode.kind === 'holding-replies') cutAll()
      mode = { kind: 'open' }
    },
    clientBytesReach: (bytes) =>
      clientBytes >= bytes
        ? Promise.resolve()
        : new Promise((resolve) => {
            waiters.add({ bytes, resolve })
          }),
    close: async () => {
      cutAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}
