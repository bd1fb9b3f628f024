/** Runs one import task on the worker, with a port of its own for the worker's progress and log lines. */
import { MessageChannel } from 'node:worker_threads'
import type { Logger } from '../ports'
import type { ImportWorkers } from './worker-pool'
import type { ImportAnswer, ImportTask, WorkerMessage } from './worker-protocol'

type TaskOf<K extends ImportTask['kind']> = Omit<Extract<ImportTask, { kind: K }>, 'port'>
type AnswerOf<K extends ImportTask['kind']> = Extract<ImportAnswer, { kind: K }>

export interface TaskOptions {
  /** Buffers that move to the worker with the task (its array views are empty afterwards). */
  moved: ArrayBuffer[]
  onProgress(rows: number, fraction: number): void
  signal?: AbortSignal
}

export async function runTask<K extends ImportTask['kind']>(
  workers: ImportWorkers,
  logger: Logger,
  task: { kind: K } & TaskOf<K>,
  options: TaskOptions
): Promise<AnswerOf<K>> {
  const { port1, port2 } = new MessageChannel()
  let ended = () => {}
  const lastLine = new Promise<void>((resolve) => (ended = resolve))
  port1.on('message', (message: WorkerMessage) => {
    if (message.type === 'progress') options.onProgress(message.rows, message.fraction)
    else if (message.type === 'end') ended()
    else logger[message.level](message.message, message.fields)
  })
  try {
    const answer = await workers.run({ ...task, port: port2 } as unknown as ImportTask, { transferList: [...options.moved, port2], signal: options.signal })
    // The answer comes on the pool's port: the task's own may still carry its last progress.
    await lastLine
    return answer as AnswerOf<K>
  } finally {
    port1.close()
  }
}
