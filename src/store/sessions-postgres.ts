import { randomUUID } from 'node:crypto';
import type { Sql } from './db.js';
import {
  lockThenLoad,
  renewWhileHeld,
  type HeldSession,
  type SessionStore,
  type StoredSession,
} from './sessions.js';

/** Sessions in the record's `sessions` table, for a deployment without Redis. */
export class PostgresSessionStore implements SessionStore {
  private readonly heldLocks = new Set<NodeJS.Timeout>();
  readonly tellsWhenLockFreed = false;

  constructor(private readonly sql: Sql) {}

  async load(key: string): Promise<StoredSession | undefined> {
    const [row] = await this.sql<{ version: string; data: string }[]>`
      select version, data from sessions where key = ${key} and expires_at > now() and version > 0`;
    return row ? { version: Number(row.version), data: row.data } : undefined;
  }

  async save(key: string, data: string, expectedVersion: number, ttlSeconds: number): Promise<boolean> {
    const expires = this.sql`now() + make_interval(secs => ${ttlSeconds})`;
    // A missing row is "nothing stored": only a save expecting nothing may insert it.
    const rows =
      expectedVersion === 0
        ? await this.sql`
            insert into sessions (key, version, data, expires_at) values (${key}, 1, ${data}, ${expires})
            on conflict (key) do update
              set version = sessions.version + 1, data = excluded.data, expires_at = excluded.expires_at
              where sessions.expires_at <= now() or sessions.version = 0
            returning key`
        : await this.sql`
            update sessions set version = version + 1, data = ${data}, expires_at = ${expires}
            where key = ${key} and version = ${expectedVersion} and expires_at > now()
            returning key`;
    return rows.length === 1;
  }

  async endByPrefix(prefix: string): Promise<number> {
    const pattern = prefix.replace(/[\\%_]/g, '\\$&') + '%';
    // Locks (version 0) and counters (no data) share the table; only conversations with state end.
    const result = await this.sql`
      update sessions set version = version + 1, data = ''
      where key like ${pattern} and version > 0 and data <> '' and expires_at > now()`;
    return result.count;
  }

  async tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const lockKey = `lock:${key}`;
    const owner = randomUUID();
    const rows = await this.sql`
      insert into sessions (key, version, data, expires_at)
      values (${lockKey}, 0, ${owner}, clock_timestamp() + make_interval(secs => ${ttlMs / 1000}))
      on conflict (key) do update set data = excluded.data, expires_at = excluded.expires_at
      where sessions.expires_at <= clock_timestamp()
      returning key`;
    if (rows.length === 0) return undefined;
    const stop = renewWhileHeld(
      () => this.sql`
        update sessions set expires_at = clock_timestamp() + make_interval(secs => ${ttlMs / 1000})
        where key = ${lockKey} and data = ${owner}`,
      ttlMs,
      this.heldLocks,
    );
    return async () => {
      stop();
      await this.sql`delete from sessions where key = ${lockKey} and data = ${owner}`;
    };
  }

  lockAndLoad(key: string, ttlMs: number): Promise<HeldSession | undefined> {
    return lockThenLoad(this, key, ttlMs);
  }

  async hit(key: string, windowSeconds: number): Promise<number> {
    const [row] = await this.sql<{ version: string }[]>`
      insert into sessions (key, version, data, expires_at)
      values (${`hits:${key}`}, 1, '', now() + make_interval(secs => ${windowSeconds}))
      on conflict (key) do update set
        version = case when sessions.expires_at <= now() then 1 else sessions.version + 1 end,
        expires_at = case when sessions.expires_at <= now() then excluded.expires_at else sessions.expires_at end
      returning version`;
    return Number(row!.version);
  }

  async peek(key: string): Promise<number> {
    const [row] = await this.sql<{ version: string }[]>`
      select version from sessions where key = ${`hits:${key}`} and expires_at > now()`;
    return Number(row?.version ?? 0);
  }

  async purgeExpired(): Promise<number> {
    const result = await this.sql`delete from sessions where expires_at <= now()`;
    return result.count;
  }

  async close(): Promise<void> {
    for (const timer of this.heldLocks) clearInterval(timer);
  }
}
