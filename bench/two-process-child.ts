import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { Transformer } from 'grammy';
import { createTelegramAdapter } from '../src/adapters/telegram/bot.js';
import { engineDirectory } from '../src/adapters/telegram/menus.js';
import { listen } from '../src/http/server.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import { serve } from './support/child.js';
import { openRecord } from './support/db.js';
import { benchEngine } from './support/engine.js';
import { endlessInterviewer } from './support/interviewers.js';
import { BENCH_REDIS_URL } from './support/redis.js';
import { BOT_INFO, BOT_TOKEN, fakeBotApi } from './support/telegram.js';
import { WEBHOOK_PATH, WEBHOOK_SECRET } from './support/webhook.js';

/**
 * One Gatehouse process in webhook mode: its own engine, Postgres pool, Redis connection and HTTP
 * listener, sharing the database and Redis with its sibling. Counts the replies it sends.
 */
const maxTurns = Number(process.env.BENCH_MAX_TURNS);
const record = openRecord(process.env.BENCH_DB_URL!);
const sessions = new RedisSessionStore(BENCH_REDIS_URL, process.env.BENCH_PREFIX!);
const engine = benchEngine(record.store, sessions, {
  interviewer: endlessInterviewer(maxTurns),
  onboardingMaxTurns: maxTurns,
});
const adapter = createTelegramAdapter(engine, {
  token: BOT_TOKEN,
  apiRoot: 'https://api.telegram.invalid',
  botInfo: BOT_INFO,
  webhook: { url: `https://bench.invalid${WEBHOOK_PATH}`, secret: WEBHOOK_SECRET },
  directory: engineDirectory(engine),
  log: pino({ level: 'silent' }),
});
const replies = { questions: 0, other: 0 };
const counting: Transformer = async (prev, method, payload, signal) => {
  if (method === 'sendMessage') {
    const text = String((payload as { text?: unknown }).text);
    if (/^Question \d+:/.test(text) || text.includes('Question 1:')) replies.questions += 1;
    else replies.other += 1;
  }
  return prev(method, payload, signal);
};
adapter.bot.api.config.use(fakeBotApi, counting);
await adapter.start();
const server = await listen(0, [adapter.route!], () => undefined);

serve(async (request) => {
  if (request.type === 'replies') return replies;
  server.close();
  await adapter.stop();
  await sessions.close();
  await record.close();
  process.exit(0);
});
process.send?.({ port: (server.address() as AddressInfo).port });
