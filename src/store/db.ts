import postgres, { type Sql, type TransactionSql } from 'postgres';

/** A connection pool or one transaction: store functions run in either. */
export type Db = Sql | TransactionSql;

export type { Sql };

/**
 * Opens a pool; `max` bounds its connections. Columns read and written in camelCase map to the
 * snake_case ones of the schema. Notices (e.g. "already exists") stay out of the logs.
 */
export function connect(url: string, options: { max?: number } = {}): Sql {
  return postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'gatehouse' },
    transform: { ...postgres.camel, undefined: null },
  });
}
