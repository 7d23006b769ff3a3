import pino from 'pino';
import { Bot } from 'grammy';
import { createTelegramAdapter } from '../src/adapters/telegram/bot.js';
import { engineDirectory } from '../src/adapters/telegram/menus.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import type { SessionStore } from '../src/store/sessions.js';
import type { Store } from '../src/store/store.js';
import { countingRecord, freshDatabase, openRecord } from './support/db.js';
import { closedLoop, pacedLatencies, type UpdateSink } from './support/drive.js';
import { benchEngine } from './support/engine.js';
import { BENCH_REDIS_URL, benchPrefix, benchRedis, clearPrefix, countCommands } from './support/redis.js';
import { floorBot } from './references.js';
import { seedTeam } from './support/seed.js';
import type { Sizes } from './support/sizes.js';
import { percentile } from './support/stats.js';
import { BOT_INFO, BOT_TOKEN, fakeBotApi, lastSentText, textUpdate } from './support/telegram.js';

const WEBHOOK = { url: 'https://bench.invalid/telegram/hook', secret: 'bench-webhook-secret-0123456789' };

/**
 * `/agents` by members through the real Telegram adapter (grammY's `handleUpdate`, the webhook
 * path) around a real engine on Postgres and Redis, against a bare grammY bot and the realistic
 * floor (one select, one GET, one SET per update; see references.ts) on the same harness.
 */
export async function benchThroughput(sizes: Sizes['throughput']): Promise<Record<string, number>> {
  const url = await freshDatabase('gatehouse_bench_engine');
  // Measured on a pool as production opens it; the statements are counted on a second one, since
  // postgres.js's `debug` hook (how they are counted) captures a stack trace for every query.
  const record = openRecord(url);
  const counting = countingRecord(url);
  const prefix = benchPrefix('throughput');
  const sessions = new RedisSessionStore(BENCH_REDIS_URL, prefix);
  const redis = benchRedis();
  try {
    const team = await seedTeam(record.sql, { members: sizes.members });
    const agents = (i: number) => textUpdate(team.members[i % team.members.length]!.telegramId, '/agents');

    const counted = await gatehouseBot(counting.store, sessions);
    await closedLoop(counted.bot, agents, 200, sizes.concurrency);
    const perUpdate = await roundTrips(counted.bot, agents, prefix, counting.queries);
    await counted.stop();

    const adapter = await gatehouseBot(record.store, sessions);
    await closedLoop(adapter.bot, agents, sizes.warmup, sizes.concurrency);
    if (!lastSentText().startsWith('Agents you can use:'))
      throw new Error(`/agents did not list agents: ${lastSentText()}`);
    const floor = floorBot(record.sql, redis, `${prefix}floor:`);
    await closedLoop(floor, agents, sizes.warmup, sizes.concurrency);
    // Taken in turns, so a change in what else runs on the machine falls on both alike.
    const [ours, floorUps] = (await inTurns(
      [adapter.bot, floor].map(
        (bot) => () => closedLoop(bot, agents, sizes.updates / ROUNDS, sizes.concurrency),
      ),
    )) as [number, number];
    const latencies = await pacedLatencies(adapter.bot, agents, ours / 2, sizes.latencySeconds);
    // The floor at the same rate: what the machine's own Postgres, Redis and scheduling add to the tail.
    const floorLatencies = await pacedLatencies(floor, agents, ours / 2, Math.min(sizes.latencySeconds, 3));
    await adapter.stop();

    const bare = new Bot(BOT_TOKEN, { botInfo: BOT_INFO });
    bare.api.config.use(fakeBotApi);
    bare.on('message:text', (ctx) => ctx.reply('Hello from a bare bot.'));
    await closedLoop(bare, agents, sizes.warmup, sizes.concurrency);
    const bareUps = await closedLoop(bare, agents, sizes.updates, sizes.concurrency);
    const bareLatencies = await pacedLatencies(bare, agents, ours / 2, Math.min(sizes.latencySeconds, 3));

    return {
      throughput_agents_ups: ours,
      floor_ups: floorUps,
      agents_over_floor: ours / floorUps,
      throughput_bare_ups: bareUps,
      throughput_ratio: ours / bareUps,
      latency_agents_p99_ms: percentile(latencies, 99),
      latency_agents_p50_ms: percentile(latencies, 50),
      latency_bare_p99_ms_same_rate: percentile(bareLatencies, 99),
      latency_floor_p99_ms_same_rate: percentile(floorLatencies, 99),
      pg_queries_per_agents_update: perUpdate.queries,
      redis_commands_per_agents_update: perUpdate.redis,
    };
  } finally {
    await redis.quit();
    await sessions.close();
    await record.close();
    await counting.close();
    await clearPrefix(prefix);
  }
}

/** The real Telegram adapter in webhook mode around a real engine, its Bot API answered in-process. */
async function gatehouseBot(store: Store, sessions: SessionStore) {
  const engine = benchEngine(store, sessions);
  const adapter = createTelegramAdapter(engine, {
    token: BOT_TOKEN,
    apiRoot: 'https://api.telegram.invalid',
    botInfo: BOT_INFO,
    webhook: WEBHOOK,
    directory: engineDirectory(engine),
    log: pino({ level: 'silent' }),
  });
  // Installed last, so it is the outermost transformer: calls never reach the throttler or the network.
  adapter.bot.api.config.use(fakeBotApi);
  await adapter.start();
  return adapter;
}

const ROUNDS = 4;

/** Runs each side `ROUNDS` times in turn; each side's rate over all its rounds (updates per second). */
async function inTurns(sides: (() => Promise<number>)[]): Promise<number[]> {
  const seconds = sides.map(() => 0);
  for (let round = 0; round < ROUNDS; round++)
    for (const [i, side] of sides.entries()) seconds[i]! += 1 / (await side());
  return seconds.map((s) => ROUNDS / s);
}

/** Postgres statements and Redis commands per `/agents` update, counted over a short sequential run. */
async function roundTrips(
  bot: UpdateSink,
  make: (i: number) => Parameters<UpdateSink['handleUpdate']>[0],
  prefix: string,
  queries: () => number,
): Promise<{ queries: number; redis: number }> {
  const n = 200;
  const redis = await countCommands(prefix);
  const before = queries();
  for (let i = 0; i < n; i++) await bot.handleUpdate(make(i));
  // The last-seen touch runs after the reply; let it land before counting.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const result = { queries: (queries() - before) / n, redis: redis.count() / n };
  await redis.stop();
  return result;
}
