import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import {
  renewWhileHeld,
  SessionStoreUnavailableError,
  type HeldSession,
  type SessionStore,
  type StoredSession,
} from './sessions.js';

interface SessionScripts {
  saveIfVersion(
    key: string,
    expected: string,
    next: string,
    data: string,
    ttlSeconds: string,
  ): Promise<number>;
  releaseIfOwner(key: string, freedKey: string, owner: string, memoryMs: string): Promise<number>;
  lockAndLoad(
    lockKey: string,
    key: string,
    freedKey: string,
    owner: string,
    ttlMs: string,
  ): Promise<[string | null, string | null, number] | null>;
  saveAndRelease(
    key: string,
    lockKey: string,
    freedKey: string,
    expected: string,
    next: string,
    data: string,
    ttlSeconds: string,
    owner: string,
    memoryMs: string,
  ): Promise<number>;
  extendIfOwner(key: string, owner: string, ttlMs: string): Promise<number>;
  endIfLive(key: string): Promise<number>;
}

/** The save's compare-and-set, shared by `saveIfVersion` and `saveAndRelease` (session key first). */
const SAVE_IF_VERSION = `
    local saved = 0
    if (redis.call('HGET', KEYS[1], 'v') or '0') == ARGV[1] then
      redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
      redis.call('EXPIRE', KEYS[1], ARGV[4])
      saved = 1
    end`;

/** Redis's clock in microseconds (exact in Lua's doubles). */
const NOW_US = `(function() local t = redis.call('TIME') return t[1] * 1000000 + t[2] end)()`;

/**
 * Lua that frees the lock (`lockKey`) if `owner` holds it, noting when (Redis's clock, µs) in the lock's
 * freed-mark (`freedKey`), which lives `memory` milliseconds, so its next taker knows how long ago.
 */
function releaseIfOwnerLua(lockKey: string, freedKey: string, owner: string, memory: string): string {
  return `
    local freed = 0
    if redis.call('GET', ${lockKey}) == ${owner} then
      redis.call('DEL', ${lockKey})
      redis.call('SET', ${freedKey}, string.format('%d', ${NOW_US}), 'PX', ${memory})
      freed = 1
    end`;
}

const SCRIPTS: Record<string, { keys: number; lua: string }> = {
  // The lock (KEYS[1]) taken, and the session (KEYS[2]) read under it, in one round trip; nil if
  // taken. Last comes how many µs ago its freed-mark (KEYS[3]) says it was freed; -1 if forgotten.
  lockAndLoad: {
    keys: 3,
    lua: `
    if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return nil end
    local read = redis.call('HMGET', KEYS[2], 'v', 'd')
    local freedAt = tonumber(redis.call('GET', KEYS[3]))
    return { read[1], read[2], freedAt and (${NOW_US} - freedAt) or -1 }`,
  },
  // The compare-and-set save of the session (KEYS[1]) and the release of its lock (KEYS[2]), if still ours.
  saveAndRelease: {
    keys: 3,
    lua: `${SAVE_IF_VERSION}
    ${releaseIfOwnerLua('KEYS[2]', 'KEYS[3]', 'ARGV[5]', 'ARGV[6]')}
    return saved`,
  },
  saveIfVersion: {
    keys: 1,
    lua: `${SAVE_IF_VERSION}
    return saved`,
  },
  releaseIfOwner: {
    keys: 2,
    lua: `${releaseIfOwnerLua('KEYS[1]', 'KEYS[2]', 'ARGV[1]', 'ARGV[2]')}
    return freed`,
  },
  extendIfOwner: {
    keys: 1,
    lua: `
    if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
    return 0`,
  },
  // Only conversation hashes that hold state; locks and counters are strings. HSET keeps the TTL.
  endIfLive: {
    keys: 1,
    lua: `
    if redis.call('TYPE', KEYS[1]).ok ~= 'hash' then return 0 end
    local data = redis.call('HGET', KEYS[1], 'd')
    if not data or data == '' then return 0 end
    redis.call('HINCRBY', KEYS[1], 'v', 1)
    redis.call('HSET', KEYS[1], 'd', '')
    return 1`,
  },
};

/** How long a lock's freed-mark lives: how far back its next taker can tell when it was freed. */
const FREED_MEMORY_MS = 2_000;

/** A command Redis has not answered by then is given up: the person is answered within seconds. */
const COMMAND_TIMEOUT_MS = 1_000;

/**
 * Sessions in Redis: one hash per conversation (`v` version, `d` data) with a TTL. While Redis is away
 * every call fails at once with SessionStoreUnavailableError, instead of waiting in a queue for its return.
 */
export class RedisSessionStore implements SessionStore {
  private readonly redis: Redis & SessionScripts;
  private readonly heldLocks = new Set<NodeJS.Timeout>();
  readonly tellsWhenLockFreed = true;

  constructor(
    url: string,
    private readonly prefix = 'gh:s:',
  ) {
    // Not auto-pipelined: that keeps one batch in flight per connection, so under load every command
    // waits for the batch before it, and after a GC pause for all that piled up meanwhile (the tail of
    // /agents at half load: bench/README.md, 23).
    const redis = new Redis(url, {
      maxRetriesPerRequest: 2,
      commandTimeout: COMMAND_TIMEOUT_MS,
    });
    for (const [name, { keys, lua }] of Object.entries(SCRIPTS))
      redis.defineCommand(name, { numberOfKeys: keys, lua });
    // Commands wait for the first connection only: a command queued during an outage would run
    // after it, long after its update was answered (a lock taken, a stale session written).
    redis.once('ready', () => (redis.options.enableOfflineQueue = false));
    // Failures reach the callers as SessionStoreUnavailableError; the event would repeat them on stderr.
    redis.on('error', () => undefined);
    this.redis = redis as Redis & SessionScripts;
  }

