import { Redis } from 'ioredis';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/store/migrate.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/store/embedded-postgres.js';
import { postgresAnswers } from './postgres-answers.js';
import {
  DATABASE_PREFIX,
  REDIS_PREFIX,
  databaseName,
  isAbandoned,
  isRunId,
  newRunId,
  runIdOf,
} from './test-run.js';

declare module 'vitest' {
  export interface ProvidedContext {
    runId: string;
    adminDatabaseUrl: string;
    templateDatabase: string;
    /** The Redis the tests use, or '' when none answers (sessions then live in Postgres). */
    redisUrl: string;
  }
}

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const MACHINE_REDIS = 'redis://127.0.0.1:6379/0';

async function redisAnswering(url: string): Promise<Redis | undefined> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return undefined;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function dropDatabases(admin: postgres.Sql, names: string[]): Promise<void> {
  for (const name of names) await admin`drop database if exists ${admin(name)} with (force)`;
}

async function deleteKeys(redis: Redis, pattern: string, keep: (key: string) => boolean = () => false) {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    const doomed = keys.filter((k) => !keep(k));
    if (doomed.length > 0) await redis.unlink(...doomed);
  } while (cursor !== '0');
}

async function databasesOf(admin: postgres.Sql, pick: (name: string) => boolean): Promise<string[]> {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname like ${`${DATABASE_PREFIX}%`}`;
  return rows.map((r) => r.datname).filter(pick);
}

/**
 * Finds a Postgres (TEST_DATABASE_URL, the machine's, or an embedded one under ./data/test, or
 * GATEHOUSE_TEST_DATA_DIR) and a Redis
 * (REDIS_TEST_URL or the machine's; none is fine), sweeps what killed runs left behind, and builds
 * this run's migrated template database, which each test file clones (see `test/support/db.ts`).
 * The teardown drops every database and deletes every Redis key of this run.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fromEnv = process.env.GATEHOUSE_TEST_RUN;
  const runId = fromEnv && isRunId(fromEnv) ? fromEnv : newRunId();
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL ?? MACHINE_POSTGRES;
  if (!(await postgresAnswers(adminUrl))) {
    if (process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL does not answer');
    const dataDir = process.env.GATEHOUSE_TEST_DATA_DIR || './data/test';
    embedded = await startEmbeddedPostgres(dataDir, { port: 54330, database: 'postgres' });
    adminUrl = embedded.url;
  }
  const redis = await redisAnswering(process.env.REDIS_TEST_URL ?? MACHINE_REDIS);
  if (!redis) {
    if (process.env.REDIS_TEST_URL) throw new Error('REDIS_TEST_URL does not answer');
    process.env.GATEHOUSE_TEST_WITHOUT_REDIS = '1';
    console.log('No Redis answers: sessions live in Postgres, and the tests about Redis itself are skipped.');
  }

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const abandoned = (name: string) => {
    const id = runIdOf(name);
    return id !== undefined && isAbandoned(id);
  };
  await dropDatabases(admin, await databasesOf(admin, abandoned));
  if (redis) await deleteKeys(redis, `${REDIS_PREFIX}p*`, (key) => !abandoned(key));

  const template = databaseName(runId, 'template');
  await admin`create database ${admin(template)}`;
  await migrate(withDatabase(adminUrl, template));

  project.provide('runId', runId);
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('redisUrl', redis ? (process.env.REDIS_TEST_URL ?? MACHINE_REDIS) : '');
  return async () => {
    try {
      await dropDatabases(admin, await databasesOf(admin, (name) => runIdOf(name) === runId));
      if (redis) await deleteKeys(redis, `${REDIS_PREFIX}${runId}:*`);
    } finally {
      await admin.end();
      redis?.disconnect();
      await embedded?.stop();
    }
  };
}
