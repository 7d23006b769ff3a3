import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
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
 * advisory lock, so each file is applied once. Returns the names applied now; the connection is
 * closed when it returns.
 */
export async function migrate(databaseUrl: string): Promise<string[]> {
  return withClient(databaseUrl, async (client) => {
    const applied = (await isUpToDate(client)) ? [] : await applyMigrations(client, Number.POSITIVE_INFINITY);
    await client.query(
      'insert into audit_actions (action) select unnest($1::text[]) on conflict do nothing',
      [[...AUDIT_ACTIONS]],
    );
    return applied;
  });
}

/**
 * Applies only the next `count` pending files: the schema of an older release, as a restore of
 * its backup needs it. The audit actions are left to the full `migrate` that follows.
 */
export async function migrateSome(databaseUrl: string, count: number): Promise<string[]> {
  return withClient(databaseUrl, (client) => applyMigrations(client, count));
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  // Our own client: the runner's own is ended without being awaited, still connected when it returns.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'gatehouse-migrate' });
  client.on('error', () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * True when `schema_migrations` holds exactly the files this code knows, in the runner's order: a
 * start with nothing to apply then never loads the runner (node-pg-migrate and its file loaders,
 * about 2 MB of heap for the life of the process).
 */
async function isUpToDate(client: pg.Client): Promise<boolean> {
  const [known, table] = await Promise.all([
    migrationNames(),
    client.query<{ found: boolean }>("select to_regclass('public.schema_migrations') is not null as found"),
  ]);
  if (!table.rows[0]?.found) return false;
  // The order node-pg-migrate reads them in; any difference (a file added, renamed or unknown here) is left to it.
  const { rows } = await client.query<{ name: string }>(
    'select name from public.schema_migrations order by run_on, id',
  );
  return rows.length === known.length && rows.every((row, i) => row.name === known[i]);
}

async function applyMigrations(client: pg.Client, count: number): Promise<string[]> {
  const { runner } = await import('node-pg-migrate');
  const applied = await runner({
    dbClient: client,
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
