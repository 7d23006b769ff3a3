import { ConfigError, loadConfig, type Config } from './config.js';
import { auditKeyCreatedNotice, loadAuditKey } from './audit-key.js';
import { createLogger } from './log.js';
import { openRecord, openSessionStore } from './store/open.js';
import { Engine } from './engine/engine.js';
import type { EngineDeps } from './engine/deps.js';
import { healthRoutes, listen, type Route } from './http/server.js';
import { createMetrics } from './http/metrics.js';
import { CONSOLE_CAPABILITIES, runConsole } from './adapters/console/console.js';
import { createSlackAdapter } from './adapters/slack/app.js';
import { SLACK_CAPABILITIES } from './adapters/slack/translate.js';
import { createTelegramAdapter, fetchBotInfo } from './adapters/telegram/bot.js';
import { storeDirectory } from './adapters/telegram/menus.js';
import { TELEGRAM_CAPABILITIES, TELEGRAM_MINI_APP_CAPABILITIES } from './adapters/telegram/translate.js';
import { miniAppRoute } from './miniapp/routes.js';
import { printSetupInviteIfNeeded } from './setup-invite.js';
import { closeEndedPasswordWindows } from './domain/password-failures.js';
import { createOpenAiResponder } from './agents/responder.js';
import { createOpenAiInterviewer } from './onboarding/interviewer.js';

const SESSION_TTL_SECONDS = 7 * 24 * 3600;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const botInfo = config.TELEGRAM_BOT_TOKEN
    ? await fetchBotInfo(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT).catch((error: unknown) => {
        process.stderr.write(`Telegram did not accept TELEGRAM_BOT_TOKEN (getMe failed): ${String(error)}\n`);
        process.exit(1);
      })
    : undefined;
  const consoleChat = !config.SLACK_BOT_TOKEN && !botInfo;
  // The Mini App needs an https address Telegram can open; without one, typed passwords are deleted.
  const miniApp = Boolean(botInfo && config.PUBLIC_URL);
  // The console chat owns stdout; its logs go to a file under DATA_DIR instead.
  const log = createLogger(config.LOG_LEVEL, consoleChat ? { file: `${config.DATA_DIR}/gatehouse.log` } : {});
  const auditKey = await loadAuditKey(config, (file) => log.warn({ file }, auditKeyCreatedNotice(file)));
  const record = await openRecord({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    audit: { key: auditKey, erasure: config.AUDIT_ERASURE },
  });
  const sessions = openSessionStore(config, record);
  const metrics = createMetrics();
  const deps: EngineDeps = {
    store: record.store,
    sessions,
    log,
    metrics: metrics.engine,
    settings: {
      seatLimit: config.SEAT_LIMIT,
      requireInvite: config.REQUIRE_INVITE,
      sessionTtlSeconds: SESSION_TTL_SECONDS,
      personaName: config.PERSONA_NAME,
      onboardingMaxTurns: config.ONBOARDING_MAX_TURNS,
      telegramBotUsername: botInfo?.username,
    },
    capabilities: {
      ...(consoleChat ? { console: CONSOLE_CAPABILITIES } : {}),
      ...(botInfo ? { telegram: miniApp ? TELEGRAM_MINI_APP_CAPABILITIES : TELEGRAM_CAPABILITIES } : {}),
      ...(config.SLACK_BOT_TOKEN ? { slack: SLACK_CAPABILITIES } : {}),
    },
    ...(config.OPENAI_API_KEY
      ? {
          agentResponder: createOpenAiResponder({
            apiKey: config.OPENAI_API_KEY,
            model: config.OPENAI_MODEL,
            ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
          }),
          interviewer: createOpenAiInterviewer({
            apiKey: config.OPENAI_API_KEY,
            model: config.OPENAI_MODEL,
            ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
            log,
          }),
        }
      : {}),
  };
  const engine = new Engine(deps);
  const purge = setInterval(() => {
    sessions
      .purgeExpired()
      .catch((error: unknown) => log.warn({ err: error }, 'purging expired sessions failed'));
    closeEndedPasswordWindows(record.store).catch((error: unknown) =>
      log.warn({ err: error }, 'closing windows of wrong passwords failed'),
    );
  }, 10 * 60_000);
  purge.unref();

  const slack = config.SLACK_BOT_TOKEN
    ? createSlackAdapter(engine, {
        botToken: config.SLACK_BOT_TOKEN,
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        log,
      })
    : undefined;
  const telegram =
    botInfo && config.TELEGRAM_BOT_TOKEN
      ? createTelegramAdapter(engine, {
          token: config.TELEGRAM_BOT_TOKEN,
          apiRoot: config.TELEGRAM_API_ROOT,
          botInfo,
          ...(config.TELEGRAM_WEBHOOK_URL && config.TELEGRAM_WEBHOOK_SECRET
            ? { webhook: { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET } }
            : {}),
          directory: storeDirectory(record.store),
          ...(miniApp && config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
          log,
        })
      : undefined;
  const routes: Route[] = [
    healthRoutes(async () => (await record.sql`select 1`, await sessions.load('readyz'), true)),
    metrics.route,
    ...(telegram?.route ? [telegram.route] : []),
    ...(slack?.route ? [slack.route] : []),
    ...(miniApp && telegram && config.TELEGRAM_BOT_TOKEN
      ? [miniAppRoute({ engine, deps, botToken: config.TELEGRAM_BOT_TOKEN, chat: telegram })]
      : []),
  ];
  const server = await listen(config.PORT, routes, (error) =>
    log.error({ err: error }, 'http handler failed'),
  );
  await printSetupInviteIfNeeded(record.store, deps.settings, process.stdout);

  const shutdown = once(async () => {
    // Stop taking updates, finish the ones in flight, then close the pools.
    await telegram?.stop();
    server.close();
    await slack?.stop();
    await sessions.close();
    await record.close();
  });
  const exit = () => void shutdown().then(() => process.exit(0));
  process.once('SIGTERM', exit);
  process.once('SIGINT', exit);

  const ready = { port: config.PORT, embeddedDatabase: record.embedded, redis: Boolean(config.REDIS_URL) };
  if (telegram || slack) {
    await telegram?.start();
    await slack?.start();
    log.info(
      {
        ...ready,
        ...(telegram ? { telegram: config.TELEGRAM_WEBHOOK_URL ? 'webhook' : 'long polling' } : {}),
        ...(slack ? { slack: config.SLACK_APP_TOKEN ? 'socket mode' : 'http' } : {}),
      },
      'gatehouse is up',
    );
    return;
  }
  log.info(ready, 'console chat started');
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
