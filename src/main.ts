import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { auditKeyCreatedNotice, auditKeyPath, loadAuditKey } from './audit-key.js';
import { createLogger } from './log.js';
import { openRecord, openSessionStore, reachRedis } from './store/open.js';
import { PASSWORD_FILE } from './store/embedded-postgres.js';
import { Engine } from './engine/engine.js';
import type { EngineDeps } from './engine/deps.js';
import { healthRoutes, listen, type Route } from './http/server.js';
import { createMetrics } from './http/metrics.js';
import { CONSOLE_CAPABILITIES, runConsole } from './adapters/console/console.js';
import { SLACK_CAPABILITIES } from './adapters/slack/translate.js';
import { createTelegramAdapter, fetchBotInfo } from './adapters/telegram/bot.js';
import { engineDirectory } from './adapters/telegram/menus.js';
import { TELEGRAM_CAPABILITIES, TELEGRAM_MINI_APP_CAPABILITIES } from './adapters/telegram/translate.js';
import { miniAppRoute } from './adapters/telegram/miniapp/routes.js';
import { configuredPlatforms, printSetupInviteIfNeeded } from './setup-invite.js';
import { maintenanceJobs } from './jobs/maintenance.js';
import { startScheduler } from './jobs/scheduler.js';
import { createOpenAiResponder } from './agents/responder.js';
import { createOpenAiInterviewer } from './onboarding/interviewer.js';
import { makePrivateDir, PRIVATE_UMASK, warnAboutSharedKeyFiles } from './private-files.js';
import { StartupError } from './startup-error.js';

const SESSION_TTL_SECONDS = 7 * 24 * 3600;

/** The one line a failed start prints: what went wrong and what to do, never a stack trace. */
function startupFailure(error: unknown): string {
  if (error instanceof ConfigError) return `Configuration error: ${error.message}`;
  if (error instanceof StartupError) return error.message;
  return `Gatehouse could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** Opens everything and connects the platforms; returns what runs until the process stops. */
async function start(): Promise<() => Promise<void>> {
  const config = loadConfig();
  await makePrivateDir(config.DATA_DIR);
  const botInfo = config.TELEGRAM_BOT_TOKEN
    ? await fetchBotInfo(config.TELEGRAM_BOT_TOKEN, config.TELEGRAM_API_ROOT).catch((error: unknown) => {
        throw new StartupError(
          `Telegram did not answer getMe (${error instanceof Error ? error.message : String(error)}): ` +
            'check TELEGRAM_BOT_TOKEN (the token BotFather gave you) and TELEGRAM_API_ROOT',
        );
      })
    : undefined;
  // Bolt and Slack's Web API load only for a process that talks to Slack.
  const slackApp = config.SLACK_BOT_TOKEN ? await import('./adapters/slack/app.js') : undefined;
  const slackIdentity =
    slackApp && config.SLACK_BOT_TOKEN
      ? await slackApp.fetchSlackIdentity({
          botToken: config.SLACK_BOT_TOKEN,
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        })
      : undefined;
  if (config.REDIS_URL) await reachRedis(config.REDIS_URL);
  const consoleChat = !config.SLACK_BOT_TOKEN && !botInfo;
  // The Mini App needs an https address Telegram can open; without one, typed passwords are deleted.
  const miniApp = Boolean(botInfo && config.PUBLIC_URL);
  // The console chat owns stdout; its logs go to a file under DATA_DIR instead.
  const log = createLogger(config.LOG_LEVEL, consoleChat ? { file: `${config.DATA_DIR}/gatehouse.log` } : {});
  // Said where the operator looks: the terminal when it holds the chat, else the log.
  const keyFiles = [path.join(config.DATA_DIR, PASSWORD_FILE), auditKeyPath(config.DATA_DIR)];
  await warnAboutSharedKeyFiles(keyFiles, (warning) =>
    consoleChat ? process.stderr.write(`Warning: ${warning}\n`) : log.warn(warning),
  );
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
      sessionTtlSeconds: SESSION_TTL_SECONDS,
      personaName: config.PERSONA_NAME,
      onboardingMaxTurns: config.ONBOARDING_MAX_TURNS,
      defaultLocale: config.DEFAULT_LOCALE,
      ...(config.TEAM_NAME ? { teamName: config.TEAM_NAME } : {}),
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
  const scheduler = await startScheduler(record.url, maintenanceJobs(record.store, sessions), log);

  const slack =
    slackApp && config.SLACK_BOT_TOKEN
      ? slackApp.createSlackAdapter(engine, {
          botToken: config.SLACK_BOT_TOKEN,
          ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
          ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
          ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
          ...(slackIdentity ? { identity: slackIdentity } : {}),
          ...(botInfo ? { telegramBotUsername: botInfo.username } : {}),
          defaultLocale: config.DEFAULT_LOCALE,
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
          directory: engineDirectory(engine),
          defaultLocale: config.DEFAULT_LOCALE,
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
      ? [
          miniAppRoute({
            engine,
            log,
            botToken: config.TELEGRAM_BOT_TOKEN,
            chat: telegram,
            defaultLocale: config.DEFAULT_LOCALE,
          }),
        ]
      : []),
  ];
  const server = await listen(config.PORT, routes, (error) =>
    log.error({ err: error }, 'http handler failed'),
  );
  const releasePrinter = await printSetupInviteIfNeeded(
    record.store,
    configuredPlatforms(config, botInfo?.username),
    process.stdout,
    config.DEFAULT_LOCALE,
  );

  const shutdown = once(async () => {
    // Stop taking updates, finish the ones in flight, then close the pools.
    await telegram?.stop();
    server.close();
    await slack?.stop();
    await scheduler.stop();
    await sessions.close();
    await releasePrinter?.().catch(() => undefined);
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
    return async () => {};
  }
  log.info(ready, 'console chat started');
  return async () => {
    await runConsole(engine, {
      input: process.stdin,
      output: process.stdout,
      filesDir: `${config.DATA_DIR}/files`,
      locale: config.DEFAULT_LOCALE,
    });
    await shutdown();
    process.exit(0);
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= fn());
}

process.umask(PRIVATE_UMASK);
const run = await start().catch((error: unknown) => {
  process.stderr.write(`${startupFailure(error)}\n`);
  // Whatever started already (the embedded server) stops on exit.
  process.exit(1);
});
await run();
