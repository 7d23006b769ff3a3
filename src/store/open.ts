import { connect, type Sql } from './db.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';
import { createStore, type Store } from './store.js';
import type { SessionStore } from './sessions.js';
import { RedisSessionStore } from './sessions-redis.js';
import { PostgresSessionStore } from './sessions-postgres.js';

export interface OpenedRecord {
  /** Where the record is, for tools that open their own connection (the migration runner). */
  readonly url: string;
  readonly sql: Sql;
  readonly store: Store;
  /** True when the database runs inside this process (no DATABASE_URL). */
  readonly embedded: boolean;
  /** Migrations applied while opening, oldest first. */
  readonly applied: string[];
  close(): Promise<void>;
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under `dataDir` when it is unset,
 * and brings the schema up to date unless `migrate` is false (backups and restores leave the
 * schema as they find it).
 */
export async function openRecord(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  maxConnections?: number;
  migrate?: boolean;
}): Promise<OpenedRecord> {
  const embedded = options.databaseUrl ? undefined : await startEmbeddedPostgres(options.dataDir);
  const url = options.databaseUrl ?? embedded!.url;
  let applied: string[] = [];
  try {
    if (options.migrate ?? true) applied = await migrate(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const sql = connect(url, { max: options.maxConnections ?? 10 });
  return {
    url,
    sql,
    store: createStore(sql),
    embedded: embedded !== undefined,
    applied,
    close: async () => {
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}

/** Conversation state in Redis when REDIS_URL is set, else in the record's own table. */
export function openSessionStore(redisUrl: string | undefined, record: OpenedRecord): SessionStore {
  return redisUrl ? new RedisSessionStore(redisUrl) : new PostgresSessionStore(record.sql);
}
