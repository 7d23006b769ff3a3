import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import postgres from 'postgres';
import { connect, type Sql } from '../../src/store/db.js';

/**
 * A new database with no tables at all (not cloned from the migrated template), as an operator
 * creates one to restore into; dropped after the file's tests.
 */
export async function createEmptyDatabase(): Promise<{ url: string; sql: Sql }> {
  const adminUrl = inject('adminDatabaseUrl');
  const name = `gatehouse_empty_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)}`;
  const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
  const sql = connect(url, { max: 4 });
  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await admin`drop database if exists ${admin(name)} with (force)`;
    await admin.end();
  });
  return { url, sql };
}
