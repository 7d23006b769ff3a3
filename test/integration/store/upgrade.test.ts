import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../support/empty-database.js';
import { recordContents, tableColumns } from '../../support/record-contents.js';
import { AUDIT_ACTIONS } from '../../../src/domain/enums.js';
import { createGroup } from '../../../src/domain/groups.js';
import { backupRecord } from '../../../src/store/backup.js';
import { migrate, migrateSome, migrationNames } from '../../../src/store/migrate.js';
import { restoreRecord } from '../../../src/store/restore.js';
import { createStore } from '../../../src/store/store.js';
import { verifyAuditChain } from '../../../src/domain/audit-chain.js';

/** The schema of the previous release (commit ae234f7): migrations 0001 to 0003. */
const PREVIOUS_RELEASE = ['0001_init', '0002_leaving', '0003_lockouts'];

const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-upgrade-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * A database at the previous release's schema, with a record written as that release wrote it: its
 * own statements (today's code writes columns it lacks), its audit trigger hashing the chain.
 */
async function previousRelease() {
  const database = await createEmptyDatabase();
  expect((await migrationNames()).slice(0, 3)).toEqual(PREVIOUS_RELEASE);
  expect(await migrateSome(database.url, PREVIOUS_RELEASE.length)).toEqual(PREVIOUS_RELEASE);
  const { sql } = database;
  const [ada] = await sql<{ id: string }[]>`
    insert into users (name, email, role, password_hash) values ('Ada', 'ada@example.com', 'admin', 'x')
    returning id`;
  const [bob] = await sql<{ id: string }[]>`
    insert into users (name, email, role, password_hash, invited_by)
    values ('Bob', 'bob@example.com', 'member', 'x', ${ada!.id}) returning id`;
  const [design] = await sql<{ id: string }[]>`insert into groups (name) values ('Design') returning id`;
  await sql`insert into group_members (group_id, user_id) values (${design!.id}, ${bob!.id})`;
  await sql`
    insert into invites (token_hash, email, role, expires_at, created_by)
    values (${randomBytes(32)}, 'carl@example.com', 'member', now() + interval '7 days', ${ada!.id})`;
  const audit = (action: string, details: object, target?: { id: string | null; name: string }) => sql`
    insert into audit_log (action, actor_id, actor_name, actor_email, target_id, target_name, details)
    values (${action}, ${ada!.id}, 'Ada', 'ada@example.com', ${target?.id ?? null}, ${target?.name ?? null},
      ${sql.json(details as never)})`;
  await audit('group.created', { name: 'Design' });
  await audit('user.groups_updated', { before: [], after: ['Design'] }, { id: bob!.id, name: 'Bob' });
  await audit('user.invited', { role: 'member' });
  await audit('auth.locked_out', { scope: 'login' });
  await audit('user.erased', {}, { id: null, name: 'Dan' });
  // Rows the old trigger hashed verify under any key: they carry the unkeyed scheme.
  return { ...database, store: createStore(sql) };
}

/** The rows of every table but those the newer migration adds to or fills. */
function recordRows(contents: Record<string, string[]>) {
  const { schema_migrations: _migrations, audit_actions: _actions, sessions: _sessions, ...rest } = contents;
  return rest;
}

describe('upgrading from the previous release', () => {
  it('keeps every row and the audit chain when migrate applies the newer migrations', async () => {
    const { url, sql, store } = await previousRelease();
    const columns = await tableColumns(sql);
    const before = await recordContents(sql, columns);

    expect(await migrate(url)).toEqual((await migrationNames()).slice(PREVIOUS_RELEASE.length));
    const after = await recordContents(sql, columns);
    expect(recordRows(after)).toEqual(recordRows(before));
    expect(after.audit_log).toHaveLength(5);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
    const allowed = await sql<{ action: string }[]>`select action from audit_actions`;
    expect(allowed.map((a) => a.action).sort()).toEqual([...AUDIT_ACTIONS].sort());

    const ada = await store.users.getUserByEmail('ada@example.com');
    await createGroup(store, { actorId: ada!.id, name: 'Ops' });
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });

  it('restores a backup of the previous release into an empty database, then applies the newer migrations', async () => {
    const previous = await previousRelease();
    const file = path.join(dir, 'previous-release.jsonl.gz');
    const summary = await backupRecord(previous.sql, createWriteStream(file));
    expect(summary.schemaVersion).toBe('0003_lockouts');
    expect(summary.rows).not.toHaveProperty('audit_actions');

    const target = await createEmptyDatabase();
    const { header, applied } = await restoreRecord(target.url, target.sql, file);
    expect(header.migrations).toEqual(PREVIOUS_RELEASE);
    expect(applied).toEqual((await migrationNames()).slice(PREVIOUS_RELEASE.length));
    const columns = await tableColumns(previous.sql);
    expect(recordRows(await recordContents(target.sql, columns))).toEqual(
      recordRows(await recordContents(previous.sql, columns)),
    );
    expect((await verifyAuditChain(createStore(target.sql))).broken).toEqual([]);
  });

  it('rolls back: restores a backup at its own schema, without the newer migrations, for the release that wrote it', async () => {
    const previous = await previousRelease();
    const file = path.join(dir, 'rollback.jsonl.gz');
    await backupRecord(previous.sql, createWriteStream(file));

    const target = await createEmptyDatabase();
    const { applied } = await restoreRecord(target.url, target.sql, file, { upgrade: false });
    expect(applied).toEqual([]);
    const schema = await target.sql<{ name: string }[]>`select name from schema_migrations order by id`;
    expect(schema.map((m) => m.name)).toEqual(PREVIOUS_RELEASE);
    // Every row as it was, hashes included: the old release's own check verifies it as before.
    expect(await recordContents(target.sql)).toEqual(await recordContents(previous.sql));
  });
});
