import { Bot } from 'grammy';
import { telegramComposer } from '../src/adapters/telegram/bot.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import { freshDatabase, openRecord } from './support/db.js';
import { benchEngine } from './support/engine.js';
import { endlessInterviewer } from './support/interviewers.js';
import { BENCH_REDIS_URL, benchPrefix, benchRedis, clearPrefix } from './support/redis.js';
import { seedTeam } from './support/seed.js';
import type { Sizes } from './support/sizes.js';
import { median, timed } from './support/stats.js';
import { BOT_INFO, BOT_TOKEN, fakeFetch, lastSentText, textUpdate } from './support/telegram.js';
import type { UpdateSink } from './support/drive.js';
import { peerBot } from './peer-conversations.js';
import { bareXStateBot } from './references.js';

const MAX_TURNS = 100;
const PEER_FIRST_CHAT = 700_000;
const BARE_FIRST_CHAT = 800_000;

/**
 * One dialogue: `/onboarding`, then `steps` answers, each answered by the next question. Returns the
 * milliseconds `handleUpdate` took for each answer (index 0 is step 1).
 */
async function dialogue(bot: UpdateSink, chatId: number, steps: number): Promise<number[]> {
  await bot.handleUpdate(textUpdate(chatId, '/onboarding'));
  const costs: number[] = [];
  for (let k = 1; k <= steps; k++) {
    costs.push(
      await timed(() => bot.handleUpdate(textUpdate(chatId, `Answer number ${k}, a few words long.`))),
    );
    if (!lastSentText().startsWith(`Question ${k + 1}:`))
      throw new Error(`step ${k} answered “${lastSentText()}”, not question ${k + 1}`);
  }
  return costs;
}

/**
 * A 50-step dialogue on our engine (the real onboarding flow, through the Telegram adapter's
 * composer, with an interviewer that always asks one more question) and the same dialogue on
 * `@grammyjs/conversations`, and in bare XState with its snapshot in Redis (see references.ts), all
 * in grammY's `handleUpdate` with the Bot API answered in-process.
 */
export async function benchStepCost(sizes: Sizes['stepCost']): Promise<Record<string, number>> {
  const record = openRecord(await freshDatabase('gatehouse_bench_engine'));
  const prefix = benchPrefix('steps');
  const sessions = new RedisSessionStore(BENCH_REDIS_URL, `${prefix}ours:`);
  const redis = benchRedis();
  try {
    const team = await seedTeam(record.sql, { members: 4 });
    const engine = benchEngine(record.store, sessions, {
      interviewer: endlessInterviewer(MAX_TURNS),
      onboardingMaxTurns: MAX_TURNS,
    });
    const ours = new Bot(BOT_TOKEN, { botInfo: BOT_INFO, client: { fetch: fakeFetch } });
    ours.use(telegramComposer(engine, undefined));
    const peer = peerBot(redis, `${prefix}peer:`, sizes.steps + 1);
    const bare = bareXStateBot(redis, `${prefix}bare:`);
    const member = team.members[0]!.telegramId;

    const sides = [
      () => dialogue(ours, member, sizes.steps),
      (round: number) => dialogue(peer, PEER_FIRST_CHAT + round, sizes.steps),
      (round: number) => dialogue(bare, BARE_FIRST_CHAT + round, sizes.steps),
    ];
    const byStep = sides.map(() => Array.from({ length: sizes.steps }, (): number[] => []));
    for (let round = 0; round < sizes.warmup + sizes.dialogues; round++) {
      // Rotate which side goes first, so drift in the machine's load falls on all alike.
      for (let turn = 0; turn < sides.length; turn++) {
        const side = (round + turn) % sides.length;
        const costs = await sides[side]!(round);
        if (round >= sizes.warmup) costs.forEach((ms, k) => byStep[side]![k]!.push(ms));
      }
    }
    const [oursStep, peerStep, bareStep] = byStep.map((steps) => steps.map(median)) as [
      number[],
      number[],
      number[],
    ];
    const last = sizes.steps - 1;
    const peerState = await redis.strlen(`${prefix}peer:${PEER_FIRST_CHAT}`);
    return {
      step_cost_ratio_50_1: oursStep[last]! / oursStep[0]!,
      peer_step_cost_ratio_50_1: peerStep[last]! / peerStep[0]!,
      peer_step50_over_ours: peerStep[last]! / oursStep[last]!,
      xstate_bare_step_ms: bareStep[last]!,
      step50_over_xstate_bare: oursStep[last]! / bareStep[last]!,
      step1_ms: oursStep[0]!,
      step50_ms: oursStep[last]!,
      peer_step1_ms: peerStep[0]!,
      peer_step50_ms: peerStep[last]!,
      peer_state_bytes_step50: peerState,
    };
  } finally {
    await redis.quit();
    await sessions.close();
    await record.close();
    await clearPrefix(prefix);
  }
}
