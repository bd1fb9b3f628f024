import { describe, expect, it } from 'vitest'
import {
  isLoopbackHost,
  teamConnectionOptions,
  TeamConnectionRefused,
  type TeamConnectionSettings
} from '../../../electron/core/team/server/connection-options'

const settings = (over: Partial<TeamConnectionSettings>): TeamConnectionSettings => ({
  host: 'db.example.com',
  port: 5432,
  database: 'team',
  user: 'alice',
  tls: 'verify-full',
  ...over
})
const noFile = (path: string): string => {
  throw new Error(`unexpected read of ${path}`)
}

describe('team connection options', () => {
  it('knows loopback from the network', () => {
    for (const host of ['localhost', 'LOCALHOST', '127.0.0.1', '127.42.0.9', '::1', '[::1]']) expect(isLoopbackHost(host), host).toBe(true)
    for (const host of ['db.example.com', '10.0.0.1', '128.0.0.1', '::2', '127.example.com', 'localhost.evil.com']) expect(isLoopbackHost(host), host).toBe(false)
  })

  it('refuses a non-loopback host without TLS, with a message that says why', () => {
    const refuse = (): unknown => teamConnectionOptions(settings({ tls: 'disable' }), 'pw', noFile)
    expect(refuse).toThrow(TeamConnectionRefused)
    expect(refuse).toThrow(/db\.example\.com only over TLS/)
  })

  it('allows plain connections on loopback', () => {
    expect(teamConnectionOptions(settings({ host: '127.0.0.1', tls: 'disable' }), 'pw', noFile)).toEqual({
      host: '127.0.0.1',
      port: 5432,
      database: 'team',
      user: 'alice',
      password: 'pw',
      ssl: false
    })
  })

  it('verifies the certificate and the host name (verify-full)', () => {
    expect(teamConnectionOptions(settings({}), 'pw', noFile).ssl).toEqual({ rejectUnauthorized: true, servername: 'db.example.com' })
  })

  it('checks an IP host against the certificate without a server name', () => {
    expect(teamConnectionOptions(settings({ host: '10.0.0.5' }), 'pw', noFile).ssl).toEqual({ rejectUnauthorized: true })
  })

  it('trusts the given CA file', () => {
    const read = (path: string): string => `PEM of ${path}`
    expect(teamConnectionOptions(settings({ caFile: '/etc/team-ca.pem' }), 'pw', read).ssl).toEqual({
      rejectUnauthorized: true,
      servername: 'db.example.com',
      ca: 'PEM of /etc/team-ca.pem'
    })
  })

  it('keeps TLS on loopback when asked for', () => {
    expect(teamConnectionOptions(settings({ host: 'localhost' }), 'pw', noFile).ssl).toEqual({ rejectUnauthorized: true, servername: 'localhost' })
  })
})
