import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Our folders are electron/{main,preload} and renderer/, not electron-vite's default src/ layout,
// so every entry is named explicitly.
export default defineConfig({
  main: {
    build: {
      // better-sqlite3, drizzle-orm, zod, csv-* and electron-updater stay require()d from node_modules.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The CSV import's worker thread (electron/core/import/worker-pool.ts starts out/main/import-worker.js).
          'import-worker': resolve(__dirname, 'electron/core/import/import-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() npm packages: bundle the contract (and zod) into one CJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron']
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: { rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } } },
    plugins: [react()]
  }
})
