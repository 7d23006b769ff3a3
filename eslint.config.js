import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'dist/', 'test/artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The Mini App's pages run in the browser (inside Telegram), not in Node.
    files: ['src/miniapp/pages/**/*.js'],
    languageOptions: {
      globals: Object.fromEntries(
        ['window', 'document', 'location', 'fetch', 'setTimeout', 'URLSearchParams'].map((n) => [
          n,
          'readonly',
        ]),
      ),
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'grammy',
            '@grammyjs/*',
            '@slack/*',
            'xstate',
            '**/engine/*',
            '**/adapters/**',
            'postgres',
            'ioredis',
          ],
        },
      ],
    },
  },
  {
    files: ['flows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/src/domain/*',
            // The record's closed lists and size rules: constants, no I/O.
            '!**/src/domain/enums.js',
            '!**/src/domain/limits.js',
            '**/src/store/*',
            '**/src/engine/*',
            '**/src/adapters/**',
            'postgres',
            'ioredis',
            'grammy',
            '@slack/*',
          ],
        },
      ],
    },
  },
  {
    // Flows may import these two: they must stay constants, with no imports of their own.
    files: ['src/domain/enums.ts', 'src/domain/limits.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['*'] }] },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['**/domain/*', '!**/domain/enums.js', '**/engine/*', '**/adapters/**', 'xstate'] },
      ],
    },
  },
);
