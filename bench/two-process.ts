import { conversationKey } from '../src/engine/inbound.js';
import { Child } from './support/child.js';
import { freshDatabase, openRecord } from './support/db.js';
import { benchPrefix, benchRedis, clearPrefix } from './support/redis.js';
import { seedTeam } from './support/seed.js';
import type { Sizes } from './support/sizes.js';
import { pool } from './support/stats.js';
import { textUpdate } from './support/telegram.js';
import { WEBHOOK_PATH, WEBHOOK_SECRET } from './support/webhook.js';

type Reply = { port: number; questions: number; other: number };

async function post(port: number, update: unknown): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}${WEBHOOK_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
    body: JSON.stringify(update),
  });
  if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
  await response.arrayBuffer();
}

/**
 * Two Gatehouse processes in webhook mode sharing Postgres and Redis; one person's interview is fed
 * `updates` answers, alternately through each, with many in flight. Every answer is one transition
 * of the flow (its turn counter goes up by one): the transitions lost are the answers the saved
 * interview does not count.
 */
export async function benchTwoProcess(sizes: Sizes['twoProcess']): Promise<Record<string, number>> {
  const url = await freshDatabase('gatehouse_bench_engine');
  const seeding = openRecord(url);
  const team = await seedTeam(seeding.sql, { members: 1 });
  await seeding.close();
  const prefix = benchPrefix('two');
  const env = { BENCH_DB_URL: url, BENCH_PREFIX: prefix, BENCH_MAX_TURNS: String(sizes.updates + 10) };
  const children = [
    new Child<Reply>('two-process-child.ts', env),
    new Child<Reply>('two-process-child.ts', env),
  ];
  const redis = benchRedis();
  try {
    const ports = await Promise.all(children.map(async (c) => (await c.ask(undefined)).port));
    const person = team.members[0]!.telegramId;
    await post(ports[0]!, textUpdate(person, '/onboarding'));
    const start = performance.now();
    await pool(sizes.updates, sizes.inFlight, (i) => post(ports[i % 2]!, textUpdate(person, `Answer ${i}`)));
    const seconds = (performance.now() - start) / 1000;
    // A webhook call answered after its timeout may still be running: wait until both are quiet.
    let replies = { questions: 0, other: 0 };
    for (let quiet = 0, last = -1; quiet < 3;) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const counts = await Promise.all(children.map((c) => c.ask({ type: 'replies' })));
      replies = counts.reduce(
        (a, b) => ({ questions: a.questions + b.questions, other: a.other + b.other }),
        {
          questions: 0,
          other: 0,
        },
      );
      const total = replies.questions + replies.other;
      quiet = total === last ? quiet + 1 : 0;
      last = total;
    }
    const key = conversationKey({
      platform: 'telegram',
      sender: { externalId: String(person), username: null, displayName: '' },
      chat: { id: String(person), isPrivate: true },
    });
    const stored = JSON.parse((await redis.hget(prefix + key, 'd')) ?? '{}') as {
      flow?: { snapshot?: { context?: { turns?: number } } };
    };
    const turns = stored.flow?.snapshot?.context?.turns ?? 0;
    // The opening question is turn 1; each answer adds one.
    return {
      two_process_lost_transitions: 1 + sizes.updates - turns,
      two_process_updates: sizes.updates,
      two_process_replies_other_than_questions: replies.other,
      two_process_updates_per_s_one_conversation: sizes.updates / seconds,
    };
  } finally {
    await redis.quit();
    await Promise.all(children.map((c) => c.stop()));
    await clearPrefix(prefix);
  }
}
