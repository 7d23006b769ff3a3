import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The chat platforms' bot libraries: only their adapters use them. */
const BOT_LIBRARIES = ['grammy', '@grammyjs/*', '@slack/*'];
/** Database and Redis clients: only `src/store` uses them. */
const DATABASE_DRIVERS = ['postgres', 'pg', 'pg-boss', 'ioredis'];

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
    files: ['src/adapters/telegram/miniapp/pages/**/*.js'],
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
            // Words are named in flows (src/i18n/message.ts) and worded by the engine.
            '**/src/i18n/*',
            '!**/src/i18n/message.js',
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

  {
    // Adapters only translate: updates in, the engine's replies out. They reach the record and the
    // rules through the engine (its contract: engine, inbound, outbound, secrets, the command table),
    // and take from the domain only its vocabulary (enums, errors, the password policy's numbers).
    files: ['src/adapters/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: adapterBoundaries() }],
    },
  },
  {
    // The Mini App is Telegram's web app: HTTP in, the engine's answers out, the chat through the
    // Telegram adapter's `sendTo`. It has no bot of its own.
    files: ['src/adapters/telegram/miniapp/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [...adapterBoundaries(), { group: BOT_LIBRARIES }] },
      ],
    },
  },
  {
    // The engine knows no platform and no database driver: adapters render, `src/store` speaks SQL.
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...BOT_LIBRARIES,
            '@telegram-apps/*',
            ...DATABASE_DRIVERS,
            '**/adapters/**',
            '**/http/**',
          ],
        },
      ],
    },
  },
);

/** What an adapter may not import; type-only imports of the domain's and flows' words are fine. */
function adapterBoundaries() {
  return [
    {
      group: ['**/store/**', ...DATABASE_DRIVERS, 'xstate'],
      message: 'Adapters reach the record through the engine.',
    },
    {
      group: ['**/domain/*', '!**/domain/enums.js', '!**/domain/errors.js', '!**/domain/passwords.js'],
      allowTypeImports: true,
      message: 'Adapters ask the engine; the domain gives them only its enums, errors and policy numbers.',
    },
    {
      group: ['**/flows/*'],
      allowTypeImports: true,
      message: 'Flows run inside the engine.',
    },
    {
      group: [
        '**/engine/*.js',
        '!**/engine/engine.js',
        '!**/engine/inbound.js',
        '!**/engine/outbound.js',
        '!**/engine/secrets.js',
        '**/engine/*/*',
        '!**/engine/commands/index.js',
      ],
      message: "Adapters use the engine's contract, not its parts.",
    },
  ];
}
