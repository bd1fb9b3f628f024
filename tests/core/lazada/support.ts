/** Shared pieces of the Lazada client tests: a fake clock whose sleeps only move it, and a client wired to the mock gateway. */
import { createLazadaClient, type LazadaClientOptions } from '../../../electron/core/lazada/lazada-client'
import type { LazadaError } from '../../../electron/core/lazada/lazada-api'
import type { LogFields, Logger } from '../../../electron/core/ports'
import type { MockGateway } from '../../support/mock-lazada/gateway'

export interface FakeTime {
  clock: { now(): number }
  sleep(ms: number): Promise<void>
  /** Every sleep asked for, in ms, in order. */
  sleeps: number[]
}

/** Starts at the real time so the mock (on the real clock) accepts the timestamps. */
export function fakeTime(start = Date.now()): FakeTime {
  let now = start
  const sleeps: number[] = []
  return {
    clock: { now: () => now },
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    },
    sleeps
  }
}

export interface LoggedLine {
  level: 'info' | 'warn' | 'error'
  message: string
  fields?: LogFields
}

export function recordingLogger(): Logger & { lines: LoggedLine[] } {
  const lines: LoggedLine[] = []
  return {
    lines,
    info: (message, fields) => lines.push({ level: 'info', message, fields }),
    warn: (message, fields) => lines.push({ level: 'warn', message, fields }),
    error: (message, fields) => lines.push({ level: 'error', message, fields })
  }
}

export function clientFor(mock: MockGateway, options: Partial<LazadaClientOptions> = {}) {
  return createLazadaClient({ appKey: mock.appKey, appSecret: mock.appSecret, hosts: mock.hosts, random: () => 0.5, ...options })
}

/** The LazadaError `work` rejects with; fails the test when it resolves or throws something else. */
export async function rejection(work: Promise<unknown>): Promise<LazadaError> {
  try {
    await work
  } catch (error) {
    if (error instanceof Error && error.name === 'LazadaError') return error as LazadaError
    throw error
  }
  throw new Error('expected a LazadaError')
}
