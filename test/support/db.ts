import { randomBytes } from 'node:crypto';
import { afterAll, inject, onTestFinished } from 'vitest';
import { getCurrentTest } from 'vitest/suite';
import postgres from 'postgres';
import { connect, type Sql } from '../../src/store/db.js';
import { createStore, type Store } from '../../src/store/store.js';
import { databaseName } from './test-run.js';

export interface TestDatabase {
  url: string;
  sql: Sql;
  store: Store;
}

/**
 * Runs `cleanup` when the current test ends if called inside one (a hook registered there would never
 * run), else after the file's (or the describe block's) tests.
 */
export function cleanUpAfter(cleanup: () => Promise<unknown>): void {
  if (getCurrentTest()) onTestFinished(async () => void (await cleanup()));
  else afterAll(async () => void (await cleanup()));
}

/** The URL of `database` on the run's Postgres server. */
export function testDatabaseUrl(database: string): string {
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * A database of this run named after `what`, empty or cloned from `template`, dropped after the
 * file's tests (and, if the file dies first, by the run's teardown or the next run's sweep).
 */
export async function createRunDatabase(what: string, template?: string): Promise<string> {
  const name = databaseName(inject('runId'), `${what}_${randomBytes(4).toString('hex')}`);
  const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  try {
    if (template) await admin`create database ${admin(name)} template ${admin(template)}`;
    else await admin`create database ${admin(name)}`;
  } finally {
    await admin.end();
  }
  cleanUpAfter(() => dropRunDatabase(name));
  return name;
}

/** Drops a database of this run; every connection to it must be closed first. */
export async function dropRunDatabase(name: string): Promise<void> {
  const admin = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
  try {
    await admin`drop database if exists ${admin(name)} with (force)`;
  } finally {
    await admin.end();
  }
}

/**
 * A fresh database for this test file, cloned from the run's migrated template, so files run in
 * parallel without seeing each other's rows. Its pool is closed before the database is dropped.
 */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const name = await createRunDatabase('db', inject('templateDatabase'));
  const url = testDatabaseUrl(name);
  const sql = connect(url, { max: options.max ?? 10 });
  cleanUpAfter(() => sql.end({ timeout: 5 }));
  return { url, sql, store: createStore(sql) };
}
