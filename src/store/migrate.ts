import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { AUDIT_ACTIONS } from '../domain/enums.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Applies every pending file of `migrations/` in order, then makes sure every action of
 * `AUDIT_ACTIONS` may be written to the trail. Processes starting together wait on the runner's
 * advisory lock, so each file is applied once. Returns the names applied now; the connection is
 * closed when it returns.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  // Our own client: the runner's own is ended without being awaited, still connected when it returns.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'gatehouse-migrate' });
  client.on('error', () => {});
  await client.connect();
  try {
    const applied = await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      migrationsTable: 'schema_migrations',
      advisoryLockMode: 'wait',
      singleTransaction: true,
      checkOrder: true,
      log: () => {},
      logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    });
    await client.query(
      'insert into audit_actions (action) select unnest($1::text[]) on conflict do nothing',
      [[...AUDIT_ACTIONS]],
    );
    return applied.map((m) => m.name);
  } finally {
    await client.end();
  }
}
