import argon2 from 'argon2';
import { Bot } from 'grammy';
import type { Redis } from 'ioredis';
import { assign, createActor, setup, type Snapshot } from 'xstate';
import { ARGON2_OPTIONS } from '../src/domain/passwords.js';
import type { Sql } from '../src/store/db.js';
import { cpuPer, cpuSpent } from './support/cpu.js';
import { pool } from './support/stats.js';
import { BOT_INFO, BOT_TOKEN, fakeBotApi, fakeFetch } from './support/telegram.js';

/**
 * The references Gatehouse is measured against, built from the same parts on the same harness, so
 * each figure can be read as a ratio within one run: what the work would cost with nothing of ours.
 */

/**
 * The realistic floor of one update: a grammY bot that reads the speaker's account with one indexed
 * Postgres select, reads a 1 KB session with one Redis GET, writes it back with one SET, and replies.
 */
export function floorBot(sql: Sql, redis: Redis, prefix: string): Bot {
  const bot = new Bot(BOT_TOKEN, { botInfo: BOT_INFO });
  bot.api.config.use(fakeBotApi);
  const session = 'x'.repeat(1024);
  bot.on('message:text', async (ctx) => {
    const [account] = await sql<{ id: string; role: string }[]>`
      select u.id, u.role from identities i join users u on u.id = i.user_id
      where i.platform = 'telegram' and i.external_id = ${String(ctx.from.id)}`;
    const key = `${prefix}${ctx.chat.id}`;
    await redis.get(key);
    await redis.set(key, session, 'EX', 3600);
    await ctx.reply(account ? `Hello, ${account.role}.` : 'Hello, stranger.');
  });
  return bot;
}

const dialogueMachine = setup({
  types: {
    context: {} as { turn: number; last: string },
    events: {} as { type: 'answer'; text: string },
  },
}).createMachine({
  id: 'bare',
  context: { turn: 1, last: '' },
  initial: 'asking',
  states: {
    asking: {
      tags: 'waiting',
      on: {
        answer: {
          actions: assign({ turn: ({ context }) => context.turn + 1, last: ({ event }) => event.text }),
        },
      },
    },
  },
});

/**
 * A dialogue in bare XState: per update the snapshot is read from Redis (GET), the actor restored,
 * sent one event and persisted again (SET), then the next question is sent. `/onboarding` starts it.
 */
export function bareXStateBot(redis: Redis, prefix: string): Bot {
  const bot = new Bot(BOT_TOKEN, { botInfo: BOT_INFO, client: { fetch: fakeFetch } });
  bot.on('message:text', async (ctx) => {
    const key = `${prefix}${ctx.chat.id}`;
    const stored = ctx.message.text === '/onboarding' ? null : await redis.get(key);
    const actor = createActor(
      dialogueMachine,
      stored ? { snapshot: JSON.parse(stored) as Snapshot<unknown> } : undefined,
    );
    actor.start();
    if (stored) actor.send({ type: 'answer', text: ctx.message.text });
    const { turn } = actor.getSnapshot().context;
    await redis.set(key, JSON.stringify(actor.getPersistedSnapshot()), 'EX', 3600);
    actor.stop();
    await ctx.reply(`Question ${turn}: tell me more.`);
  });
  return bot;
}

/**
 * argon2id at the production parameters with `concurrency` in flight: hashes per second, and the CPU
 * one hash takes (ms, all of this process's threads; undefined where /proc cannot be read).
 */
export async function bareArgon2(
  hashes: number,
  concurrency: number,
): Promise<{ perSecond: number; cpuMsPerHash: number | undefined }> {
  await pool(
    concurrency,
    concurrency,
    async () => void (await argon2.hash('warm-up-Password-1', ARGON2_OPTIONS)),
  );
  const cpuBefore = cpuSpent();
  const start = performance.now();
  await pool(
    hashes,
    concurrency,
    async (i) => void (await argon2.hash(`bench-Password-${i}`, ARGON2_OPTIONS)),
  );
  const perSecond = hashes / ((performance.now() - start) / 1000);
  const cpuAfter = cpuSpent();
  if (!cpuBefore || !cpuAfter) return { perSecond, cpuMsPerHash: undefined };
  const spent = cpuPer(cpuBefore, cpuAfter, hashes);
  return { perSecond, cpuMsPerHash: spent.mainThread + spent.otherThreads };
}
