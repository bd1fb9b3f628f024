import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Four kinds of tests, all run by `npm test` (benchmarks are `npm run bench`):
//  core      – plain Node with the real better-sqlite3 on temp files
//  team      – the team store on a private PostgreSQL cluster, and the replicas that sync with it
//  renderer  – React components and stores in jsdom
//  e2e       – the built renderer in Debian's Chromium, its bridge backed by the real core
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        // A test's bound only catches a hang: the heaviest core tests (a zone calendar checked
        // against luxon over thousands of instants) take a second alone and 10–15 times that on a
        // two-core machine shared with other work. Speed goals live in `npm run bench`.
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 }
      },
      {
        // Team sync: the PostgreSQL side, each file on its own private cluster (tests/support/postgres-cluster.ts,
        // copied from one initdb made in the global setup), and the laptops' replicas.
        test: {
          name: 'team',
          environment: 'node',
          include: ['tests/team/**/*.test.ts'],
          globalSetup: ['tests/team/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll for a server state (a push waiting on a lock) ends as soon as it holds.
          expect: { poll: { timeout: 30_000 } }
        }
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/renderer/setup.ts']
        }
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll ends as soon as its condition holds; vitest's 1 s bound let a busy machine fail a
          // check run that was merely slow. Playwright's own waits default to 30 s: polls match them.
          expect: { poll: { timeout: 30_000 } },
          // One Chromium at a time: the build machines have two cores.
          fileParallelism: false
        }
      }
    ]
  }
})
