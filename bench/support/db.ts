import postgres from 'postgres';
import { connect, type Sql } from '../../src/store/db.js';
import { migrate } from '../../src/store/migrate.js';
import { createStore, type Store } from '../../src/store/store.js';

/** The server the benchmarks use: BENCH_DATABASE_URL, DATABASE_URL, or the machine's Postgres. */
const SERVER_URL =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(databaseUrl('postgres'), { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

/** Drops and recreates database `name`, migrated; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  await withAdmin(async (admin) => {
    await admin`drop database if exists ${admin(name)} with (force)`;
    await admin`create database ${admin(name)}`;
  });
  const url = databaseUrl(name);
  await migrate(url);
  return url;
}

/** Creates database `name` unless it exists, then applies pending migrations; returns its URL. */
export async function keptDatabase(name: string): Promise<string> {
  await withAdmin(async (admin) => {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) await admin`create database ${admin(name)}`;
  });
  const url = databaseUrl(name);
  await migrate(url);
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin`drop database if exists ${admin(name)} with (force)`);
}

export interface Record {
  sql: Sql;
  store: Store;
  close(): Promise<void>;
}

/** A pool as production opens it (10 connections by default). */
export function openRecord(url: string, max = 10): Record {
  const sql = connect(url, { max });
  return { sql, store: createStore(sql), close: () => sql.end({ timeout: 5 }) };
}

/** The same pool (the options of `connect`), counting the statements it runs. */
export function countingRecord(url: string): Record & { queries: () => number } {
  let queries = 0;
  const sql = postgres(url, {
    max: 10,
    onnotice: () => {},
    transform: { ...postgres.camel, undefined: null },
    debug: () => void (queries += 1),
  });
  return { sql, store: createStore(sql), close: () => sql.end({ timeout: 5 }), queries: () => queries };
}
