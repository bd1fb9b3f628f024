/**
 * `npm run checker` is plain Node (issue #12, point 7): nothing in its import graph is Electron or
 * the app's main process, so it runs on a server where Electron is not installed.
 */
import path from 'node:path'
import { buildSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../support/child-process'

describe('the checker’s import graph', () => {
  it('holds no Electron package and nothing of electron/main or electron/preload', () => {
    const { metafile } = buildSync({
      entryPoints: [path.join(PROJECT_ROOT, 'scripts/checker.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      metafile: true,
      logLevel: 'silent',
      // Native and optional modules stay outside the bundle; their names still show as imports.
      external: ['better-sqlite3', 'pg-native', 'piscina', 'exceljs']
    })
    const imports = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((imported) => imported.external).map((imported) => imported.path))
    // Bundled files by project path; packages left outside by name.
    const files = Object.keys(metafile.inputs)
    expect(files.length).toBeGreaterThan(50)
    expect(imports.filter((name) => /^(electron|electron-updater|electron-log)(\/|$)/.test(name))).toEqual([])
    expect(files.filter((file) => /node_modules\/electron|electron\/(main|preload)\//.test(file))).toEqual([])
  })
})
