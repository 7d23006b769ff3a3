import { Redis } from 'ioredis';
import postgres from 'postgres';
import { connect, type Sql } from './db.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrate.js';
import { createStore, type AuditSettings, type Store } from './store.js';
import type { SessionStore } from './sessions.js';
import { RedisSessionStore } from './sessions-redis.js';
import { PostgresSessionStore } from './sessions-postgres.js';
import { StartupError } from '../startup-error.js';

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

/** How long a start waits for DATABASE_URL or REDIS_URL to answer. */
const REACH_TIMEOUT_SECONDS = 10;

/** Host, port and database of a URL: what an operator needs to find it, without its password. */
function address(url: string, defaultPort: number): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || defaultPort}${u.pathname.length > 1 ? u.pathname : ''}`;
}

function reasonOf(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ECONNREFUSED') return 'nothing answers there';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'that host name is unknown';
  if (code === 'CONNECT_TIMEOUT' || code === 'ETIMEDOUT')
    return `no answer within ${REACH_TIMEOUT_SECONDS} s`;
  if (code === '28P01' || code === '28000') return 'it refused the user name or password';
  if (code === '3D000') return 'that database does not exist';
  return message ?? String(error);
}

/** Fails with one line naming DATABASE_URL's address and what to check when it cannot be used. */
async function reachDatabase(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, connect_timeout: REACH_TIMEOUT_SECONDS, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    throw new StartupError(
      `Cannot use the database at DATABASE_URL (${address(url, 5432)}): ${reasonOf(error)}. Check that ` +
        'PostgreSQL runs there and the URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** Fails with one line naming REDIS_URL's address and what to check when Redis does not answer. */
export async function reachRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: REACH_TIMEOUT_SECONDS * 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The connection's own error says why; the failed command only says that it closed.
  let cause: unknown;
  redis.on('error', (error) => (cause ??= error));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('late'), { code: 'ETIMEDOUT' })),
      REACH_TIMEOUT_SECONDS * 1000,
    );
  });
  try {
    await Promise.race([redis.connect().then(() => redis.ping()), late]);
  } catch (error) {
    throw new StartupError(
      `Cannot use Redis at REDIS_URL (${address(url, 6379)}): ${reasonOf(cause ?? error)}. Start Redis there, ` +
        'or unset REDIS_URL to keep conversations in the database.',
    );
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL under `dataDir` when it is unset,
 * and brings the schema up to date unless `migrate` is false (backups and restores leave the
 * schema as they find it). The store writes the audit trail with `audit`. Throws StartupError when
 * the database cannot be used.
 */
export async function openRecord(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  audit: AuditSettings;
  maxConnections?: number;
  migrate?: boolean;
}): Promise<OpenedRecord> {
  if (options.databaseUrl) await reachDatabase(options.databaseUrl);
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
