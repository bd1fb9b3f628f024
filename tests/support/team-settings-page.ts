/** Settings → Team as a person fills it in, in the browser: a loopback server without TLS, their own role and password. */
import type { Page } from 'playwright-core'
import type { PostgresCluster } from './postgres-cluster'

export async function fillTeamConnection(page: Page, cluster: PostgresCluster, role: { user: string; password: string }): Promise<void> {
  const team = page.getByRole('region', { name: 'Team' })
  await team.getByLabel('Host', { exact: true }).fill(cluster.host)
  await team.getByLabel('Port', { exact: true }).fill(String(cluster.port))
  await team.getByLabel('Database', { exact: true }).fill(cluster.connection().database)
  await team.getByLabel('User', { exact: true }).fill(role.user)
  await team.getByRole('radio', { name: /No TLS/ }).check()
  await team.getByLabel('Password', { exact: true }).fill(role.password)
  await team.getByRole('button', { name: 'Save connection' }).click()
}