  /** A failure of Redis to answer, as the engine understands it; an error Redis replied with is kept. */
  private readonly unavailable = (error: unknown): never => {
    if ((error as Error).name === 'ReplyError') throw error;
    // A Redis that stopped answering keeps the connection open: reconnect, so the next calls fail at
    // once (until it answers again) instead of each waiting out its timeout.
    if ((error as Error).message === 'Command timed out') this.redis.disconnect(true);
    throw new SessionStoreUnavailableError(error);
  };

  async load(key: string): Promise<StoredSession | undefined> {
    const [version, data] = await this.redis.hmget(this.prefix + key, 'v', 'd').catch(this.unavailable);
    return version && data != null ? { version: Number(version), data } : undefined;
  }

  async save(key: string, data: string, expectedVersion: number, ttlSeconds: number): Promise<boolean> {
    const saved = await this.redis
      .saveIfVersion(
        this.prefix + key,
        String(expectedVersion),
        String(expectedVersion + 1),
        data,
        String(ttlSeconds),
      )
      .catch(this.unavailable);
    return saved === 1;
  }

  async endByPrefix(prefix: string): Promise<number> {
    let ended = 0;
    const stream = this.redis.scanStream({ match: `${this.prefix}${escapeGlob(prefix)}*`, count: 500 });
    try {
      for await (const keys of stream as AsyncIterable<string[]>) {
        const results = await Promise.all(keys.map((key) => this.redis.endIfLive(key)));
        ended += results.reduce((sum, one) => sum + one, 0);
      }
    } catch (error) {
      this.unavailable(error);
    }
    return ended;
  }

  /** The keys of a conversation's lock: the lock itself, and the mark of when it was last freed. */
  private lockKeys(key: string): { lockKey: string; freedKey: string } {
    return { lockKey: `${this.prefix}lock:${key}`, freedKey: `${this.prefix}freed:${key}` };
  }

  async tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const { lockKey, freedKey } = this.lockKeys(key);
    const owner = randomUUID();
    if ((await this.redis.set(lockKey, owner, 'PX', ttlMs, 'NX').catch(this.unavailable)) !== 'OK')
      return undefined;
    return this.held(lockKey, freedKey, owner, ttlMs).release;
  }

  async lockAndLoad(key: string, ttlMs: number): Promise<HeldSession | undefined> {
    const { lockKey, freedKey } = this.lockKeys(key);
    const sessionKey = this.prefix + key;
    const owner = randomUUID();
    const read = await this.redis
      .lockAndLoad(lockKey, sessionKey, freedKey, owner, String(ttlMs))
      .catch(this.unavailable);
    if (!read) return undefined;
    const [version, data, freedAgoUs] = read;
    const stored = version && data != null ? { version: Number(version), data } : undefined;
    const lock = this.held(lockKey, freedKey, owner, ttlMs);
    return {
      stored,
      // A forgotten mark was set at least its whole lifetime ago, if ever.
      freeForMs: freedAgoUs < 0 ? FREED_MEMORY_MS : freedAgoUs / 1000,
      release: lock.release,
      saveAndRelease: async (next, ttlSeconds) => {
        const expected = stored?.version ?? 0;
        const saved = await this.redis
          .saveAndRelease(
            sessionKey,
            lockKey,
            freedKey,
            String(expected),
            String(expected + 1),
            next,
            String(ttlSeconds),
            owner,
            String(FREED_MEMORY_MS),
          )
          .catch(async (error: unknown) => {
            await lock.release();
            return this.unavailable(error);
          });
        lock.released();
        return saved === 1;
      },
    };
  }

  /**
   * A lock taken by `owner`, renewed until `release` (which frees it; twice does nothing) or until
   * `released` says a script freed it already.
   */
  private held(lockKey: string, freedKey: string, owner: string, ttlMs: number) {
    const stop = renewWhileHeld(
      () => this.redis.extendIfOwner(lockKey, owner, String(ttlMs)),
      ttlMs,
      this.heldLocks,
    );
    let freed = false;
    const released = () => {
      freed = true;
      stop();
    };
    return {
      released,
      release: async () => {
        if (freed) return;
        released();
        // Unreleased, the lock frees itself within ttlMs; the update's replies matter more.
        await this.redis
          .releaseIfOwner(lockKey, freedKey, owner, String(FREED_MEMORY_MS))
          .catch(() => undefined);
      },
    };
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const counter = `${this.prefix}hits:${key}`;
    const [[, count]] = (await this.redis
      .multi()
      .incr(counter)
      .expire(counter, windowSeconds, 'NX')
      .exec()
      .catch(this.unavailable)) as [[Error | null, number]];
    return count;
  }

  async peek(key: string): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}hits:${key}`).catch(this.unavailable)) ?? 0);
  }

  async purgeExpired(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    for (const timer of this.heldLocks) clearInterval(timer);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
