// ESLint: TypeScript rules plus the boundary rules of architecture.md.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import regexp from 'eslint-plugin-regexp'
import globals from 'globals'
import coreLayers from './eslint/core-layers.mjs'

const electronBan = {
  paths: [
    { name: 'electron', message: 'electron/core runs in plain Node: reach Electron through a port (electron/core/shared/ports.ts).' },
    { name: 'electron-store', message: 'electron/core never opens stores itself: use the DocumentStores port.' },
  ],
  patterns: [{ group: ['electron/*', 'electron-store/*'], message: 'electron/core runs in plain Node.' }],
}

/** What the renderer never imports: Electron, electron-store. */
const rendererPaths = [
  { name: 'electron', message: 'The renderer talks only to window.api.' },
  { name: 'electron-store', message: 'The renderer talks only to window.api.' },
]
/** Node, and from the core anything but types and the pure modules. */
const rendererPatterns = [
  { group: ['node:*', 'fs', 'path', 'child_process'], message: 'The renderer runs sandboxed, without Node.' },
  {
    regex: '^@core/(?!(shared/calendar|shared/kinds|shared/eea|shared/message|shared/assert-never|deadlines/setting-info|requests/status|requests/events|requests/law-proposal|requests/rights|catalog/edit-form|profile/regions|catalog/countries|messages/ui-languages|messages/resources|messages/params|messages/errors|profile/profile|catalog/schema|settings/server-schemas|backup/passphrase|shared/schemas|evidence/model|bulk/model)$)',
    allowTypeImports: true,
    message: 'From the core, the renderer imports types only, or the pure modules shared/calendar, shared/kinds, shared/eea, shared/message, shared/assert-never, deadlines/setting-info, requests/status, requests/events (the facts of a request\'s events), requests/law-proposal, requests/rights, catalog/edit-form, profile/regions, catalog/countries, messages/ui-languages, messages/resources, messages/params and messages/errors (the core\'s words in every UI language), and the schemas of shared/schemas, profile/profile, catalog/schema, settings/server-schemas, backup/passphrase, evidence/model and bulk/model (the forms check with them).',
  },
]

export default tseslint.config(
  { ignores: ['node_modules/', '.vite/', 'build/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The core returns errors as data; a thrown non-Error would lose its message.
      'no-throw-literal': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['bin/**/*.js', 'bench/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The domain core: no Electron, no electron-store...
    files: ['electron/core/**/*.ts'],
    plugins: { core: coreLayers },
    // ...and its folders in one downhill order (eslint/core-layers.mjs, docs/architecture.md).
    rules: { 'no-restricted-imports': ['error', electronBan], 'core/layers': 'error' },
  },
  {
    // The parsers of outside text (policies, e-mails, search queries): no pattern that backtracks
    // or moves super-linearly (issue 12). Patterns built with new RegExp are not seen here: the
    // hostile-input tests and bench/hostile-inputs.ts cover those.
    files: ['electron/core/catalog/policy-import/**/*.ts', 'electron/core/replies/**/*.ts', 'electron/core/catalog/search/**/*.ts', 'electron/core/mail/eml.ts', 'electron/core/text/**/*.ts', 'electron/core/discover/**/*.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
  {
    // The main process: ipcMain only where the API is registered (electron/shell/ipc.ts),
    // ipcRenderer only in the preload.
    files: ['electron/**/*.ts'],
    ignores: ['electron/core/**', 'electron/shell/ipc.ts', 'electron/main.ts', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'IPC goes through electron/shell/ipc.ts and the preload only.' }] },
      ],
    },
  },
  {
    files: ['electron/main.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs to the preload.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcMain'][property.name=/^(handle|on|once|handleOnce)$/]", message: 'Register API handlers only in electron/shell/ipc.ts.' },
      ],
    },
  },
  {
    // The renderer talks only to window.api: no Electron, no Node, and from the core only types
    // or the pure modules (deadlines, request status, law proposal, rights, regions, EEA, assert-never).
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }],
    },
  },
  {
    // Components and UI parts call the core only through store actions (renderer/src/store):
    // one place where calls are made, their errors told and their results applied.
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/ui/**/*.{ts,tsx}', 'renderer/src/App.tsx', 'renderer/src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: rendererPaths,
          patterns: [
            ...rendererPatterns,
            {
              regex: '(^|/)api$',
              importNames: ['api'],
              message: 'Components call the core through store actions (renderer/src/store), never window.api directly.',
            },
          ],
        },
      ],
    },
  },
)
