import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import {
  changeRole,
  deactivateUser,
  findUser,
  listUsers,
  reactivateUser,
  renameUser,
} from '../../../src/domain/users.js';
import {
  LastAdminError,
  NotAdminError,
  SeatLimitError,
  SelfActionError,
  UnknownUserError,
  ValidationError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();

async function activeAdmins(): Promise<number> {
  const [row] = await sql`select count(*)::int as n from users where role = 'admin' and status = 'active'`;
  return row!.n;
}

describe('changeRole', () => {
  it('promotes and demotes, auditing actor, target and before/after', async () => {
    const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada-role@example.com' });
    const bob = await seedUser(store, { name: 'Bob', email: 'bob-role@example.com' });
    await changeRole(store, { actorId: admin.id, userId: bob.id, role: 'admin' });
    const [row] =
      await sql`select * from audit_log where action = 'user.role_updated' and target_id = ${bob.id}`;
    expect(row).toMatchObject({
      actorId: admin.id,
      actorName: 'Ada',
      actorEmail: 'ada-role@example.com',
      targetName: 'Bob',
      targetEmail: 'bob-role@example.com',
      details: { before: 'member', after: 'admin' },
    });
    await changeRole(store, { actorId: admin.id, userId: bob.id, role: 'member' });
    expect((await store.users.getUserById(bob.id))!.role).toBe('member');
  });

  it('refuses an admin changing their own role', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    await expect(
      changeRole(store, { actorId: admin.id, userId: admin.id, role: 'member' }),
    ).rejects.toBeInstanceOf(SelfActionError);
  });

  it('refuses a member', async () => {
    const member = await seedUser(store);
    const other = await seedUser(store);
    await expect(
      changeRole(store, { actorId: member.id, userId: other.id, role: 'admin' }),
    ).rejects.toBeInstanceOf(NotAdminError);
  });

  it('refuses a role that does not exist', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    const other = await seedUser(store);
    await expect(
      changeRole(store, { actorId: admin.id, userId: other.id, role: 'owner' as 'admin' }),
    ).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted or deactivated, even by a direct update', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const only = await seedUser(s, { role: 'admin' });
    await expect(db`update users set role = 'member' where id = ${only.id}`).rejects.toThrow(
      /last active admin/,
    );
    await expect(db`update users set status = 'deactivated' where id = ${only.id}`).rejects.toThrow(
      /last active admin/,
    );
    await expect(db`delete from users where id = ${only.id}`).rejects.toThrow(/last active admin/);
  });

  it('survives two admins demoting each other at the same moment', async () => {
    const { sql: db, store: s } = await createTestDatabase({ max: 4 });
    for (let round = 0; round < 10; round++) {
      const a = await seedUser(s, { role: 'admin' });
      const b = await seedUser(s, { role: 'admin' });
      await db`update users set status = 'deactivated' where role = 'admin' and id not in (${a.id}, ${b.id})`;
      const results = await Promise.allSettled([
        changeRole(s, { actorId: a.id, userId: b.id, role: 'member' }),
        changeRole(s, { actorId: b.id, userId: a.id, role: 'member' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refusal = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
      expect(refusal instanceof LastAdminError || refusal instanceof NotAdminError).toBe(true);
      const [row] = await db`select count(*)::int as n from users where role = 'admin' and status = 'active'`;
      expect(row!.n).toBe(1);
    }
  });

  it('survives two admins deactivating each other at the same moment', async () => {
    const { sql: db, store: s } = await createTestDatabase({ max: 4 });
    for (let round = 0; round < 10; round++) {
      const a = await seedUser(s, { role: 'admin' });
      const b = await seedUser(s, { role: 'admin' });
      await db`update users set role = 'member' where role = 'admin' and status = 'deactivated'`;
      await db`update users set status = 'deactivated' where role = 'admin' and id not in (${a.id}, ${b.id})`;
      const results = await Promise.allSettled([
        deactivateUser(s, { actorId: a.id, userId: b.id }),
        deactivateUser(s, { actorId: b.id, userId: a.id }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').length).toBeLessThanOrEqual(1);
      const [row] = await db`select count(*)::int as n from users where role = 'admin' and status = 'active'`;
      expect(row!.n).toBe(1);
    }
  });
});

describe('deactivateUser and reactivateUser', () => {
  it('refuses to deactivate yourself', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    await expect(deactivateUser(store, { actorId: admin.id, userId: admin.id })).rejects.toBeInstanceOf(
      SelfActionError,
    );
  });

  it('hides personal agents on deactivation and brings back only those on reactivation', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    const person = await seedUser(store, { name: 'Dee' });
    const mine = await store.agents.insertAgent({
      name: 'Smithers',
      description: '',
      instructions: '',
      visibility: 'restricted',
      ownerId: person.id,
      createdBy: person.id,
    });
    const deleted = await store.agents.insertAgent({
      name: 'Old',
      description: '',
      instructions: '',
      visibility: 'restricted',
      ownerId: person.id,
      createdBy: person.id,
    });
    await sql`update agents set deleted_at = now(), deleted_reason = 'deleted' where id = ${deleted.id}`;
    await deactivateUser(store, { actorId: admin.id, userId: person.id });
    expect((await store.users.getUserById(person.id))!.status).toBe('deactivated');
    expect(await store.agents.listVisibleAgents(person.id)).toEqual([]);
    const [hidden] = await sql`select deleted_reason from agents where id = ${mine.id}`;
    expect(hidden!.deletedReason).toBe('deactivated');
    await sql`insert into groups (name) values ('Keepers')`;
    await reactivateUser(store, { actorId: admin.id, userId: person.id });
    const visible = await store.agents.listVisibleAgents(person.id);
    expect(visible.map((a) => a.id)).toEqual([mine.id]);
    const [audit] =
      await sql`select details from audit_log where action = 'user.updated' and target_id = ${person.id}`;
    expect(audit!.details).toMatchObject({
      before: 'deactivated',
      after: 'active',
      personalAgentsRestored: 1,
    });
    const [off] =
      await sql`select details from audit_log where action = 'user.deleted' and target_id = ${person.id}`;
    expect(off!.details).toMatchObject({ personalAgentsHidden: 1 });
  });

  it('keeps role and groups across deactivation', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    const person = await seedUser(store, { role: 'admin' });
    const [group] = await sql`insert into groups (name) values ('Stay') returning id`;
    await store.groups.addMembers(person.id, [group!.id]);
    await deactivateUser(store, { actorId: admin.id, userId: person.id });
    await reactivateUser(store, { actorId: admin.id, userId: person.id });
    expect((await store.users.getUserById(person.id))!.role).toBe('admin');
    expect(await store.groups.listUserGroupNames(person.id)).toEqual(['Stay']);
  });

  it('needs a free seat to reactivate', async () => {
    const { store: s } = await createTestDatabase();
    const admin = await seedUser(s, { role: 'admin' });
    const person = await seedUser(s, { status: 'deactivated' });
    await seedUser(s);
    await expect(
      reactivateUser(s, { actorId: admin.id, userId: person.id, seatLimit: 2 }),
    ).rejects.toBeInstanceOf(SeatLimitError);
    await reactivateUser(s, { actorId: admin.id, userId: person.id, seatLimit: 3 });
  });
});

describe('listUsers and findUser', () => {
  it('pages through everyone exactly once, equal names included, and searches name and email', async () => {
    const { store: s } = await createTestDatabase();
    const admin = await seedUser(s, { role: 'admin', name: 'Zed Admin' });
    for (let i = 0; i < 54; i++)
      await seedUser(s, { name: i % 3 === 0 ? 'Same Name' : `Person ${String(i).padStart(2, '0')}` });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listUsers(s, { actorId: admin.id, limit: 20, ...(after ? { after } : {}) });
      seen.push(...page.users.map((u) => u.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(55);
    expect(new Set(seen).size).toBe(55);
    const found = await listUsers(s, { actorId: admin.id, query: 'zed' });
    expect(found.users.map((u) => u.name)).toEqual(['Zed Admin']);
    const byMail = await listUsers(s, { actorId: admin.id, query: admin.email!.toUpperCase() });
    expect(byMail.users).toHaveLength(1);
  });

  it('finds a person by email, linked @username or id', async () => {
    const person = await seedUser(store, { email: 'find.me@example.com' });
    await store.identities.insertIdentity({
      platform: 'telegram',
      externalId: 'f1',
      userId: person.id,
      username: 'FindMe',
    });
    expect((await findUser(store, 'Find.Me@example.com')).id).toBe(person.id);
    expect((await findUser(store, '@findme')).id).toBe(person.id);
    expect((await findUser(store, person.id)).id).toBe(person.id);
    await expect(findUser(store, 'nobody@example.com')).rejects.toBeInstanceOf(UnknownUserError);
  });
});

describe('renameUser', () => {
  it('renames and audits, and refuses a name of 101 characters', async () => {
    const person = await seedUser(store, { name: 'Old Name' });
    await renameUser(store, { userId: person.id, name: '  New Name ' });
    expect((await store.users.getUserById(person.id))!.name).toBe('New Name');
    await expect(renameUser(store, { userId: person.id, name: 'x'.repeat(101) })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(renameUser(store, { userId: person.id, name: '' })).rejects.toBeInstanceOf(ValidationError);
    expect(await activeAdmins()).toBeGreaterThan(0);
  });
});
