// Type-aware lint; per-folder import fences keep the pipeline's dependency direction (ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outsideSpecs = [
  '**/harness/**',
  '**/generators/**',
  '**/reports/**',
  'node:*',
  'fast-check',
  'execa',
  'yaml',
  '@kubernetes/client-node',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      'dist/**',
      'dist.*/**',
      'podconform-report*/**',
      'test-output/**',
      '.stryker-tmp*/**',
      'mutation-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
    },
  },
  {
    // The executable specification is pure: no I/O, no clock, nothing from the other folders.
    files: ['specs/**/*.ts'],
    ignores: ['specs/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: outsideSpecs }],
      'no-restricted-globals': ['error', 'Date', 'process', 'setTimeout', 'setInterval'],
    },
  },
  {
    // The differ is pure: prediction x observation -> verdict, from the vocabulary alone.
    files: ['harness/diff/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...outsideSpecs.filter((p) => p !== '**/harness/**'),
            '**/specs/model/**',
            '**/specs/rules/**',
            '**/harness/backends/**',
            '**/harness/cases/**',
            '**/harness/run/**',
            '**/harness/cli/**',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Date', 'process', 'setTimeout', 'setInterval'],
    },
  },
  {
    // The simulator is a second, operational implementation: it must never consult the model.
    files: ['harness/backends/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/specs/model/**', '**/specs/rules/**'] }],
    },
  },
  {
    // Renderers read a saved record and never run anything: no backend, no command line, no run loop.
    files: ['reports/html/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/harness/backends/**', '**/harness/cli/**', 'execa', '@kubernetes/client-node'] },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // report.html's own script runs in the browser, beside vis-timeline's global.
    files: ['reports/html/client/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        [
          'window',
          'document',
          'navigator',
          'performance',
          'setTimeout',
          'Element',
          'HTMLDetailsElement',
          'IntersectionObserver',
          'vis',
        ].map((name) => [name, 'readonly']),
      ),
    },
  },
);
