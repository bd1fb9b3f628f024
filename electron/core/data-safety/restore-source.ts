/**
 * A backup about to be restored: it must be one of the folder's, pass a full integrity check and
 * be readable by this version; it is then copied beside the data file, so pruning or a failure
 * halfway can never touch the backup itself.
 */
import fs from 'node:fs'
import type { BackupInfo } from '../../shared/data-safety'
import { newerVersionProblem } from '../db/open-database'
import type { OpenDatabaseOptions } from '../db/open-database'
import { AppError } from '../errors'
import { integrityProblem } from './backup-files'
import type { BackupFolder } from './backups'

export interface CheckedBackup {
  path: string
  info: BackupInfo
}

export function checkedBackup(
  folder: BackupFolder,
  name: string,
  options: Pick<OpenDatabaseOptions, 'migrationsFolder' | 'appVersion' | 'nativeBinding'>
): CheckedBackup {
  const file = folder.find(name)
  const info = folder.infos().find((b) => b.name === name)
  if (!file || !info) throw new AppError('not-found', `There is no backup named ${name} in ${folder.dir}; it may have been removed.`)
  const problem = integrityProblem(file.path, options)
  if (problem) throw new AppError('restore-failed', `The backup ${name} is damaged (${problem}); choose another one.`)
  const newer = newerVersionProblem(file.path, options)
  if (newer) throw new AppError('restore-failed', `The backup ${name} cannot be restored: ${newer}`)
  return { path: file.path, info }
}

/** Copies the backup next to the data file, ready to be renamed into its place. */
export function stageCopy(backup: CheckedBackup, databasePath: string): CheckedBackup {
  const staged = `${databasePath}.restoring`
  fs.rmSync(staged, { force: true })
  fs.copyFileSync(backup.path, staged)
  return { path: staged, info: backup.info }
}
