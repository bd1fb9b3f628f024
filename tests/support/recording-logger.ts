/** A logger that keeps what it was told, for tests that read the log. */
import type { LogFields, Logger } from '../../electron/core/ports'

export type LogLevel = 'info' | 'warn' | 'error'

export class RecordingLogger implements Logger {
  entries: { level: LogLevel; message: string; fields?: LogFields }[] = []
  info(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'info', message, fields })
  }
  warn(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'warn', message, fields })
  }
  error(message: string, fields?: LogFields): void {
    this.entries.push({ level: 'error', message, fields })
  }
  /** Everything logged, as one string: for "never in the log" checks. */
  get text(): string {
    return JSON.stringify(this.entries)
  }
  /** The messages logged, at `level` if given. */
  messages(level?: LogLevel): string[] {
    return this.entries.filter((e) => !level || e.level === level).map((e) => e.message)
  }
}
