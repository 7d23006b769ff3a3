import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { createEmptyDatabase } from '../../support/empty-database.js';
import { Person, shown, testEngine } from '../../support/engine.js';
import { recordContents, sequencePositions } from '../../support/record-contents.js';
import { GOOD_PASSWORD } from '../../support/seed.js';
import { createSetupInvite } from '../../../src/domain/invites.js';
import { ARCHIVE_FORMAT, ArchiveWriter } from '../../../src/store/archive.js';
import { migrationNames } from '../../../src/store/migrate.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createStore } from '../../../src/store/store.js';
import { verifyAuditChain } from '../../../src/domain/audit-chain.js';
import type { Sql } from '../../../src/store/db.js';

const run = promisify(execFile);
const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-backup-'));
const backupFile = path.join(dir, 'gatehouse.jsonl.gz');
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A command as an operator runs it: a child process with the database in its environment. */
function command(
  script: 'backup' | 'restore',
  args: string[],
  databaseUrl: string,
  env: Record<string, string> = {},
) {
  return run(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: '',
      LOG_LEVEL: 'silent',
      // The key the record's audit trail was written with, as the operator keeps it beside a backup.
      AUDIT_KEY: source.store.auditTrail.key.toString('hex'),
      ...env,
    },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

function linkIn(replies: Person['last']): string {
  const text = replies.map((r) => (r.type === 'text' ? shown(r.text) : '')).join('\n');
  const match = text.match(/start=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no link in:\n${text}`);
  return match[1]!;
}

/** Every table's rows but the conversation state's, which no backup holds. */
function withoutSessions(contents: Record<string, string[]>) {
  const { sessions: _sessions, staged_passwords: _staged, ...rest } = contents;
  return rest;
}

/** The schema this code migrates to: its newest migration. */
const CURRENT = (await migrationNames()).at(-1)!;

const source = await createTestDatabase();
const engine = testEngine(source.store, new PostgresSessionStore(source.sql));

/**
 * A record made through the commands: an admin, a group with a restricted agent, a member who
 * saved an interview, an admin who was erased, a pending and a revoked invite, a reset link, and
 * a step left half-way (conversation state, which no backup holds).
 */
async function makeRecord(): Promise<void> {
  const ada = new Person(engine, 'ada');
  await ada.say(`/start ${(await createSetupInvite(source.store)).payload}`);
  await ada.say('Ada');
  await ada.say('ada@example.com');
  await ada.say(GOOD_PASSWORD);
  expect(await ada.say(GOOD_PASSWORD)).toMatch(/Your account is ready/);
  await ada.say('/skip');
  expect(await ada.say('/group create Design')).toBe('Group Design is created.');
  await ada.say('/agent create Figma-helper Helps with Figma');
  expect(await ada.say('/agent access Figma-helper Design')).toBe('Figma-helper: only Design.');

  await ada.say('/invite bob@example.com member group:Design');
  await ada.tap('Create');
  const bob = new Person(engine, 'bob');
  await bob.say(`/start ${linkIn(ada.last)}`);
  await bob.say('Bob');
  await bob.say(GOOD_PASSWORD);
  expect(await bob.say(GOOD_PASSWORD)).toMatch(/Your account is ready/);
  await bob.say('Designer on the mobile app');
  await bob.say('Mobile');
  await bob.say('English');
  await bob.say('Short and casual');
  await bob.say('Shipping the beta');
  expect(await bob.tap('Save')).toMatch(/Saved/);

  await ada.say('/invite carl@example.com admin');
  await ada.tap('Create');
  const carl = new Person(engine, 'carl');
  await carl.say(`/start ${linkIn(ada.last)}`);
  await carl.say('Carl');
  await carl.say(GOOD_PASSWORD);
  expect(await carl.say(GOOD_PASSWORD)).toMatch(/Your account is ready/);
  await carl.say('/skip');

  await ada.say('/invite dan@example.com member');
  await ada.tap('Create');
  await ada.say('/invite eve@example.com member');
  const eve = (await ada.tap('Create')).match(/Invite (\w{8}) for eve/)![1]!;
  expect(await ada.say(`/revoke ${eve}`)).toMatch(/is revoked/);
  expect(await ada.say('/resetpassword bob@example.com')).toMatch(/A reset link for Bob/);
  await ada.say('/delete carl@example.com');
  expect(await ada.say('carl@example.com')).toBe('Carl is erased.');
  expect(await bob.say('/agents')).toMatch(/Figma-helper/);
  expect(await ada.say('/invite')).toMatch(/\?/);
}

/** The per-table counts of a command's report: the line after the summary. */
function countsIn(report: string): string {
  return report.split('\n')[1]!.trim();
}

async function writeArchive(file: string, migrations: string[]): Promise<void> {
  const archive = new ArchiveWriter(createWriteStream(file));
  await archive.header({
    format: ARCHIVE_FORMAT,
    formatVersion: 1,
    takenAt: new Date().toISOString(),
    schemaVersion: migrations.at(-1)!,
    migrations,
    tables: [],
    leftOut: [],
  });
  await archive.end([]);
}

async function tablesIn(sql: Sql): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from pg_tables where schemaname = current_schema()`;
  return row!.count;
}

await makeRecord();
const target = await createEmptyDatabase();
const [newerTarget, damagedTarget] = [await createEmptyDatabase(), await createEmptyDatabase()];

describe('npm run backup, then npm run restore into an empty database', () => {
  it('restores every row of every table but the sessions, and the audit chain verifies', async () => {
    const backup = await command('backup', [backupFile], source.url);
    expect(backup).toMatchObject({ code: 0, stdout: '' });
    expect(backup.stderr).toMatch(
      new RegExp(
        `^Backed up \\d+ rows at schema ${CURRENT} to .*gatehouse\\.jsonl\\.gz \\(left out: sessions, staged_passwords\\):\n {2}` +
          'access_epoch \\d+, agent_groups 1, agents \\d+, audit_actions \\d+, audit_log \\d+, .*users 2\n$',
      ),
    );
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);

    const sessionKeys = await source.sql<{ key: string }[]>`select key from sessions`;
    expect(sessionKeys.length).toBeGreaterThan(0);
    const archived = gunzipSync(await readFile(backupFile)).toString();
    for (const { key } of sessionKeys) expect(archived).not.toContain(key);

    const { url, sql } = target;
    const restore = await command('restore', [backupFile], url);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(restore.stdout).toMatch(new RegExp(`^Restored \\d+ rows at schema ${CURRENT}, backed up at `));
    expect(restore.stdout).toMatch(/\nNo newer migrations to apply\.\nThe audit trail verifies: \d+ rows/);
    expect(countsIn(restore.stdout)).toBe(countsIn(backup.stderr));

    const restored = await recordContents(sql);
    expect(restored.sessions).toEqual([]);
    expect(withoutSessions(restored)).toEqual(withoutSessions(await recordContents(source.sql)));
    expect(await sequencePositions(sql)).toEqual(await sequencePositions(source.sql));
  }, 60_000);

  it('gives a record that carries on: the next change appends to the same audit chain', async () => {
    const { sql } = target;
    const store = createStore(sql, { key: source.store.auditTrail.key, erasure: 'keep' });
    const newestId = async () =>
      (await sql<{ id: number }[]>`select max(id)::int as id from audit_log`)[0]!.id;
    const before = await newestId();
    const ada = new Person(testEngine(store, new PostgresSessionStore(sql)), 'ada');
    expect(await ada.say('/group create Ops')).toBe('Group Ops is created.');
    expect(await newestId()).toBe(before + 1);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });

  it('refuses a database that holds rows, in one line, and changes nothing', async () => {
    const { url, sql } = target;
    const before = await recordContents(sql);
    const restore = await command('restore', [backupFile], url);
    expect(restore).toMatchObject({ code: 1, stdout: '' });
    expect(restore.stderr).toMatch(
      /^The database is not empty \([a-z_, ]+ hold rows\): restore into a new database or a new DATA_DIR\.\n$/,
    );
    expect(await recordContents(sql)).toEqual(before);
  }, 60_000);
});

describe('npm run restore refuses', () => {
  it('without the audit key the trail was written with, in one line, creating nothing', async () => {
    const { url, sql } = newerTarget;
    const restore = await command('restore', [backupFile], url, { AUDIT_KEY: '', DATA_DIR: dir });
    expect(restore).toMatchObject({ code: 1, stdout: '' });
    expect(restore.stderr).toMatch(/^No audit key: set AUDIT_KEY, or put the audit.key .*\n$/);
    expect(await tablesIn(sql)).toBe(0);
  }, 60_000);

  it('a backup from a newer schema, in one line, creating nothing', async () => {
    const { url, sql } = newerTarget;
    const newer = path.join(dir, 'newer.jsonl.gz');
    await writeArchive(newer, [...(await migrationNames()), '9999_future']);
    const restore = await command('restore', [newer], url);
    expect(restore).toMatchObject({ code: 1, stdout: '' });
    expect(restore.stderr).toBe(
      `The backup is at schema 9999_future, newer than this Gatehouse (${CURRENT}): restore it with the version that wrote it.\n`,
    );
    expect(await tablesIn(sql)).toBe(0);
  }, 60_000);

  it('a damaged backup, loading none of it, and takes the intact one afterwards', async () => {
    const { url, sql } = damagedTarget;
    const damaged = path.join(dir, 'damaged.jsonl.gz');
    const text = gunzipSync(await readFile(backupFile)).toString();
    await writeFile(damaged, gzipSync(text.replace('"Figma-helper"', '"Figma-hacker"')));
    const refused = await command('restore', [damaged], url);
    expect(refused).toMatchObject({
      code: 1,
      stderr: 'The backup is damaged: its checksum does not match.\n',
    });
    const left = await recordContents(sql);
    expect(
      Object.entries(left)
        .filter(([, rows]) => rows.length > 0)
        .map(([table]) => table),
    ).toEqual(['schema_migrations']);

    expect(await command('restore', [backupFile], url)).toMatchObject({ code: 0, stderr: '' });
    expect(withoutSessions(await recordContents(sql))).toEqual(
      withoutSessions(await recordContents(source.sql)),
    );
  }, 60_000);
});
