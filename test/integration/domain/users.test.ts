import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { linkChat, seedUser } from '../../support/seed.js';
import type { Sql } from '../../../src/store/db.js';
import type { Store } from '../../../src/store/store.js';
import type { UserRow } from '../../../src/store/users.js';
import { createInvites } from '../../../src/domain/invites.js';
import { issueResetLink, resolveResetToken } from '../../../src/domain/resets.js';
import { hashToken } from '../../../src/domain/tokens.js';
import {
  changeRole,
  deactivateUser,
  findUser,
  getUserDetail,
  resolveUserReference,
  listDirectory,
  reactivateUser,
  renameUser,
  touchLastSeen,
  type DirectoryEntry,
} from '../../../src/domain/users.js';
import {
  AccountFrozenError,
  AmbiguousUserError,
  LastAdminError,
  NoChangeError,
  NotAdminError,
  SeatLimitError,
  SelfActionError,
  UnknownUserError,
  UserDeactivatedError,
  ValidationError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
/** Where only the admins a test seeds are active, so "the last active admin" is theirs to reach. */
const lone = await createTestDatabase({ max: 6 });
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });

async function count(db: Sql, table: 'audit_log' | 'users'): Promise<number> {
  const [row] = await db<{ n: number }[]>`select count(*)::int as n from ${db(table)}`;
  return row!.n;
}

async function activeAdmins(db: Sql): Promise<number> {
  const [row] = await db<{ n: number }[]>`
    select count(*)::int as n from users where role = 'admin' and status = 'active'`;
  return row!.n;
}

/** Two fresh active admins who are the only active admins of the `lone` database. */
async function onlyTwoAdmins(): Promise<[UserRow, UserRow]> {
  const a = await seedUser(lone.store, { role: 'admin' });
  const b = await seedUser(lone.store, { role: 'admin' });
  await lone.sql`
    update users set role = 'member' where role = 'admin' and id not in (${a.id}, ${b.id})`;
  return [a, b];
}

/** Resolves once some statement of this database waits for an advisory lock. */
async function someoneWaitsForTheAdminLock(db: Sql): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const [row] = await db<{ n: number }[]>`
      select count(*)::int as n from pg_locks
      where locktype = 'advisory' and not granted
        and database = (select oid from pg_database where datname = current_database())`;
    if (row!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('nobody waited for the admin lock');
}

function personalAgent(s: Store, ownerId: string, name: string) {
  return s.agents.insertAgent({
    name,
    description: '',
    instructions: '',
    visibility: 'restricted',
    ownerId,
    createdBy: ownerId,
  });
}

