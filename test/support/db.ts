import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import postgres from 'postgres';
import { connect, type Sql } from '../../src/store/db.js';
import { createStore, type Store } from '../../src/store/store.js';

export interface TestDatabase {
  url: string;
  sql: Sql;
  store: Store;
}

/**
 * A fresh database for this test file, cloned from the migrated template and dropped after the
 * file's tests, so files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl');
  const template = inject('templateDatabase');
  const name = `gatehouse_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)} template ${admin(template)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const sql = connect(url.toString(), { max: options.max ?? 10 });
  afterAll(async () => {
    await sql.end({ timeout: 5 });
    await admin`drop database if exists ${admin(name)} with (force)`;
    await admin.end();
  });
  return { url: url.toString(), sql, store: createStore(sql) };
}
