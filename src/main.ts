import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';
import { openRecord, openSessionStore } from './store/open.js';
import { Engine } from './engine/engine.js';
import type { EngineDeps } from './engine/deps.js';
import { healthRoutes, listen } from './http/server.js';
import { CONSOLE_CAPABILITIES, runConsole } from './adapters/console/console.js';
import { printSetupInviteIfNeeded } from './setup-invite.js';

const SESSION_TTL_SECONDS = 7 * 24 * 3600;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  if (config.TELEGRAM_BOT_TOKEN || config.SLACK_BOT_TOKEN) {
    process.stderr.write(
      'This build has no Telegram or Slack adapter yet. Unset TELEGRAM_BOT_TOKEN and SLACK_BOT_TOKEN to use the console chat.\n',
    );
    process.exit(1);
  }
  // The console chat owns stdout; logs go to a file under DATA_DIR instead.
  const log = createLogger(config.LOG_LEVEL, { file: `${config.DATA_DIR}/gatehouse.log` });
  const record = await openRecord({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  const sessions = openSessionStore(config.REDIS_URL, record);
  const deps: EngineDeps = {
    store: record.store,
    sessions,
    log,
    settings: {
      seatLimit: config.SEAT_LIMIT,
      requireInvite: config.REQUIRE_INVITE,
      sessionTtlSeconds: SESSION_TTL_SECONDS,
      personaName: 'Smithers',
      telegramBotUsername: undefined,
    },
    capabilities: { console: CONSOLE_CAPABILITIES },
  };
  const engine = new Engine(deps);
  const purge = setInterval(() => {
    sessions
      .purgeExpired()
      .catch((error: unknown) => log.warn({ err: error }, 'purging expired sessions failed'));
  }, 10 * 60_000);
  purge.unref();
  const server = await listen(
    config.PORT,
    [healthRoutes(async () => (await record.sql`select 1`, await sessions.load('readyz'), true))],
    (error) => log.error({ err: error }, 'http handler failed'),
  );
  await printSetupInviteIfNeeded(record.store, deps.settings, process.stdout);

  const shutdown = once(async () => {
    server.close();
    await sessions.close();
    await record.close();
  });
  process.once('SIGTERM', () => void shutdown().then(() => process.exit(0)));
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));

  log.info(
    { port: config.PORT, embeddedDatabase: record.embedded, redis: Boolean(config.REDIS_URL) },
    'console chat started',
  );
  await runConsole(engine, {
    input: process.stdin,
    output: process.stdout,
    filesDir: `${config.DATA_DIR}/files`,
  });
  await shutdown();
  // Exit explicitly: the embedded server's exit hooks would otherwise keep or rewrite the exit.
  process.exit(0);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

await main();
