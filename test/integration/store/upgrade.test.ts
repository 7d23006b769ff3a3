import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../../support/empty-database.js';
import { recordContents } from '../../support/record-contents.js';
import { seedUser } from '../../support/seed.js';
import { recordAudit } from '../../../src/domain/audit.js';
import { asActor } from '../../../src/domain/actors.js';
import { AUDIT_ACTIONS } from '../../../src/domain/enums.js';
import { createGroup, setUserGroups } from '../../../src/domain/groups.js';
import { createInvites } from '../../../src/domain/invites.js';
import { backupRecord } from '../../../src/store/backup.js';
import { migrate, migrateSome, migrationNames } from '../../../src/store/migrate.js';
import { restoreRecord } from '../../../src/store/restore.js';
import { createStore } from '../../../src/store/store.js';

/** The schema of the previous release (commit ae234f7): migrations 0001 to 0003. */
const PREVIOUS_RELEASE = ['0001_init', '0002_leaving', '0003_lockouts'];

const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-upgrade-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A database at the previous release's schema, with a record in it. */
async function previousRelease() {
  const database = await createEmptyDatabase();
  expect((await migrationNames()).slice(0, 3)).toEqual(PREVIOUS_RELEASE);
  expect(await migrateSome(database.url, PREVIOUS_RELEASE.length)).toEqual(PREVIOUS_RELEASE);
  const store = createStore(database.sql);
  const ada = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
  const bob = await seedUser(store, { name: 'Bob', email: 'bob@example.com' });
  await createGroup(store, { actorId: ada.id, name: 'Design' });
  await setUserGroups(store, { actorId: ada.id, userId: bob.id, groupNames: ['Design'] });
  await createInvites(store, {
    actorId: ada.id,
    emails: ['carl@example.com'],
    role: 'member',
    groupNames: [],
  });
  await recordAudit(store, { action: 'auth.locked_out', actor: 'system', details: { scope: 'login' } });
  await recordAudit(store, {
    action: 'user.erased',
    actor: asActor(ada),
    target: { id: null, name: 'Dan', email: null },
  });
  return { ...database, store };
}

/** The rows of every table but those the newer migration adds to or fills. */
function recordRows(contents: Record<string, string[]>) {
  const { schema_migrations: _migrations, audit_actions: _actions, sessions: _sessions, ...rest } = contents;
  return rest;
}

describe('upgrading from the previous release', () => {
  it('keeps every row and the audit chain when migrate applies the newer migrations', async () => {
    const { url, sql, store } = await previousRelease();
    const before = await recordContents(sql);

    expect(await migrate(url)).toEqual((await migrationNames()).slice(PREVIOUS_RELEASE.length));
    const after = await recordContents(sql);
    expect(recordRows(after)).toEqual(recordRows(before));
    expect(after.audit_log).toHaveLength(5);
    expect(await store.audit.firstBrokenAuditLink()).toBeNull();
    const allowed = await sql<{ action: string }[]>`select action from audit_actions`;
    expect(allowed.map((a) => a.action).sort()).toEqual([...AUDIT_ACTIONS].sort());

    const ada = await store.users.getUserByEmail('ada@example.com');
    await createGroup(store, { actorId: ada!.id, name: 'Ops' });
    expect(await store.audit.firstBrokenAuditLink()).toBeNull();
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
    expect(recordRows(await recordContents(target.sql))).toEqual(
      recordRows(await recordContents(previous.sql)),
    );
    expect(await createStore(target.sql).audit.firstBrokenAuditLink()).toBeNull();
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
    expect(await recordContents(target.sql)).toEqual(await recordContents(previous.sql));
    expect(await createStore(target.sql).audit.firstBrokenAuditLink()).toBeNull();
  });
});
