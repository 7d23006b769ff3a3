import { freshDatabase, openRecord } from './support/db.js';
import { buildForNode, Child } from './support/child.js';
import { imageNodeFlags } from './support/image.js';
import { benchPrefix, benchRedis, clearPrefix } from './support/redis.js';
import { seedTeam } from './support/seed.js';
import type { Sizes } from './support/sizes.js';

type Memory = { rssMb: number; heapMb: number };

/**
 * A separate Gatehouse process (compiled, run by node alone with the image's flags, every module of
 * `src/main.ts` loaded) and its resident memory with `conversations` onboarding interviews parked
 * at once (one per person, each in its private chat), after a few warm-up ones; measured after GC.
 */
export async function benchRss(sizes: Sizes['rss']): Promise<Record<string, number>> {
  const url = await freshDatabase('gatehouse_bench_engine');
  const seeding = openRecord(url);
  const team = await seedTeam(seeding.sql, { members: sizes.conversations + 100 });
  await seeding.close();
  const prefix = benchPrefix('rss');
  await buildForNode();
  const child = new Child<Memory>(
    'rss-child.ts',
    { BENCH_DB_URL: url, BENCH_PREFIX: prefix },
    ['--expose-gc', ...imageNodeFlags()],
    { compiled: true },
  );
  try {
    await child.ask(undefined);
    const first = team.members[0]!.telegramId;
    const warm = await child.ask({ type: 'start', first, count: 100 });
    const loaded = await child.ask({ type: 'start', first: first + 100, count: sizes.conversations });
    const redis = benchRedis();
    const parked = (await redis.keys(`${prefix}telegram:*`)).length;
    await redis.quit();
    if (parked < sizes.conversations) throw new Error(`only ${parked} conversations are parked`);
    return {
      rss_mb_10k_conversations: loaded.rssMb,
      rss_mb_warm_100_conversations: warm.rssMb,
      heap_mb_10k_conversations: loaded.heapMb,
    };
  } finally {
    await child.stop();
    await clearPrefix(prefix);
  }
}
