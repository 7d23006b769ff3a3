import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { renewWhileHeld, type SessionStore, type StoredSession } from './sessions.js';

interface SessionScripts {
  saveIfVersion(
    key: string,
    expected: string,
    next: string,
    data: string,
    ttlSeconds: string,
  ): Promise<number>;
  releaseIfOwner(key: string, owner: string): Promise<number>;
  extendIfOwner(key: string, owner: string, ttlMs: string): Promise<number>;
  endIfLive(key: string): Promise<number>;
}

const SCRIPTS = {
  saveIfVersion: `
    local current = redis.call('HGET', KEYS[1], 'v')
    if (current or '0') ~= ARGV[1] then return 0 end
    redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
    redis.call('EXPIRE', KEYS[1], ARGV[4])
    return 1`,
  releaseIfOwner: `
    if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
    return 0`,
  extendIfOwner: `
    if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
    return 0`,
  // Only conversation hashes that hold state; locks and counters are strings. HSET keeps the TTL.
  endIfLive: `
    if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then return 0 end
    local data = redis.call('HGET', KEYS[1], 'd')
    if not data or data == '' then return 0 end
    redis.call('HINCRBY', KEYS[1], 'v', 1)
    redis.call('HSET', KEYS[1], 'd', '')
    return 1`,
};

/** Sessions in Redis: one hash per conversation (`v` version, `d` data) with a TTL. */
export class RedisSessionStore implements SessionStore {
  private readonly redis: Redis & SessionScripts;
  private readonly heldLocks = new Set<NodeJS.Timeout>();

  constructor(
    url: string,
    private readonly prefix = 'gh:s:',
  ) {
    const redis = new Redis(url, { maxRetriesPerRequest: 2, enableAutoPipelining: true });
    for (const [name, lua] of Object.entries(SCRIPTS)) redis.defineCommand(name, { numberOfKeys: 1, lua });
    this.redis = redis as Redis & SessionScripts;
  }

  async load(key: string): Promise<StoredSession | undefined> {
    const [version, data] = await this.redis.hmget(this.prefix + key, 'v', 'd');
    return version && data != null ? { version: Number(version), data } : undefined;
  }

  async save(key: string, data: string, expectedVersion: number, ttlSeconds: number): Promise<boolean> {
    const saved = await this.redis.saveIfVersion(
      this.prefix + key,
      String(expectedVersion),
      String(expectedVersion + 1),
      data,
      String(ttlSeconds),
    );
    return saved === 1;
  }

  async endByPrefix(prefix: string): Promise<number> {
    let ended = 0;
    const stream = this.redis.scanStream({ match: `${this.prefix}${escapeGlob(prefix)}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      const results = await Promise.all(keys.map((key) => this.redis.endIfLive(key)));
      ended += results.reduce((sum, one) => sum + one, 0);
    }
    return ended;
  }

  async tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const lockKey = `${this.prefix}lock:${key}`;
    const owner = randomUUID();
    if ((await this.redis.set(lockKey, owner, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
    const stop = renewWhileHeld(
      () => this.redis.extendIfOwner(lockKey, owner, String(ttlMs)),
      ttlMs,
      this.heldLocks,
    );
    return async () => {
      stop();
      await this.redis.releaseIfOwner(lockKey, owner);
    };
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const counter = `${this.prefix}hits:${key}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(counter)
      .expire(counter, windowSeconds, 'NX')
      .exec()) as [[Error | null, number]];
    return count;
  }

  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}hits:${key}`)) ?? 0);
  }

  async purgeExpired(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    for (const timer of this.heldLocks) clearInterval(timer);
    await this.redis.quit();
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
