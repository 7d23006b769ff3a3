import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import type { Sql } from '../../../src/store/db.js';
import type { Store } from '../../../src/store/store.js';
import type { UserRow } from '../../../src/store/users.js';
import {
  changeRole,
  deactivateUser,
  findUser,
  getUserDetail,
  listUsers,
  reactivateUser,
  renameUser,
  touchLastSeen,
} from '../../../src/domain/users.js';
import {
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

describe('listUsers', () => {
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
      const page: Awaited<ReturnType<typeof listUsers>> = await listUsers(s, {
        actorId: boss.id,
        limit: 20,
        ...(after ? { after } : {}),
      });
      expect(page.users.length).toBeLessThanOrEqual(20);
      seen.push(...page.users.map((u) => u.id));
      after = page.next;
      pages += 1;
    } while (after);
    const ordered = await db<{ id: string }[]>`select id from users order by lower(name), id`;
    expect(pages).toBe(3);
    expect(seen).toEqual(ordered.map((r) => r.id));
    expect(new Set(seen).size).toBe(55);
    expect((await listUsers(s, { actorId: boss.id })).users).toHaveLength(20);
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
    const { users } = await listUsers(store, { actorId: admin.id, query: 'listed person' });
    expect(users).toEqual([
      expect.objectContaining({
        id: person.id,
        name: 'Listed Person',
        email: person.email,
        role: 'member',
        status: 'active',
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
    const names = async (query: string) =>
      (await listUsers(s, { actorId: boss.id, query })).users.map((u) => u.name);
    expect(await names('HOPPER')).toEqual(['Grace Hopper']);
    expect(await names('Bletchley')).toEqual(['Alan Turing']);
    expect(await names('in')).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('refuses a page link that no longer points at anyone', async () => {
    await expect(
      listUsers(store, { actorId: admin.id, after: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(listUsers(store, { actorId: admin.id, after: 'not-a-cursor' })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('refuses a member with NotAdminError', async () => {
    const member = await seedUser(store);
    await expect(listUsers(store, { actorId: member.id })).rejects.toBeInstanceOf(NotAdminError);
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
