/**
 * A process that imports a file and is killed by its parent (tests/core/import-fault.test.ts)
 * while the worker is writing: it adds three stores, previews `rows` rows, commits them, and
 * says on stdout how far it got ("previewed N", "writing R of N", "committed").
 *
 *   node --import tsx tests/support/faults/import-commit-child.ts <data-dir> <rows>
 */
import { storeInput } from '../store-input'
import { createTestCore } from '../test-core'
import { openTestDatabase } from '../test-database'

async function main(): Promise<void> {
  const [dir, count] = process.argv.slice(2)
  const rows = Number(count)
  const database = openTestDatabase({ dir })
  const core = createTestCore(database)
  for (const code of ['SG00000001', 'MY00000002', 'TH00000003']) core.stores.create(storeInput({ clientName: `Before ${code}`, country: code.slice(0, 2), sellerShortCode: code }))

  const lines = ['client_name,store_name,country,seller_short_code']
  for (let i = 0; i < rows; i++) lines.push(`Client ${i},Store ${i},PH,PH${String(i).padStart(8, '0')}`)
  const preview = await core.imports.preview({ requestId: 'fault', fileName: 'fault.csv', bytes: new TextEncoder().encode(lines.join('\r\n')) }, () => {})
  process.stdout.write(`previewed ${preview.rowCount}\n`)
  await core.imports.commit({ previewId: preview.previewId, defaultConflictAction: 'skip', conflictActions: {} }, (progress) => {
    if (progress.phase === 'writing' && progress.rows > 0) process.stdout.write(`writing ${progress.rows} of ${progress.totalRows}\n`)
  })
  process.stdout.write('committed\n')
  database.close()
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
