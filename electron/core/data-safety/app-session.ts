/**
 * The data file's life while the app runs: what start-up found and what it offers, the open
 * database with its core, the daily backup, a restore (the current file set aside, never deleted,
 * and the app reopened on a copy), and damage met during a session (writes stop, the KAM is told).
 *
 * The Electron main process and the browser host both run the app through one session; its
 * dispatcher answers every contract channel: the data-safety ones itself, the rest through the
 * open core (or `not-open` while the start-up screen waits for the KAM).
 */
import fs from 'node:fs'
import path from 'node:path'
import { CORE_CHANNELS } from '../../shared/ipc-contract'
import type { CoreChannel, DataSafetyChannel } from '../../shared/ipc-contract'
import type { BackupInfo, DataDamage, RestoreResult, StartupChoice, StartupProblem, StartupState } from '../../shared/data-safety'
import type { AppCore } from '../app-core'
import { DatabaseOpenError, openDatabase } from '../db/open-database'
import type { DatabaseHandle, OpenDatabaseOptions } from '../db/open-database'
import { DataFileDamaged, damagedMessage, sqliteCode } from '../db/sqlite-errors'
import { AppError } from '../errors'
import { untilReleased } from '../import/write-hold'
import type { WriteHold } from '../import/write-hold'
import { createDispatcher } from '../ipc/dispatcher'
import type { CallContext, Handler, Handlers, HandlersFor } from '../ipc/dispatcher'
import type { Broadcast, Clock, Logger, Ticker } from '../ports'
import { createBackupFolder, createBackups } from './backups'
import type { Backups } from './backups'
import { watchForDamage } from './damage-watch'
import type { RetentionRule } from './retention'
import { checkedBackup, stageCopy } from './restore-source'
import { existingParts, putBack, setAside } from './set-aside'

/** How often the session asks whether today's backup is due. */
export const BACKUP_CHECK_INTERVAL_MS = 15 * 60_000

export interface AppSessionDeps {
  dataDir: string
  files: { databasePath: string; backupDir: string; setAsideDir: string }
  database: Pick<OpenDatabaseOptions, 'migrationsFolder' | 'appVersion' | 'nativeBinding' | 'busyTimeoutMs'>
  clock: Clock
  logger: Logger
  ticker: Ticker
  broadcast: Broadcast
  kamTimeZone: () => string
  /** The composition root's wiring of the core on an open database. */
  buildCore(database: DatabaseHandle, backups: Backups): AppCore
  /** Starts what runs on an open core (the scheduler, the tray's count…); returns how to stop it. */
  whileOpen?(core: AppCore): () => void
  retention?: RetentionRule
}

interface Opened {
  database: DatabaseHandle
  core: AppCore
  backups: Backups
  stop(): void
}

export type AppSession = ReturnType<typeof createAppSession>

