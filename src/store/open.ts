import { connect, type Sql } from './db.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';
import { createStore, type AuditSettings, type Store } from './store.js';
import type { SessionStore } from './sessions.js';
import { RedisSessionStore } from './sessions-redis.js';
import { PostgresSessionStore } from './sessions-postgres.js';

export interface OpenedRecord {
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
 * and brings the schema up to date. The store writes the audit trail with `audit`.
 */
export async function openRecord(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  audit: AuditSettings;
  maxConnections?: number;
}): Promise<OpenedRecord> {
  const embedded = options.databaseUrl ? undefined : await startEmbeddedPostgres(options.dataDir);
  const url = options.databaseUrl ?? embedded!.url;
  let applied: string[];
  try {
    applied = await migrate(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const sql = connect(url, { max: options.maxConnections ?? 10 });
  return {
    sql,
    store: createStore(sql, options.audit),
    embedded: embedded !== undefined,
    applied,
    close: async () => {
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}

/**
 * Conversation state in Redis when REDIS_URL is set (every key under `keyPrefix`, so deployments can
 * share one Redis), else in the record's own table.
 */
export function openSessionStore(
  settings: { REDIS_URL?: string | undefined; REDIS_KEY_PREFIX: string },
  record: OpenedRecord,
): SessionStore {
  return settings.REDIS_URL
    ? new RedisSessionStore(settings.REDIS_URL, settings.REDIS_KEY_PREFIX)
    : new PostgresSessionStore(record.sql);
}
