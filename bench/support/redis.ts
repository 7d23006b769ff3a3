import { Redis } from 'ioredis';

/** A Redis database of its own (index 9 by default), so tests on db 0 never see bench keys. */
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';

/** A key prefix for one benchmark run, removed afterwards with `clearPrefix`. */
export function benchPrefix(name: string): string {
  return `gh:bench:${process.pid}:${name}:`;
}

export function benchRedis(): Redis {
  return new Redis(BENCH_REDIS_URL, { maxRetriesPerRequest: 2 });
}

/** Deletes every key under `prefix`. */
export async function clearPrefix(prefix: string): Promise<void> {
  const redis = benchRedis();
  try {
    const stream = redis.scanStream({ match: `${prefix}*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

/** Counts the commands Redis runs on the bench database for keys under `prefix` (via MONITOR). */
export async function countCommands(
  prefix: string,
): Promise<{ count: () => number; stop: () => Promise<void> }> {
  const redis = benchRedis();
  const monitor = await redis.monitor();
  const db = new URL(BENCH_REDIS_URL).pathname.slice(1) || '0';
  let count = 0;
  monitor.on('monitor', (_time: string, args: string[], source: string, database: string) => {
    if (source !== 'lua' && database === db && args.some((a) => a.startsWith(prefix))) count += 1;
  });
  return {
    count: () => count,
    stop: async () => {
      monitor.disconnect();
      await redis.quit();
    },
  };
}
