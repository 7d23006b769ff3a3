import { readFileSync } from 'node:fs';
import pino from 'pino';
import { createTelegramAdapter } from '../src/adapters/telegram/bot.js';
import { engineDirectory } from '../src/adapters/telegram/menus.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import { serve } from './support/child.js';
import { openRecord } from './support/db.js';
import { closedLoop } from './support/drive.js';
import { benchEngine } from './support/engine.js';
import { BENCH_REDIS_URL } from './support/redis.js';
import { BOT_INFO, BOT_TOKEN, fakeBotApi, textUpdate } from './support/telegram.js';

/**
 * One Gatehouse process (engine, Telegram adapter in webhook mode, Postgres pool, Redis) that starts
 * an onboarding interview in each of `count` private chats and reports its memory once they all rest.
 * It first loads every module the image's entry point loads, so it carries the code production
 * carries (the Slack adapter, the scheduler, metrics…) even where it drives only part of it.
 */
await loadProductionModules();
const record = openRecord(process.env.BENCH_DB_URL!);
const sessions = new RedisSessionStore(BENCH_REDIS_URL, process.env.BENCH_PREFIX!);
const engine = benchEngine(record.store, sessions);
const adapter = createTelegramAdapter(engine, {
  token: BOT_TOKEN,
  apiRoot: 'https://api.telegram.invalid',
  botInfo: BOT_INFO,
  webhook: { url: 'https://bench.invalid/telegram/hook', secret: 'bench-webhook-secret-0123456789' },
  directory: engineDirectory(engine),
  log: pino({ level: 'silent' }),
});
adapter.bot.api.config.use(fakeBotApi);
await adapter.start();

function settledMemory(): { rssMb: number; heapMb: number } {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 };
}

serve(async (request) => {
  const { type, first, count } = request as { type: string; first: number; count: number };
  if (type === 'start') {
    // Every chat asks for the interview: each one ends parked in it, its snapshot in Redis.
    await closedLoop(adapter.bot, (i) => textUpdate(first + i, '/onboarding'), count, 64);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return settledMemory();
  }
  if (type === 'memory') return settledMemory();
  await adapter.stop();
  await sessions.close();
  await record.close();
  process.exit(0);
});
process.send?.({ ready: true });

/** Imports what `dist/src/main.js` imports, read from the file itself so the list cannot fall behind. */
async function loadProductionModules(): Promise<void> {
  const main = new URL('../src/main.js', import.meta.url);
  const specifiers = [...readFileSync(main, 'utf8').matchAll(/^import\s+(?:[^;]*?\s+from\s+)?'([^']+)';/gm)];
  if (specifiers.length < 10) throw new Error(`found only ${specifiers.length} imports in ${main.pathname}`);
  for (const [, specifier] of specifiers)
    await import(specifier!.startsWith('.') ? new URL(specifier!, main).href : specifier!);
}
