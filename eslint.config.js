// Lint: TypeScript's recommended rules, React hooks, and the layers' import directions
// (docs/ARCHITECTURE.md): shared imports nothing of Node, the DOM's hosts or Electron; core
// nothing of Electron or the renderer; the renderer nothing of core, main or Node.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const node = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'worker_threads',
  'crypto',
  'http',
  'net',
]
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
})

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'out-*/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...restrict(
        [...node, 'electron', '**/core/**', '**/main/**', '**/web/**'],
        'The renderer talks to the core only through the contract (api/client.ts).',
      ),
      'no-restricted-globals': [
        'error',
        { name: 'prompt', message: 'Electron has no window.prompt: use an in-app dialog.' },
        { name: 'confirm', message: 'Electron has no window.confirm: use ConfirmDialog.' },
        { name: 'alert', message: 'Electron has no window.alert: use a toast or dialog.' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'window',
          property: 'prompt',
          message: 'Electron has no window.prompt: use an in-app dialog.',
        },
        {
          object: 'window',
          property: 'confirm',
          message: 'Electron has no window.confirm: use ConfirmDialog.',
        },
        {
          object: 'window',
          property: 'alert',
          message: 'Electron has no window.alert: use a toast or dialog.',
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    ...{
      rules: restrict(
        [
          ...node,
          'electron',
          '**/core/**',
          '**/main/**',
          '**/web/**',
          '**/renderer/**',
          'react',
          'react-dom',
          '@tiptap/*',
        ],
        'shared is pure TypeScript: no Node, Electron, DOM framework or other layer.',
      ),
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ...{
      rules: restrict(
        ['electron', '**/main/**', '**/renderer/**', '**/web/**'],
        'core runs in Node without Electron and knows no UI.',
      ),
    },
  },
)
