import js from '@eslint/js'
import pluginQuery from '@tanstack/eslint-plugin-query'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import { boundaries } from './eslint/boundaries.js'

export default tseslint.config(
  { ignores: ['dist', 'public/mockServiceWorker.js', 'test-results', 'playwright-report', 'bench/results.json'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': pluginQuery, boundaries },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...pluginQuery.configs.recommended.rules,
      // app → features → (components, lib) → api; features do not import each other; production
      // code does not import src/mocks or src/testing (eslint/boundaries.js, with its tests)
      'boundaries/layers': 'error',
    },
  },
  {
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', '@tanstack/*'], message: 'src/api is plain TypeScript' }] }],
    },
  },
  {
    // Benchmark scripts run functions inside the page too.
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    extends: [js.configs.recommended],
  },
)
