/**
 * Backup files: `storewatch-<UTC instant>-<kind>[-n].db` in the backups folder. A copy is written
 * by `VACUUM INTO` to a `.partial` name, passes a full `integrity_check`, and only then gets its
 * real name, so every file named like a backup is a verified one. Main writes its backups with this
 * code and the import worker the one before an import, each on its own connection.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BackupKind } from '../../shared/data-safety'

const NAME = /^storewatch-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z]+(?:-[a-z]+)*)(?:-(\d+))?\.db$/
const KIND = /^(daily|manual|before-[a-z]+(?:-[a-z]+)*)$/
const PARTIAL = '.partial'

export interface BackupFile {
  name: string
  path: string
  takenAt: number
  /** 1, or 2, 3… for later copies of the same kind in the same millisecond. */
  sequence: number
  kind: BackupKind
  bytes: number
}

export interface VerifiedBackup extends BackupFile {
  storeCount: number
}

/** Where a backup goes and what it is taken for; `at` names it (the app's clock). */
export interface BackupTarget {
  dir: string
  kind: BackupKind
  at: number
}

export interface SqliteOptions {
  /** better-sqlite3 built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string
}

export function isBackupKind(kind: string): kind is BackupKind {
  return KIND.test(kind)
}

export function parseBackupName(name: string): { takenAt: number; sequence: number; kind: BackupKind } | null {
  const match = NAME.exec(name)
  if (!match) return null
  const [, day, h, m, s, ms, kind, n] = match
  const takenAt = Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`)
  return Number.isFinite(takenAt) && isBackupKind(kind!) ? { takenAt, sequence: n ? Number(n) : 1, kind: kind! } : null
}

/** Newest first: by instant, then by sequence within one millisecond. */
export function newestFirst(a: { takenAt: number; sequence?: number }, b: { takenAt: number; sequence?: number }): number {
  return b.takenAt - a.takenAt || (b.sequence ?? 1) - (a.sequence ?? 1)
}

function stampOf(at: number): string {
  return new Date(at).toISOString().replace(/[:.]/g, '-')
}

/** A name not yet taken in `dir` (two backups in one millisecond get -2, -3…). */
function freeName(dir: string, at: number, kind: BackupKind): string {
  for (let n = 1; ; n++) {
    const name = `storewatch-${stampOf(at)}-${kind}${n > 1 ? `-${n}` : ''}.db`
    if (!fs.existsSync(path.join(dir, name)) && !fs.existsSync(path.join(dir, name + PARTIAL))) return name
  }
}

function openReadOnly(file: string, options: SqliteOptions): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) })
}

/** A full integrity check of a file: null when it is sound, else what is wrong. */
export function integrityProblem(file: string, options: SqliteOptions = {}): string | null {
  let sqlite: Database.Database | null = null
  try {
    sqlite = openReadOnly(file, options)
    const verdict = sqlite.pragma('integrity_check', { simple: true })
    return verdict === 'ok' ? null : String(verdict)
  } catch (error) {
    return (error as Error).message
  } finally {
    sqlite?.close()
  }
}

/** Stores in a copy, archived ones included; null when it cannot be read. */
export function countStores(file: string, options: SqliteOptions = {}): number | null {
  let sqlite: Database.Database | null = null
  try {
    sqlite = openReadOnly(file, options)
    return (sqlite.prepare('SELECT count(*) FROM stores').pluck().get() as number) ?? null
  } catch {
    return null
  } finally {
    sqlite?.close()
  }
}

/**
 * Writes a verified copy of the open database into `dir`. Throws (leaving no file behind) when the
 * copy cannot be written or does not pass the integrity check. One backup at a time per folder: a
 * `.partial` file found here is taken for a crash's leftover and removed.
 */
export function writeVerifiedBackup(sqlite: Database.Database, { dir, kind, at }: BackupTarget, options: SqliteOptions = {}): VerifiedBackup {
  if (!isBackupKind(kind)) throw new Error(`"${kind}" is not a backup kind`)
  fs.mkdirSync(dir, { recursive: true })
  removePartials(dir)
  const name = freeName(dir, at, kind)
  const target = path.join(dir, name)
  const partial = target + PARTIAL
  try {
    // VACUUM INTO writes a consistent copy even with a WAL and other connections; copying the file could tear it.
    sqlite.prepare('VACUUM INTO ?').run(partial)
    const problem = integrityProblem(partial, options)
    if (problem) throw new Error(`the copy failed its integrity check: ${problem}`)
    const storeCount = countStores(partial, options)
    if (storeCount === null) throw new Error('the copy has no stores table')
    fs.renameSync(partial, target)
    return { name, path: target, ...parseBackupName(name)!, bytes: fs.statSync(target).size, storeCount }
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
}

/** Half-written copies left by a crash. */
function removePartials(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (name.endsWith(PARTIAL)) fs.rmSync(path.join(dir, name), { force: true })
}

/** The backups in `dir`, newest first (none when the folder does not exist). */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return []
  }
  const files: BackupFile[] = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    const file = path.join(dir, name)
    try {
      const stat = fs.statSync(file)
      if (stat.isFile()) files.push({ name, path: file, ...parsed, bytes: stat.size })
    } catch {
      // removed meanwhile
    }
  }
  return files.sort(newestFirst)
}