export function createAppSession(deps: AppSessionDeps) {
  const { files, clock, logger } = deps
  const sqliteOptions = { nativeBinding: deps.database.nativeBinding }
  const folder = createBackupFolder({ dir: files.backupDir, setAsideDir: files.setAsideDir, timeZone: deps.kamTimeZone, logger, rule: deps.retention, ...sqliteOptions })
  let opened: Opened | null = null
  let damage: DataDamage | null = null
  let state: StartupState = { phase: 'refused', message: 'Storewatch has not looked at its data yet.', dataDir: deps.dataDir }

  function openFile(): DatabaseHandle {
    return openDatabase({ ...deps.database, filePath: files.databasePath, backupDir: files.backupDir, backupFolder: folder, clock, logger })
  }

  function attach(database: DatabaseHandle): StartupState {
    watchForDamage(database.sqlite, onDamage)
    const backups = createBackups({ folder, sqlite: database.sqlite, clock, timeZone: deps.kamTimeZone })
    const core = deps.buildCore(database, backups)
    const stops = [deps.whileOpen?.(core) ?? (() => undefined), keepDailyBackups(backups, core.imports.hold)]
    let stopped = false
    opened = {
      database,
      core,
      backups,
      stop: () => {
        if (stopped) return
        stopped = true
        for (const stop of stops.reverse()) runLogged(stop, 'a shutdown step failed')
      }
    }
    damage = null
    return (state = { phase: 'open', damage: null })
  }

  function detach(): void {
    if (!opened) return
    opened.stop()
    opened.database.close()
    opened = null
  }

  /**
   * The daily backup, checked every quarter of an hour. Not while an import holds the write lock:
   * the import worker writes its own backup into the same folder first, and one backup at a
   * time writes there (see backup-files.ts); the next check takes it.
   */
  function keepDailyBackups(backups: Backups, importHold: WriteHold): () => void {
    const tick = () => {
      if (damage || importHold.holder() !== null) return
      runLogged(() => {
        const taken = backups.takeDailyIfDue()
        if (taken) logger.info('daily backup taken', { backup: taken.name, stores: taken.storeCount })
      }, 'the daily backup failed')
    }
    tick()
    return deps.ticker.every(BACKUP_CHECK_INTERVAL_MS, tick)
  }

  function runLogged(step: () => void, message: string): void {
    try {
      step()
    } catch (error) {
      logger.warn(message, { error: (error as Error).message })
    }
  }

  function onDamage(error: { code?: unknown; message: string }): void {
    if (damage || !opened) return
    const current = opened
    damage = { at: clock.now(), message: damagedMessage(error) }
    state = { phase: 'open', damage }
    logger.error('the data file is damaged; Storewatch stopped writing to it', { code: sqliteCode(error), message: error.message })
    // SQLite itself refuses every write on this connection from now on.
    runLogged(() => current.database.sqlite.pragma('query_only = ON'), 'could not stop writes')
    // After the call that met the damage has unwound (it may be a check run).
    queueMicrotask(() => current.stop())
    deps.broadcast('data:damaged', damage)
  }

  function ask(problem: StartupProblem, setAsidePath: string | null, detail?: string): StartupState {
    const newest = folder.newestGood()
    return (state = {
      phase: 'choose',
      problem,
      message: problemMessage(problem, files.databasePath, setAsidePath, detail),
      databasePath: files.databasePath,
      backupFolder: files.backupDir,
      setAsidePath,
      backups: folder.infos(),
      newestGood: newest?.name ?? null
    })
  }

  function refuse(error: unknown): StartupState {
    const message = (error as Error).message
    logger.error('the data file could not be opened', { message })
    return (state = { phase: 'refused', message, dataDir: deps.dataDir })
  }

  function openExisting(): StartupState {
    try {
      return attach(openFile())
    } catch (error) {
      if (!(error instanceof DatabaseOpenError && error.reason === 'corrupt')) return refuse(error)
      const setAsidePath = setAside(files.databasePath, files.setAsideDir, 'damaged', clock.now())
      logger.error('the data file is damaged and was set aside', { setAsidePath, message: error.message })
      return ask('damaged', setAsidePath, error.detail)
    }
  }

  /** An empty file or a WAL without its database would be read into a "new" one: moved aside first. */
  function clearLeftovers(): void {
    if (existingParts(files.databasePath).length === 0) return
    const reason = fs.existsSync(files.databasePath) ? 'empty' : 'orphan-wal'
    setAside(files.databasePath, files.setAsideDir, reason, clock.now())
  }

  function start(): StartupState {
    const found = fileState(files.databasePath)
    if (found === 'present') return openExisting()
    if (folder.infos().length > 0) return ask(found, null)
    // A first start: nothing to lose, nothing to offer.
    clearLeftovers()
    return openExisting()
  }

  function choose(choice: StartupChoice): StartupState {
    if (state.phase !== 'choose') throw new AppError('conflict', 'Storewatch has already opened its data; restore a backup under Settings → Data instead.')
    if (choice.action === 'start-empty') {
      clearLeftovers()
      return openExisting()
    }
    const staged = stageCopy(checkedBackup(folder, choice.backup, deps.database), files.databasePath)
    clearLeftovers()
    fs.renameSync(staged.path, files.databasePath)
    try {
      return attach(openFile())
    } catch (error) {
      fs.rmSync(files.databasePath, { force: true })
      throw new AppError('restore-failed', `The backup could not be opened (${(error as Error).message}); nothing else changed. Choose another.`)
    }
  }

  function restore(name: string): RestoreResult {
    const current = opened
    if (!current) throw new AppError('not-open', NOT_OPEN)
    const staged = stageCopy(checkedBackup(folder, name, deps.database), files.databasePath)
    let beforeRestore: BackupInfo | null = null
    try {
      // A damaged file cannot give a verified copy; it is set aside whole below.
      if (!damage) beforeRestore = current.backups.takeBefore('restore')
    } catch (error) {
      fs.rmSync(staged.path, { force: true })
      throw error
    }
    detach()
    const setAsidePath = setAside(files.databasePath, files.setAsideDir, 'before-restore', clock.now())
    fs.renameSync(staged.path, files.databasePath)
    try {
      attach(openFile())
    } catch (error) {
      for (const part of existingParts(files.databasePath)) fs.rmSync(part, { force: true })
      if (setAsidePath) putBack(setAsidePath, files.databasePath)
      openExisting()
      throw new AppError('restore-failed', `The backup could not be opened (${(error as Error).message}); Storewatch reopened your data as it was.`)
    }
    logger.info('backup restored', { backup: name, setAsidePath })
    return { restored: staged.info, setAsidePath, beforeRestore }
  }

  function writable(): Opened {
    if (!opened) throw new AppError('not-open', NOT_OPEN)
    if (damage) throw new AppError('database-damaged', damage.message)
    return opened
  }

  /**
   * Core calls go to the open core (through its dispatcher's handlers, so writes still wait for a
   * running import); once damage was found, a refused write says why. An import writes on the
   * worker's own connection, which `query_only` does not cover: it is refused here instead.
   */
  function forward<C extends CoreChannel>(channel: C): Handler<C> {
    return async (input, context: CallContext) => {
      if (!opened) throw new AppError('not-open', NOT_OPEN)
      if (damage && WRITES_OFF_MAIN_CONNECTION.has(channel)) throw new AppError('database-damaged', `Nothing was imported. ${damage.message}`)
      try {
        return await (opened.core.handlers[channel] as Handler<C>)(input, context)
      } catch (error) {
        if (error instanceof DataFileDamaged) onDamage(error.sqliteError)
        const refusedWrite = sqliteCode(error)?.startsWith('SQLITE_READONLY') || (error instanceof AppError && error.code === 'backup-failed')
        if (damage && refusedWrite) throw new AppError('database-damaged', `This change was not saved. ${damage.message}`)
        throw error
      }
    }
  }

  /** A restore replaces the file under a running import's connection: it waits for the import first. */
  async function restoreWhenNoImport(name: string): Promise<RestoreResult> {
    await importsDone()
    return restore(name)
  }

  /** "Back up now" waits for a running import, which writes its own backup into the folder first. */
  async function backUpWhenNoImport(): Promise<BackupInfo> {
    await importsDone()
    return writable().backups.takeNow()
  }

  async function importsDone(): Promise<void> {
    const hold = opened?.core.imports.hold
    if (hold) await untilReleased(hold)
  }

  const own: HandlersFor<DataSafetyChannel> = {
    'startup:state': () => state,
    'startup:choose': (choice) => choose(choice),
    'backups:list': () => folder.list(),
    'backups:create': () => backUpWhenNoImport(),
    'backups:restore': ({ backup }) => restoreWhenNoImport(backup)
  }
  const forwarded = Object.fromEntries(CORE_CHANNELS.map((channel) => [channel, forward(channel)]))

  return {
    start,
    choose,
    restore,
    state: () => state,
    /** The open core, or null while the start-up screen waits. */
    core: () => opened?.core ?? null,
    database: () => opened?.database ?? null,
    dispatcher: createDispatcher({ ...forwarded, ...own } as Handlers, logger),
    close: detach
  }
}

/** Channels that write on a connection other than main's (the import worker's). */
const WRITES_OFF_MAIN_CONNECTION: ReadonlySet<CoreChannel> = new Set<CoreChannel>(['import:commit'])

const NOT_OPEN = 'Storewatch has not opened its data yet: choose how to start on the start-up screen.'

function fileState(databasePath: string): 'missing' | 'empty' | 'present' {
  try {
    return fs.statSync(databasePath).size === 0 ? 'empty' : 'present'
  } catch {
    return 'missing'
  }
}

function problemMessage(problem: StartupProblem, databasePath: string, setAsidePath: string | null, detail?: string): string {
  const file = path.basename(databasePath)
  if (problem === 'missing') return `Storewatch’s portfolio file (${file}) is missing from ${path.dirname(databasePath)}.`
  if (problem === 'empty') return `Storewatch’s portfolio file (${databasePath}) is empty: it holds no data at all.`
  const where = setAsidePath ? ` It was moved, unchanged, to ${setAsidePath}.` : ''
  return `Storewatch’s portfolio file is damaged${detail ? ` (SQLite said: ${detail})` : ''}.${where}`
}
