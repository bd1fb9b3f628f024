// @ts-check
const js = require('@eslint/js')
const tseslint = require('typescript-eslint')
const reactHooks = require('eslint-plugin-react-hooks')
const globals = require('globals')

const NODE_BUILTINS = ['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'worker_threads']
const nodeBuiltins = [
  { regex: '^node:', message: 'Node built-ins are not available here.' },
  ...NODE_BUILTINS.map((name) => ({ regex: `^${name}$`, message: 'Node built-ins are not available here.' }))
]
const electronImport = { regex: '^(electron|electron-updater|electron-log)(/|$)', message: 'Only electron/main and electron/preload may use Electron.' }
const into = (folder, message) => ({ regex: `^(\\.\\./)+(electron/)?${folder}(/|$)`, message })

/** Work-left notes must name their issue, e.g. "TODO(#12): …", so they can be found and closed. */
const todoNeedsIssue = {
  meta: { type: 'suggestion', messages: { bare: 'Name the issue: TODO(#<number>): …' }, schema: [] },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (/\b(TODO|FIXME)\b(?!\(#\d+\))/.test(comment.value)) context.report({ loc: comment.loc, messageId: 'bare' })
        }
      }
    }
  }
}

/**
 * Write transactions take the write lock when they begin, so SQLite's busy timeout applies (issue
 * #9): `.transaction(…)` (better-sqlite3's or drizzle's, deferred by default) and a bare `BEGIN`
 * are refused; `writeTransaction()` in electron/core/db/write-transaction.ts is the one way.
 */
const WRITE_TRANSACTION_HELPER = 'electron/core/db/write-transaction.ts'
/** The team's PostgreSQL (issue #12) has no SQLite lock to take: its one BEGIN lives here. */
const PG_TRANSACTION_HELPER = 'electron/core/team/server/pg-transaction.ts'
const immediateTransactions = {
  meta: {
    type: 'problem',
    messages: {
      deferred: 'Use writeTransaction() from electron/core/db/write-transaction.ts: it begins IMMEDIATE, so the busy timeout applies.',
      begin: 'A bare BEGIN is deferred: use writeTransaction() from electron/core/db/write-transaction.ts.'
    },
    schema: []
  },
  create(context) {
    const file = context.filename.replaceAll('\\', '/')
    if (file.endsWith(WRITE_TRANSACTION_HELPER) || file.endsWith(PG_TRANSACTION_HELPER)) return {}
    const deferredBegin = /^\s*BEGIN\b(?!\s+(IMMEDIATE|EXCLUSIVE)\b)/i
    return {
      'CallExpression > MemberExpression.callee[computed=false] > Identifier.property[name="transaction"]'(node) {
        context.report({ node, messageId: 'deferred' })
      },
      Literal(node) {
        if (typeof node.value === 'string' && deferredBegin.test(node.value)) context.report({ node, messageId: 'begin' })
      },
      TemplateElement(node) {
        if (deferredBegin.test(node.value.cooked ?? '')) context.report({ node, messageId: 'begin' })
      }
    }
  }
}

/** Each runtime folder may only import what runs in its process (see README, "Architecture"). */
const layers = [
  {
    files: ['electron/core/**/*.ts'],
    patterns: [
      electronImport,
      into('main', 'core is plain TypeScript: main depends on core, never the reverse.'),
      into('preload', 'core cannot reach the preload.'),
      into('renderer', 'core cannot reach the renderer.')
    ]
  },
  {
    files: ['electron/shared/**/*.ts'],
    patterns: [
      electronImport,
      ...nodeBuiltins,
      { regex: '^(better-sqlite3|drizzle-orm)(/|$)', message: 'shared is loaded by the renderer: no database code.' },
      into('core', 'shared is the contract: it depends on nothing of ours.'),
      into('main', 'shared is the contract: it depends on nothing of ours.'),
      into('preload', 'shared is the contract: it depends on nothing of ours.'),
      into('renderer', 'shared is the contract: it depends on nothing of ours.')
    ]
  },
  {
    files: ['electron/preload/**/*.ts'],
    patterns: [
      ...nodeBuiltins,
      into('core', 'The preload is the bridge only: it may use electron/shared.'),
      into('main', 'The preload is the bridge only: it may use electron/shared.'),
      into('renderer', 'The preload is the bridge only: it may use electron/shared.')
    ]
  },
  {
    files: ['electron/main/**/*.ts'],
    patterns: [into('preload', 'main and preload run in different processes.'), into('renderer', 'The renderer is reached over IPC only.')]
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    patterns: [
      electronImport,
      ...nodeBuiltins,
      into('core', 'The renderer reaches core through the bridge (renderer/src/api/client.ts).'),
      into('main', 'The renderer reaches main through the bridge (renderer/src/api/client.ts).'),
      into('preload', 'The renderer reaches the preload through the bridge (renderer/src/api/client.ts).')
    ]
  }
]

module.exports = tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'drizzle/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    files: ['**/*.cjs', 'eslint.config.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  ...layers.map(({ files, patterns }) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } })),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-properties': [
        'error',
        { object: 'window', property: 'storewatch', message: 'Call main through renderer/src/api/client.ts.' },
        { object: 'window', property: 'open', message: 'The app window opens nothing: copy links, or ask main.' }
      ],
      'no-restricted-globals': ['error', { name: 'navigator', message: 'Browser APIs go through a module in renderer/src/lib (e.g. clipboard.ts).' }]
    }
  },
  {
    files: ['renderer/src/lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' }
  },
  {
    files: ['renderer/src/api/client.ts'],
    rules: { 'no-restricted-properties': 'off' }
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { local: { rules: { 'todo-needs-issue': todoNeedsIssue, 'immediate-transactions': immediateTransactions } } },
    rules: { 'local/todo-needs-issue': 'error' }
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'local/immediate-transactions': 'error' }
  }
)
