/**
 * One `initdb` for the whole team project: every file's `startPostgresCluster()` starts its own
 * server on a copy of this never-started cluster, so no two files share a server or its data.
 */
import { createPostgresTemplate, POSTGRES_TEMPLATE_ENV } from '../support/postgres-cluster'

export default function setup(): () => void {
  const template = createPostgresTemplate()
  process.env[POSTGRES_TEMPLATE_ENV] = template.dataDir
  return () => {
    delete process.env[POSTGRES_TEMPLATE_ENV]
    template.remove()
  }
}
