import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import postgres from 'postgres';
import { migrate, MIGRATIONS_DIR } from '../../src/store/migrate.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/store/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function migrationsDigest(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(MIGRATIONS_DIR)).sort()) {
    hash.update(file).update(await readFile(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Finds a Postgres (TEST_DATABASE_URL, the machine's, or an embedded one under ./data) and builds a
 * migrated template database once; each test file clones it (see `test/support/db.ts`).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let embedded: EmbeddedDatabase | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL ?? MACHINE_POSTGRES;
  if (!(await answers(adminUrl))) {
    if (process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL does not answer');
    embedded = await startEmbeddedPostgres('./data/test', { port: 54330, database: 'postgres' });
    adminUrl = embedded.url;
  }
  const template = `gatehouse_template_${await migrationsDigest()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) {
      const building = `${template}_build_${process.pid}`;
      await admin`drop database if exists ${admin(building)}`;
      await admin`create database ${admin(building)}`;
      await migrate(withDatabase(adminUrl, building));
      try {
        await admin`alter database ${admin(building)} rename to ${admin(template)}`;
      } catch {
        await admin`drop database if exists ${admin(building)}`;
      }
    }
  } finally {
    await admin.end();
  }
  project.provide('adminDatabaseUrl', adminUrl);
  project.provide('templateDatabase', template);
  return async () => {
    await embedded?.stop();
  };
}