describe('changeRole', () => {
  it('promotes and demotes, auditing actor, target and the roles before and after', async () => {
    const bob = await seedUser(store, { name: 'Bob', email: 'bob@example.com' });
    const promoted = await changeRole(store, { actorId: admin.id, userId: bob.id, role: 'admin' });
    expect(promoted.role).toBe('admin');
    await changeRole(store, { actorId: admin.id, userId: bob.id, role: 'member' });
    expect((await store.users.getUserById(bob.id))!.role).toBe('member');
    const rows = await sql`
      select * from audit_log where action = 'user.role_updated' and target_id = ${bob.id} order by id`;
    expect(rows.map((r) => r.details)).toEqual([
      { before: 'member', after: 'admin' },
      { before: 'admin', after: 'member' },
    ]);
    expect(rows[0]).toMatchObject({
      actorId: admin.id,
      actorName: 'Ada',
      actorEmail: 'ada@example.com',
      targetId: bob.id,
      targetName: 'Bob',
      targetEmail: 'bob@example.com',
    });
  });

  it('refuses an admin changing their own role and writes nothing', async () => {
    const audits = await count(sql, 'audit_log');
    await expect(
      changeRole(store, { actorId: admin.id, userId: admin.id, role: 'member' }),
    ).rejects.toBeInstanceOf(SelfActionError);
    expect((await store.users.getUserById(admin.id))!.role).toBe('admin');
    expect(await count(sql, 'audit_log')).toBe(audits);
  });

  it('refuses giving someone the role they already have', async () => {
    const member = await seedUser(store);
    await expect(
      changeRole(store, { actorId: admin.id, userId: member.id, role: 'member' }),
    ).rejects.toBeInstanceOf(NoChangeError);
  });

  it('refuses a member with NotAdminError', async () => {
    const member = await seedUser(store);
    const other = await seedUser(store);
    await expect(
      changeRole(store, { actorId: member.id, userId: other.id, role: 'admin' }),
    ).rejects.toBeInstanceOf(NotAdminError);
    expect((await store.users.getUserById(other.id))!.role).toBe('member');
  });

  it('refuses a role that does not exist and writes nothing', async () => {
    const other = await seedUser(store);
    const audits = await count(sql, 'audit_log');
    await expect(
      changeRole(store, { actorId: admin.id, userId: other.id, role: 'owner' as 'admin' }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await count(sql, 'audit_log')).toBe(audits);
  });

  it('refuses an unknown user', async () => {
    await expect(
      changeRole(store, { actorId: admin.id, userId: '00000000-0000-4000-8000-000000000000', role: 'admin' }),
    ).rejects.toBeInstanceOf(UnknownUserError);
  });

  it('refuses to change the role of a deactivated person and writes nothing', async () => {
    const gone = await seedUser(store, { name: 'Gone', status: 'deactivated' });
    const audits = await count(sql, 'audit_log');
    await expect(
      changeRole(store, { actorId: admin.id, userId: gone.id, role: 'admin' }),
    ).rejects.toBeInstanceOf(AccountFrozenError);
    expect((await store.users.getUserById(gone.id))!.role).toBe('member');
    expect(await count(sql, 'audit_log')).toBe(audits);
  });
});

describe('an admin losing their rights', () => {
  /** An admin who issued two open invites (one of them expired), a used one and a reset link. */
  async function rogueWithIssues(s: Store, boss: UserRow) {
    const rogue = await seedUser(s, { role: 'admin', name: 'Rogue' });
    const victim = await seedUser(s, { name: 'Victim' });
    const open = await createInvites(s, {
      actorId: rogue.id,
      emails: [`open-${rogue.id}@example.com`, `late-${rogue.id}@example.com`],
      role: 'admin',
      groupNames: [],
    });
    await s.db`update invites set expires_at = now() - interval '1 day' where id = ${open[1]!.invite.id}`;
    const [used] = await createInvites(s, { actorId: rogue.id, emails: [], role: 'member', groupNames: [] });
    await s.db`update invites set uses = 1 where id = ${used!.invite.id}`;
    const [others] = await createInvites(s, { actorId: boss.id, emails: [], role: 'member', groupNames: [] });
    const link = await issueResetLink(s, { actorId: rogue.id, userId: victim.id });
    return { rogue, open, used: used!, others: others!, link };
  }

  async function revokedIds(db: Sql): Promise<string[]> {
    const rows = await db<{ id: string }[]>`select id from invites where revoked_at is not null order by id`;
    return rows.map((r) => r.id);
  }

  it.each([
    [
      'demoting',
      (s: Store, actorId: string, userId: string) => changeRole(s, { actorId, userId, role: 'member' }),
    ],
    ['deactivating', (s: Store, actorId: string, userId: string) => deactivateUser(s, { actorId, userId })],
  ])(
    '%s an admin revokes the invites and reset links they issued, one audit row per invite',
    async (_, change) => {
      const { sql: db, store: s } = await createTestDatabase();
      const boss = await seedUser(s, { role: 'admin', name: 'Boss', email: 'boss@example.com' });
      const { rogue, open, others, link } = await rogueWithIssues(s, boss);
      expect(await getUserDetail(s, { actorId: boss.id, userId: rogue.id })).toMatchObject({
        openInvites: 2,
        liveResetLinks: 1,
      });

      await change(s, boss.id, rogue.id);

      const opened = open.map((i) => i.invite.id).sort();
      expect(await revokedIds(db)).toEqual(opened);
      expect(await revokedIds(db)).not.toContain(others.invite.id);
      const revocations = await db`
        select * from audit_log where action = 'user.invite_revoked' order by id`;
      expect(revocations.map((r) => r.details.invite).sort()).toEqual(opened.map((id) => id.slice(0, 8)));
      expect(revocations[0]).toMatchObject({ actorId: boss.id, details: { issuer: 'Rogue' } });
      const [change_] = await db`
        select details from audit_log where target_id = ${rogue.id} and action in ('user.role_updated', 'user.deleted')`;
      expect(change_!.details).toMatchObject({ invitesRevoked: expect.any(Array), resetLinksVoided: 1 });
      expect(await resolveResetToken(s, hashToken(link.token))).toEqual({
        kind: 'unusable',
        reason: 'voided',
      });
      expect(await getUserDetail(s, { actorId: boss.id, userId: rogue.id })).toMatchObject({
        openInvites: 0,
        liveResetLinks: 0,
      });
    },
  );

  it('survives two admins with open invites demoting each other at the same moment', async () => {
    const { sql: db, store: s } = lone;
    for (let round = 0; round < 5; round++) {
      const [a, b] = await onlyTwoAdmins();
      for (const issuer of [a, b])
        await createInvites(s, { actorId: issuer.id, emails: [], role: 'member', groupNames: [] });
      const results = await Promise.allSettled([
        changeRole(s, { actorId: a.id, userId: b.id, role: 'member' }),
        changeRole(s, { actorId: b.id, userId: a.id, role: 'member' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusal = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
      expect(refusal instanceof LastAdminError || refusal instanceof NotAdminError).toBe(true);
      expect(await activeAdmins(db)).toBe(1);
    }
  });
});

describe('the last active admin', () => {
  it('cannot be demoted, deactivated or deleted, even by a direct update', async () => {
    const { sql: db, store: s } = lone;
    const [a, b] = await onlyTwoAdmins();
    await db`update users set role = 'member' where id = ${b.id}`;
    await expect(db`update users set role = 'member' where id = ${a.id}`).rejects.toThrow(
      /last active admin/,
    );
    await expect(db`update users set status = 'deactivated' where id = ${a.id}`).rejects.toThrow(
      /last active admin/,
    );
    await expect(db`delete from users where id = ${a.id}`).rejects.toThrow(/last active admin/);
    expect((await s.users.getUserById(a.id))!.role).toBe('admin');
  });

  it('refuses to demote the last active admin when the other admin lost the role meanwhile', async () => {
    const { sql: db, store: s } = lone;
    const [a, b] = await onlyTwoAdmins();
    const audits = await count(db, 'audit_log');
    let demotion: Promise<unknown> | undefined;
    await db.begin(async (tx) => {
      await tx`update users set role = 'member' where id = ${a.id}`;
      demotion = changeRole(s, { actorId: a.id, userId: b.id, role: 'member' });
      demotion.catch(() => undefined);
      await someoneWaitsForTheAdminLock(db);
    });
    await expect(demotion).rejects.toBeInstanceOf(LastAdminError);
    expect((await s.users.getUserById(b.id))!.role).toBe('admin');
    expect(await count(db, 'audit_log')).toBe(audits);
  });

  it('refuses to deactivate the last active admin when the other one was deactivated meanwhile', async () => {
    const { sql: db, store: s } = lone;
    const [a, b] = await onlyTwoAdmins();
    let deactivation: Promise<unknown> | undefined;
    await db.begin(async (tx) => {
      await tx`update users set status = 'deactivated' where id = ${a.id}`;
      deactivation = deactivateUser(s, { actorId: a.id, userId: b.id });
      deactivation.catch(() => undefined);
      await someoneWaitsForTheAdminLock(db);
    });
    await expect(deactivation).rejects.toBeInstanceOf(LastAdminError);
    expect((await s.users.getUserById(b.id))!.status).toBe('active');
  });

  it('survives two admins demoting each other at the same moment, ten times over', async () => {
    const { sql: db, store: s } = lone;
    for (let round = 0; round < 10; round++) {
      const [a, b] = await onlyTwoAdmins();
      const results = await Promise.allSettled([
        changeRole(s, { actorId: a.id, userId: b.id, role: 'member' }),
        changeRole(s, { actorId: b.id, userId: a.id, role: 'member' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusal = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
      expect(refusal instanceof LastAdminError || refusal instanceof NotAdminError).toBe(true);
      expect(await activeAdmins(db)).toBe(1);
    }
  });

  it('survives two admins deactivating each other at the same moment, ten times over', async () => {
    const { sql: db, store: s } = lone;
    for (let round = 0; round < 10; round++) {
      const [a, b] = await onlyTwoAdmins();
      const results = await Promise.allSettled([
        deactivateUser(s, { actorId: a.id, userId: b.id }),
        deactivateUser(s, { actorId: b.id, userId: a.id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusal = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
      expect(refusal instanceof LastAdminError || refusal instanceof NotAdminError).toBe(true);
      expect(await activeAdmins(db)).toBe(1);
    }
  });
});

describe('deactivateUser', () => {
  it('refuses an admin deactivating themselves and writes nothing', async () => {
    const audits = await count(sql, 'audit_log');
    await expect(deactivateUser(store, { actorId: admin.id, userId: admin.id })).rejects.toBeInstanceOf(
      SelfActionError,
    );
    expect((await store.users.getUserById(admin.id))!.status).toBe('active');
    expect(await count(sql, 'audit_log')).toBe(audits);
  });

  it('refuses a member with NotAdminError', async () => {
    const member = await seedUser(store);
    const other = await seedUser(store);
    await expect(deactivateUser(store, { actorId: member.id, userId: other.id })).rejects.toBeInstanceOf(
      NotAdminError,
    );
  });

  it('keeps the data, hides personal agents and audits it as user.deleted', async () => {
    const dee = await seedUser(store, { name: 'Dee', email: 'dee@example.com' });
    await personalAgent(store, dee.id, 'Smithers');
    const done = await deactivateUser(store, { actorId: admin.id, userId: dee.id });
    expect(done.status).toBe('deactivated');
    expect((await store.users.getUserById(dee.id))!.deactivatedAt).toBeInstanceOf(Date);
    const agents = await sql`select deleted_at, deleted_reason from agents where owner_id = ${dee.id}`;
    expect(agents).toEqual([{ deletedAt: expect.any(Date), deletedReason: 'deactivated' }]);
    const [row] = await sql`select * from audit_log where action = 'user.deleted' and target_id = ${dee.id}`;
    expect(row).toMatchObject({
      actorId: admin.id,
      actorName: 'Ada',
      actorEmail: 'ada@example.com',
      targetName: 'Dee',
      targetEmail: 'dee@example.com',
      details: { personalAgentsHidden: 1 },
    });
    await expect(deactivateUser(store, { actorId: admin.id, userId: dee.id })).rejects.toBeInstanceOf(
      NoChangeError,
    );
  });
});

describe('a deactivation that fails half-way', () => {
  it('leaves the status, personal agents, invites and reset links as they were, and writes no audit row', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin', name: 'Boss' });
    const halfway = await seedUser(s, { role: 'admin', name: 'Halfway' });
    const victim = await seedUser(s, { name: 'Victim' });
    await personalAgent(s, halfway.id, 'Smithers');
    await createInvites(s, { actorId: halfway.id, emails: [], role: 'member', groupNames: [] });
    await issueResetLink(s, { actorId: halfway.id, userId: victim.id });
    await db.unsafe(`
      create function refuse_halfway() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$;
      create trigger refuse_halfway before insert on audit_log for each row
        when (new.action = 'user.deleted') execute function refuse_halfway();`);
    const state = () => db`
      select (select status from users where id = ${halfway.id}) as status,
             (select count(*)::int from agents where owner_id = ${halfway.id} and deleted_at is null) as agents,
             (select count(*)::int from invites where revoked_at is null) as open_invites,
             (select count(*)::int from password_resets where voided_at is null) as live_resets,
             (select count(*)::int from audit_log) as audit_rows`;
    const [before] = await state();
    expect(before).toEqual({ status: 'active', agents: 1, openInvites: 1, liveResets: 1, auditRows: 2 });
    await expect(deactivateUser(s, { actorId: boss.id, userId: halfway.id })).rejects.toThrow(/disk full/);
    expect((await state())[0]).toEqual(before);
  });
});

describe('reactivateUser', () => {
  it('restores the same role, groups and exactly the agents deactivation hid', async () => {
    const rae = await seedUser(store, { role: 'admin', name: 'Rae' });
    const [group] = await sql<{ id: string }[]>`insert into groups (name) values ('Keepers') returning id`;
    await store.groups.addMembers(rae.id, [group!.id]);
    const smithers = await personalAgent(store, rae.id, 'Smithers');
    const removed = await personalAgent(store, rae.id, 'Removed');
    await sql`update agents set deleted_at = now(), deleted_reason = 'deleted' where id = ${removed.id}`;
    await deactivateUser(store, { actorId: admin.id, userId: rae.id });
    const deletedWhileAway = await personalAgent(store, rae.id, 'Later');
    await sql`
      update agents set deleted_at = now(), deleted_reason = 'deleted' where id = ${deletedWhileAway.id}`;

    await reactivateUser(store, { actorId: admin.id, userId: rae.id });

    const back = await store.users.getUserById(rae.id);
    expect(back).toMatchObject({ role: 'admin', status: 'active', deactivatedAt: null });
    expect(await store.groups.listUserGroupNames(rae.id)).toEqual(['Keepers']);
    const live = await sql`select id from agents where owner_id = ${rae.id} and deleted_at is null`;
    expect(live.map((r) => r.id)).toEqual([smithers.id]);
    const [row] = await sql`select * from audit_log where action = 'user.updated' and target_id = ${rae.id}`;
    expect(row).toMatchObject({
      actorId: admin.id,
      targetName: 'Rae',
      details: { before: 'deactivated', after: 'active' },
    });
  });

  it('refuses someone already active', async () => {
    const active = await seedUser(store);
    await expect(reactivateUser(store, { actorId: admin.id, userId: active.id })).rejects.toBeInstanceOf(
      NoChangeError,
    );
  });

  it('refuses a member with NotAdminError', async () => {
    const member = await seedUser(store);
    const gone = await seedUser(store, { status: 'deactivated' });
    await expect(reactivateUser(store, { actorId: member.id, userId: gone.id })).rejects.toBeInstanceOf(
      NotAdminError,
    );
  });

  it('needs a free seat, counting active people and the remaining uses of open invites', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin' });
    const gone = await seedUser(s, { status: 'deactivated' });
    await seedUser(s, { status: 'deactivated' });
    await db`
      insert into invites (token_hash, role, max_uses, uses, expires_at)
      values (${randomBytes(32)}, 'member', 3, 1, now() + interval '1 day')`;
    await db`
      insert into invites (token_hash, role, max_uses, expires_at)
      values (${randomBytes(32)}, 'member', 5, now() - interval '1 day')`;
    await db`
      insert into invites (token_hash, role, max_uses, expires_at, revoked_at)
      values (${randomBytes(32)}, 'member', 5, now() + interval '1 day', now())`;
    const audits = await count(db, 'audit_log');

    await expect(reactivateUser(s, { actorId: boss.id, userId: gone.id, seatLimit: 3 })).rejects.toEqual(
      new SeatLimitError(3, 3),
    );
    expect((await s.users.getUserById(gone.id))!.status).toBe('deactivated');
    expect(await count(db, 'audit_log')).toBe(audits);

    await reactivateUser(s, { actorId: boss.id, userId: gone.id, seatLimit: 4 });
    expect((await s.users.getUserById(gone.id))!.status).toBe('active');
  });
});

describe('renameUser', () => {
  it('renames an active person and audits the names before and after', async () => {
    const person = await seedUser(store, { name: 'Old Name' });
    const renamed = await renameUser(store, { userId: person.id, name: '  New Name ' });
    expect(renamed.name).toBe('New Name');
    expect((await store.users.getUserById(person.id))!.name).toBe('New Name');
    const [row] =
      await sql`select * from audit_log where action = 'user.renamed' and target_id = ${person.id}`;
    expect(row).toMatchObject({ actorId: person.id, details: { before: 'Old Name', after: 'New Name' } });
  });

  it.each([
    ['101 characters', 'x'.repeat(101)],
    ['nothing', '   '],
    ['a control character', 'Bad\u0007Name'],
  ])('refuses a name of %s and writes nothing', async (_, name) => {
    const person = await seedUser(store, { name: 'Kept' });
    const audits = await count(sql, 'audit_log');
    await expect(renameUser(store, { userId: person.id, name })).rejects.toBeInstanceOf(ValidationError);
    expect((await store.users.getUserById(person.id))!.name).toBe('Kept');
    expect(await count(sql, 'audit_log')).toBe(audits);
  });

  it('refuses a deactivated person', async () => {
    const gone = await seedUser(store, { status: 'deactivated' });
    await expect(renameUser(store, { userId: gone.id, name: 'Back' })).rejects.toBeInstanceOf(
      UserDeactivatedError,
    );
  });
});

describe('listDirectory', () => {
  it('returns every user exactly once across pages, in name order, equal names included', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin', name: 'Zed Admin' });
    for (let i = 0; i < 54; i++) {
      const name = i % 3 === 0 ? 'Same Name' : i % 3 === 1 ? 'same name' : `Person ${i}`;
      await seedUser(s, { name });
    }
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listDirectory>> = await listDirectory(s, {
        actorId: boss.id,
        limit: 20,
        ...(after ? { after } : {}),
      });
      expect(page.rows.length).toBeLessThanOrEqual(20);
      seen.push(...page.rows.map((u) => u.id));
      after = page.next;
      pages += 1;
    } while (after);
    const ordered = await db<{ id: string }[]>`select id from users order by lower(name), id`;
    expect(pages).toBe(3);
    expect(seen).toEqual(ordered.map((r) => r.id));
    expect(new Set(seen).size).toBe(55);
    expect((await listDirectory(s, { actorId: boss.id })).rows).toHaveLength(20);
  });

  it('lists Active, Pending, Expired and Deactivated, each in name order, across pages', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin', name: 'Mia Boss' });
    await seedUser(s, { name: 'Abe Gone', status: 'deactivated' });
    await seedUser(s, { name: 'Zoe Active' });
    await seedUser(s, { name: 'Cal Gone', status: 'deactivated' });
    await seedUser(s, { name: 'Bea Active' });
    const invite = (email: string, label?: string) =>
      createInvites(s, { actorId: boss.id, emails: [email], role: 'member', groupNames: [], label });
    await invite('yan@example.com');
    await invite('abby@example.com', 'Spring hire');
    const [late] = await invite('ann@example.com');
    await db`update invites set expires_at = now() - interval '1 day' where id = ${late!.invite.id}`;
    const [used] = await invite('done@example.com');
    await db`update invites set uses = 1 where id = ${used!.invite.id}`;
    await invite('revoked@example.com');
    await db`update invites set revoked_at = now() where email = 'revoked@example.com'`;

    const rows: DirectoryEntry[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listDirectory>> = await listDirectory(s, {
        actorId: boss.id,
        limit: 3,
        ...(after ? { after } : {}),
      });
      rows.push(...page.rows);
      after = page.next;
    } while (after);
    expect(rows.map((r) => `${r.status} ${r.name ?? r.email}`)).toEqual([
      'Active Bea Active',
      'Active Mia Boss',
      'Active Zoe Active',
      'Pending Spring hire',
      'Pending yan@example.com',
      'Expired ann@example.com',
      'Deactivated Abe Gone',
      'Deactivated Cal Gone',
    ]);
  });

  it('shows status, groups, platforms and last seen', async () => {
    const person = await seedUser(store, { name: 'Listed Person' });
    const [group] = await sql<{ id: string }[]>`insert into groups (name) values ('Listed') returning id`;
    await store.groups.addMembers(person.id, [group!.id]);
    await store.identities.insertIdentity({
      platform: 'slack',
      externalId: 'U-listed',
      userId: person.id,
      username: null,
    });
    await touchLastSeen(store, person);
    const { rows } = await listDirectory(store, { actorId: admin.id, query: 'listed person' });
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'user',
        id: person.id,
        name: 'Listed Person',
        email: person.email,
        role: 'member',
        status: 'Active',
        groups: ['Listed'],
        platforms: ['slack'],
        lastSeenAt: expect.any(Date),
      }),
    ]);
  });

  it('searches name and email case-insensitively, with % and _ taken literally', async () => {
    const { store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin', name: 'Boss' });
    await seedUser(s, { name: 'Grace Hopper', email: 'amazing.grace@navy.example' });
    await seedUser(s, { name: 'Alan Turing', email: 'alan@bletchley.example' });
    await createInvites(s, {
      actorId: boss.id,
      emails: ['ada@bletchley.example'],
      role: 'member',
      groupNames: [],
    });
    const names = async (query: string) =>
      (await listDirectory(s, { actorId: boss.id, query })).rows.map((u) => u.name ?? u.email);
    expect(await names('HOPPER')).toEqual(['Grace Hopper']);
    expect(await names('Bletchley')).toEqual(['Alan Turing', 'ada@bletchley.example']);
    expect(await names('in')).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('refuses a page link that no longer points at anyone', async () => {
    await expect(
      listDirectory(store, { actorId: admin.id, after: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(listDirectory(store, { actorId: admin.id, after: 'not-a-cursor' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('refuses a member with NotAdminError', async () => {
    const member = await seedUser(store);
    await expect(listDirectory(store, { actorId: member.id })).rejects.toBeInstanceOf(NotAdminError);
  });
});

describe('findUser', () => {
  it('finds a person by email, linked @username with or without @, or id', async () => {
    const person = await seedUser(store, { email: 'find.me@example.com' });
    await store.identities.insertIdentity({
      platform: 'telegram',
      externalId: 'find-1',
      userId: person.id,
      username: 'FindMe',
    });
    expect((await findUser(store, ' Find.Me@example.com ')).id).toBe(person.id);
    expect((await findUser(store, '@findme')).id).toBe(person.id);
    expect((await findUser(store, 'FINDME')).id).toBe(person.id);
    expect((await findUser(store, person.id)).id).toBe(person.id);
  });

  it("takes a handle on the caller's platform first, and refuses one that names people elsewhere", async () => {
    const slackBob = await seedUser(store, { name: 'Bob Slack', email: 'bob.slack@example.com' });
    const telegramBob = await seedUser(store, { name: 'Robert', email: 'robert@example.com' });
    await linkChat(store, slackBob, 'T1:UBOB', 'slack', 'bob');
    await linkChat(store, telegramBob, '700', 'telegram', 'Bob');
    expect(await resolveUserReference(store, '@bob', 'slack')).toEqual({
      user: expect.objectContaining({ id: slackBob.id }),
      handle: { platform: 'slack', username: 'bob' },
    });
    expect((await findUser(store, '@bob', 'telegram')).id).toBe(telegramBob.id);
    expect((await findUser(store, 'slack:@bob', 'telegram')).id).toBe(slackBob.id);
    expect((await findUser(store, 'telegram:bob', 'slack')).id).toBe(telegramBob.id);
    const refusal = await findUser(store, '@bob', 'console').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AmbiguousUserError);
    expect((refusal as AmbiguousUserError).candidates).toEqual([
      { name: 'Bob Slack', platform: 'slack' },
      { name: 'Robert', platform: 'telegram' },
    ]);
    await expect(findUser(store, 'console:@bob')).rejects.toBeInstanceOf(UnknownUserError);
  });

  it('finds a handle that only one person shows, on whichever platform', async () => {
    const only = await seedUser(store, { name: 'Only One' });
    await linkChat(store, only, 'T1:UONE', 'slack', 'only1');
    await linkChat(store, only, '701', 'telegram', 'only1');
    expect((await findUser(store, '@only1', 'console')).id).toBe(only.id);
  });

  it.each(['nobody@example.com', '@nobody', '00000000-0000-4000-8000-000000000000', ''])(
    'refuses %j with UnknownUserError',
    async (reference) => {
      await expect(findUser(store, reference)).rejects.toBeInstanceOf(UnknownUserError);
    },
  );
});

describe('getUserDetail', () => {
  it('shows groups, linked identities, personal agents and last seen', async () => {
    const person = await seedUser(store, { name: 'Detailed' });
    const [group] = await sql<{ id: string }[]>`insert into groups (name) values ('Detail') returning id`;
    await store.groups.addMembers(person.id, [group!.id]);
    await store.identities.insertIdentity({
      platform: 'telegram',
      externalId: 'detail-1',
      userId: person.id,
      username: 'detailed',
    });
    await personalAgent(store, person.id, 'Smithers');
    await touchLastSeen(store, person);
    const detail = await getUserDetail(store, { actorId: admin.id, userId: person.id });
    expect(detail.user).toMatchObject({ id: person.id, name: 'Detailed', lastSeenAt: expect.any(Date) });
    expect(detail.groups).toEqual(['Detail']);
    expect(detail.identities).toEqual([
      expect.objectContaining({ platform: 'telegram', username: 'detailed' }),
    ]);
    expect(detail.personalAgents.map((a) => a.name)).toEqual(['Smithers']);
  });

  it('refuses a member with NotAdminError', async () => {
    const member = await seedUser(store);
    await expect(getUserDetail(store, { actorId: member.id, userId: admin.id })).rejects.toBeInstanceOf(
      NotAdminError,
    );
  });
});

describe('touchLastSeen', () => {
  it('marks the first sighting, then writes again only once the mark is a minute old', async () => {
    const person = await seedUser(store);
    const lastSeen = async () => (await store.users.getUserById(person.id))!.lastSeenAt;
    await touchLastSeen(store, person);
    const first = await lastSeen();
    expect(first).toBeInstanceOf(Date);
    await touchLastSeen(store, person);
    expect(await lastSeen()).toEqual(first);
    await sql`update users set last_seen_at = now() - interval '61 seconds' where id = ${person.id}`;
    const old = await lastSeen();
    await touchLastSeen(store, person);
    expect((await lastSeen())!.getTime()).toBeGreaterThan(old!.getTime());
  });
});
