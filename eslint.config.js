import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Layers may only import downwards: ui → fhir, worker → domain, measures. App code never imports Node or the sandbox.
 * Layers are matched on relative paths (`../fhir/…`), so the `fhir/r4` type package stays importable everywhere.
 */
const layer = (...names) => `^(\\.\\.?/)+(${names.join('|')})(/|$)`;
const PACKAGES_UI = ['react', 'react-dom', 'react/*', 'react-dom/*', 'recharts'];

const forbid = (layers, packages, message) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['node:*', ...packages], message },
        { regex: layer('sandbox', ...layers), message },
      ],
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test/fixtures/**', '.vite/**', 'tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**'],
    ignores: ['src/cli/**'],
    rules: forbid(
      [],
      [],
      'App code never imports the sandbox or Node built-ins (tests that read files live in test/).',
    ),
  },
  {
    files: ['src/measures/**', 'src/domain/**'],
    rules: forbid(
      ['ui', 'fhir', 'worker'],
      [...PACKAGES_UI, 'fhirclient', 'fhirclient/*', 'msw', 'msw/*'],
      'The engine is pure TypeScript: no UI, FHIR client, worker or React.',
    ),
  },
  {
    files: ['src/measures/**', 'src/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'fetch', 'XMLHttpRequest'].map(
          (name) => ({ name, message: 'The engine runs in a worker, Node and tests: no DOM or network.' }),
        ),
      ],
    },
  },
  {
    files: ['src/domain/**'],
    rules: forbid(
      ['ui', 'fhir', 'worker', 'measures'],
      [...PACKAGES_UI, 'fhirclient', 'fhirclient/*', 'msw', 'msw/*'],
      'domain maps FHIR to app types and sits below measures.',
    ),
  },
  {
    files: ['src/fhir/**', 'src/worker/**'],
    rules: forbid(['ui'], PACKAGES_UI, 'fhir and worker sit below ui: they never import React or UI code.'),
  },
);
