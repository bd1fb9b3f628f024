/**
 * The Logger port over electron-log, writing to `<data>/logs/main.log`. Every line passes the
 * redaction hook first, whoever logs it (our code, electron-updater, uncaught errors).
 */
import path from 'node:path'
import log from 'electron-log/main'
import type { Logger } from '../core/ports'
import { redactValue } from '../core/security/redact'

const MAX_LOG_BYTES = 5 * 1024 * 1024

export function createLogger(logsDir: string): Logger {
  log.transports.file.resolvePathFn = () => path.join(logsDir, 'main.log')
  log.transports.file.maxSize = MAX_LOG_BYTES
  log.hooks.push((message) => ({ ...message, data: message.data.map((item) => redactValue(item)) }))
  log.errorHandler.startCatching({ showDialog: false })
  return {
    info: (message, fields) => (fields ? log.info(message, fields) : log.info(message)),
    warn: (message, fields) => (fields ? log.warn(message, fields) : log.warn(message)),
    error: (message, fields) => (fields ? log.error(message, fields) : log.error(message))
  }
}
