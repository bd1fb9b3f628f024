/**
 * Reads a secret kept in a file (the Lazada app secret, the team password) only if nobody but its
 * owner can read it, and its owner is the user the checker runs as (issue #12, point 7). The
 * checks are made on the opened file (fstat), so a file swapped between the check and the read is
 * the one checked.
 */
import fs from 'node:fs'

/** What the checker cannot start with; its message says what is wrong and where. */
export class CheckerConfigError extends Error {
  override name = 'CheckerConfigError'
}

/** Group and other permission bits. */
const GROUP_OR_OTHERS = 0o077

export function readOwnerOnlyFile(filePath: string, what: string): string {
  let fd: number
  try {
    fd = fs.openSync(filePath, 'r')
  } catch (error) {
    throw new CheckerConfigError(`The ${what} file ${filePath} could not be opened (${(error as NodeJS.ErrnoException).code ?? String(error)}).`)
  }
  try {
    const stat = fs.fstatSync(fd)
    if (!stat.isFile()) throw new CheckerConfigError(`The ${what} file ${filePath} is not a regular file.`)
    const uid = process.getuid?.()
    if (uid !== undefined && stat.uid !== uid) {
      throw new CheckerConfigError(`The ${what} file ${filePath} belongs to user id ${stat.uid}, not to the user the checker runs as (${uid}): chown it to that user.`)
    }
    if ((stat.mode & GROUP_OR_OTHERS) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0')
      throw new CheckerConfigError(`The ${what} file ${filePath} has mode ${mode}: group or others may read it. Run chmod 600 ${filePath}.`)
    }
    return fs.readFileSync(fd, 'utf8').trim()
  } finally {
    fs.closeSync(fd)
  }
}
