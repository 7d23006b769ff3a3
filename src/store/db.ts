import postgres, { type Sql, type TransactionSql } from 'postgres';

/** A connection pool or one transaction: store functions run in either. */
export type Db = Sql | TransactionSql;

export type { Sql };

/**
 * Seconds before reconnecting after `retries` failed connections. postgres.js counts failures of the
 * whole pool and waits up to 20 s, holding every query meanwhile; while the database restarts a
 * person should get a prompt "try again" instead, and the bot reconnect within a second of its return.
 */
function reconnectDelay(retries: number): number {
  return Math.min(0.05 * 2 ** retries, 1);
}

/**
 * Opens a pool; `max` bounds its connections. Columns read and written in camelCase map to the
 * snake_case ones of the schema. Notices (e.g. "already exists") stay out of the logs.
 */
export function connect(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'gatehouse' },
    backoff: reconnectDelay,
    connect_timeout: 10,
    transform: { ...postgres.camel, undefined: null },
  });
}
