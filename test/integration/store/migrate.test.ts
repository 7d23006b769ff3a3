import { describe, expect, it } from 'vitest';
import { readdir } from 'node:fs/promises';
import postgres from 'postgres';
import { createRunDatabase, testDatabaseUrl } from '../../support/db.js';
import { migrate, MIGRATIONS_DIR } from '../../../src/store/migrate.js';

const url = testDatabaseUrl(await createRunDatabase('migrate'));

describe('migrate', () => {
  it('applies each file once when two processes start at the same moment', async () => {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const [first, second] = await Promise.all([migrate(url), migrate(url)]);
    expect([...first!, ...second!].sort()).toEqual(files.map((f) => f.replace(/\.sql$/, '')).sort());
    const db = postgres(url, { max: 1, onnotice: () => {} });
    const rows = await db<{ name: string }[]>`select name from schema_migrations order by id`;
    await db.end();
    expect(rows.map((r) => r.name)).toEqual(files.map((f) => f.replace(/\.sql$/, '')));
  });

  it('does nothing on a database that is up to date', async () => {
    expect(await migrate(url)).toEqual([]);
  });

  it('still refuses a database whose applied migrations disagree with the files', async () => {
    const renamed = testDatabaseUrl(await createRunDatabase('migrate_renamed'));
    await migrate(renamed);
    const db = postgres(renamed, { max: 1, onnotice: () => {} });
    await db`update schema_migrations set name = 'renamed_elsewhere' where id = (select max(id) from schema_migrations)`;
    await db.end();
    await expect(migrate(renamed)).rejects.toThrow(/renamed_elsewhere/);
  });
});
