import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import postgres from 'postgres';
import { AUDIT_ACTIONS } from '../domain/enums.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * Applies every pending file of `migrations/` in order, then makes sure every action of
 * `AUDIT_ACTIONS` may be written to the trail. Processes starting together wait on the runner's
 * advisory lock, so each file is applied once. Returns the names applied now.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    migrationsTable: 'schema_migrations',
    advisoryLockMode: 'wait',
    singleTransaction: true,
    checkOrder: true,
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
  await allowAuditActions(databaseUrl);
  return applied.map((m) => m.name);
}

async function allowAuditActions(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`
      insert into audit_actions (action) select unnest(${[...AUDIT_ACTIONS]}::text[])
      on conflict do nothing`;
  } finally {
    await sql.end();
  }
}
