import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import postgres from 'postgres';
import { AUDIT_ACTIONS } from '../domain/enums.js';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** The migrations this code knows, oldest first, named as `schema_migrations` records them. */
export async function migrationNames(): Promise<string[]> {
  const files = await readdir(MIGRATIONS_DIR);
  return files
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.slice(0, -'.sql'.length));
}

/**
 * Applies every pending file of `migrations/` in order, then makes sure every action of
 * `AUDIT_ACTIONS` may be written to the trail. Processes starting together wait on the runner's
 * advisory lock, so each file is applied once. Returns the names applied now.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const applied = await applyMigrations(databaseUrl, Number.POSITIVE_INFINITY);
  await allowAuditActions(databaseUrl);
  return applied;
}

/**
 * Applies only the next `count` pending files: the schema of an older release, as a restore of
 * its backup needs it. The audit actions are left to the full `migrate` that follows.
 */
export async function migrateSome(databaseUrl: string, count: number): Promise<string[]> {
  return applyMigrations(databaseUrl, count);
}

async function applyMigrations(databaseUrl: string, count: number): Promise<string[]> {
  const applied = await runner({
    databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: 'up',
    count,
    migrationsTable: 'schema_migrations',
    advisoryLockMode: 'wait',
    singleTransaction: true,
    checkOrder: true,
    log: () => {},
    logger: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
  });
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
