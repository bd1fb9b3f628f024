/**
 * The team connection's password (issue #12), sealed by the core's SecretStore and kept as
 * ciphertext in `secrets`, as the Lazada app secret is: never in `team_connection`, never logged.
 */
import { eq } from 'drizzle-orm'
import type { DatabaseHandle } from '../../db/open-database'
import { secrets } from '../../db/schema'
import { AppError } from '../../errors'
import type { Clock, SecretStore } from '../../ports'

/** The row name of the team password in `secrets`. */
export const TEAM_PASSWORD_NAME = 'team-postgres-password'

export interface TeamPassword {
  saved(): boolean
  save(plain: string): Promise<void>
  /** The password, or an AppError saying why there is none. */
  read(): Promise<string>
}

export function createTeamPassword(database: Pick<DatabaseHandle, 'db'>, store: SecretStore, clock: Clock): TeamPassword {
  const { db } = database
  const row = () => db.select().from(secrets).where(eq(secrets.name, TEAM_PASSWORD_NAME)).get()
  return {
    saved: () => row() !== undefined,
    async save(plain) {
      const sealed = await store.seal(plain).catch((error: unknown) => {
        throw new AppError('invalid-input', `The password could not be kept: this system’s secret store refused it (${String(error)}).`, [
          { field: 'password', message: 'This computer cannot encrypt the password; nothing was saved.' }
        ])
      })
      const values = { ciphertext: sealed.ciphertext, backend: sealed.backend, unprotectedConsentAt: null, updatedAt: clock.now() }
      db.insert(secrets)
        .values({ name: TEAM_PASSWORD_NAME, ...values })
        .onConflictDoUpdate({ target: secrets.name, set: values })
        .run()
    },
    async read() {
      const saved = row()
      if (!saved) throw new AppError('not-found', 'No password is saved for the team’s database: enter it in Settings → Team.')
      try {
        const opened = await store.open({ ciphertext: saved.ciphertext, backend: saved.backend })
        if (opened.resealed) db.update(secrets).set({ ciphertext: opened.resealed.ciphertext, backend: opened.resealed.backend }).where(eq(secrets.name, TEAM_PASSWORD_NAME)).run()
        return opened.value
      } catch {
        throw new AppError('not-found', 'The saved team password cannot be read on this computer (another keyring or account): enter it again in Settings → Team.')
      }
    }
  }
}
