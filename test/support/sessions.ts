import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, inject, it } from 'vitest';
import { cleanUpAfter } from './db.js';
import type { Sql } from '../../src/store/db.js';
import { PostgresSessionStore } from '../../src/store/sessions-postgres.js';
import { RedisSessionStore } from '../../src/store/sessions-redis.js';
import type { SessionStore } from '../../src/store/sessions.js';
import { keyPrefix } from './test-run.js';

/** The run's Redis URL, or undefined where none answers (see global-setup). */
export const testRedisUrl: string | undefined = inject('redisUrl') || undefined;

/**
 * A Redis key prefix of this run for one test file (or one part of it); whatever is stored under it
 * is deleted after the file's tests.
 */
export function testKeyPrefix(): string {
  const prefix = keyPrefix(inject('runId'), randomBytes(4).toString('hex'));
  if (testRedisUrl) cleanUpAfter(() => deleteKeys(testRedisUrl!, prefix));
  return prefix;
}

async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found;
}

async function deleteKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    const keys = await keysUnder(redis, prefix);
    if (keys.length > 0) await redis.unlink(...keys);
  } finally {
    redis.disconnect();
  }
}

/**
 * Where one test file's conversations live: the run's Redis under a prefix of its own, or, on a
 * machine without Redis, the file's own database (the store a deployment without REDIS_URL uses).
 * Every store it opens is closed, and its keys deleted, after the file's tests.
 */
export interface TestSessions {
  readonly kind: 'redis' | 'postgres';
  /** A store over this file's sessions; each call is a new connection (a second process, a restart). */
  open(): SessionStore;
  /** Every value stored for this file (sessions, counters, locks), as text. */
  dump(): Promise<string[]>;
}

export function testSessions(sql: Sql, kind: 'redis' | 'postgres' = testRedisUrl ? 'redis' : 'postgres') {
  return kind === 'redis' ? redisSessions(requireRedis()) : postgresSessions(sql);
}

function requireRedis(): string {
  if (!testRedisUrl) throw new Error('this test needs Redis: wrap it in describeWithRedis');
  return testRedisUrl;
}

function redisSessions(url: string): TestSessions {
  const prefix = testKeyPrefix();
  const opened: SessionStore[] = [];
  const admin = new Redis(url, { lazyConnect: true });
  cleanUpAfter(async () => {
    await Promise.all(opened.map((s) => s.close().catch(() => undefined)));
    admin.disconnect();
  });
  return {
    kind: 'redis',
    open() {
      const store = new RedisSessionStore(url, prefix);
      opened.push(store);
      return store;
    },
    async dump() {
      const values: string[] = [];
      for (const key of await keysUnder(admin, prefix)) {
        const type = await admin.type(key);
        values.push(
          type === 'hash' ? JSON.stringify(await admin.hgetall(key)) : String(await admin.get(key)),
        );
      }
      return values;
    },
  };
}

function postgresSessions(sql: Sql): TestSessions {
  const opened: SessionStore[] = [];
  cleanUpAfter(() => Promise.all(opened.map((s) => s.close())));
  return {
    kind: 'postgres',
    open() {
      const store = new PostgresSessionStore(sql);
      opened.push(store);
      return store;
    },
    async dump() {
      const rows = await sql<{ key: string; data: string }[]>`select key, data from sessions`;
      return rows.map((r) => JSON.stringify(r));
    },
  };
}

/**
 * Tests about Redis itself (a flushed Redis, its connection): they run wherever Redis answers, always
 * under CI, and are skipped, with one line saying why, on a machine without it.
 */
export function describeWithRedis(name: string, body: (redisUrl: string) => void): void {
  if (!testRedisUrl) {
    describe.skip(`${name} (needs Redis)`, () => {
      it('is skipped: no Redis answers on this machine', () => {});
    });
    return;
  }
  const url = testRedisUrl;
  describe(name, () => body(url));
}
