import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import { claimInvite } from '../../../src/domain/claims.js';
import { createAgent, setAgentAccess } from '../../../src/domain/agents.js';
import { createInvites, listInvites, revokeInvite } from '../../../src/domain/invites.js';
import { hashToken } from '../../../src/domain/tokens.js';
import { deactivateUser } from '../../../src/domain/users.js';
import {
  addToGroup,
  createGroup,
  deleteGroup,
  describeGroupDeletion,
  listGroups,
  removeFromGroup,
  setUserGroups,
} from '../../../src/domain/groups.js';
import {
  AccountFrozenError,
  NameTakenError,
  NoChangeError,
  NotAdminError,
  UnknownGroupError,
  UnknownUserError,
  ValidationError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
const member = await seedUser(store, { name: 'Pat', email: 'pat@example.com' });

async function written(): Promise<{ groups: number; members: number; audits: number }> {
  const [row] = await sql<{ groups: number; members: number; audits: number }[]>`
    select (select count(*)::int from groups) as groups,
           (select count(*)::int from group_members) as members,
           (select count(*)::int from audit_log) as audits`;
  return row!;
}

async function lastMembershipAudit() {
  const [row] =
    await sql`select * from audit_log where action = 'user.groups_updated' order by id desc limit 1`;
  return row;
}

describe('createGroup', () => {
  it('creates a group and audits group.created with the acting admin', async () => {
    const group = await createGroup(store, { actorId: admin.id, name: '  Research ' });
    expect(group.name).toBe('Research');
    const [row] = await sql`select * from audit_log where action = 'group.created' order by id desc limit 1`;
    expect(row).toMatchObject({
      actorId: admin.id,
      actorName: 'Ada',
      actorEmail: 'ada@example.com',
      details: { group: 'Research' },
    });
  });

  it('keeps names unique regardless of case, also when two admins create one at once', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Design' });
    await expect(createGroup(store, { actorId: admin.id, name: 'DESIGN' })).rejects.toBeInstanceOf(
      NameTakenError,
    );
    const results = await Promise.allSettled(
      ['Ops', 'ops', 'OPS', 'oPs'].map((name) => createGroup(store, { actorId: admin.id, name })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(NameTakenError);
    const [row] = await sql`select count(*)::int as n from groups where lower(name) = 'ops'`;
    expect(row!.n).toBe(1);
  });

  it.each([
    ['empty', '   '],
    ['101 characters long', 'g'.repeat(101)],
    ['65 characters long', 'g'.repeat(65)],
    ['full of bad characters', '<b>ops</b>'],
    ['starting with a dash', '-ops'],
    ['a statement', "a'; drop table groups; --"],
  ])('refuses a name that is %s and writes nothing', async (_, name) => {
    const before = await written();
    await expect(createGroup(store, { actorId: admin.id, name })).rejects.toBeInstanceOf(ValidationError);
    expect(await written()).toEqual(before);
  });
});

describe('listGroups', () => {
  it('counts the active members of each group, in name order', async () => {
    const { store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin' });
    const gone = await seedUser(s);
    await createGroup(s, { actorId: boss.id, name: 'beta' });
    await createGroup(s, { actorId: boss.id, name: 'Alpha' });
    await addToGroup(s, { actorId: boss.id, groupName: 'alpha', userId: boss.id });
    await addToGroup(s, { actorId: boss.id, groupName: 'alpha', userId: gone.id });
    await deactivateUser(s, { actorId: boss.id, userId: gone.id });
    const groups = await listGroups(s, { actorId: boss.id });
    expect(groups.map((g) => [g.name, g.members])).toEqual([
      ['Alpha', 1],
      ['beta', 0],
    ]);
  });
});

describe('addToGroup and removeFromGroup', () => {
  it('audit the groups before and after with actor and target', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Red' });
    await createGroup(store, { actorId: admin.id, name: 'Blue' });
    await addToGroup(store, { actorId: admin.id, groupName: 'red', userId: member.id });
    expect(await addToGroup(store, { actorId: admin.id, groupName: 'BLUE', userId: member.id })).toEqual([
      'Blue',
      'Red',
    ]);
    expect(await lastMembershipAudit()).toMatchObject({
      actorId: admin.id,
      actorName: 'Ada',
      actorEmail: 'ada@example.com',
      targetId: member.id,
      targetName: 'Pat',
      targetEmail: 'pat@example.com',
      details: { before: ['Red'], after: ['Blue', 'Red'] },
    });
    expect(await removeFromGroup(store, { actorId: admin.id, groupName: 'Red', userId: member.id })).toEqual([
      'Blue',
    ]);
    expect((await lastMembershipAudit())!.details).toEqual({ before: ['Blue', 'Red'], after: ['Blue'] });
  });

  it('refuses adding a member twice or removing a non-member, writing nothing', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Twice' });
    await addToGroup(store, { actorId: admin.id, groupName: 'Twice', userId: member.id });
    const before = await written();
    await expect(
      addToGroup(store, { actorId: admin.id, groupName: 'twice', userId: member.id }),
    ).rejects.toBeInstanceOf(NoChangeError);
    await expect(
      removeFromGroup(store, { actorId: admin.id, groupName: 'Twice', userId: admin.id }),
    ).rejects.toBeInstanceOf(NoChangeError);
    expect(await written()).toEqual(before);
  });

  it('refuses unknown groups and users', async () => {
    await expect(
      addToGroup(store, { actorId: admin.id, groupName: 'Nowhere', userId: member.id }),
    ).rejects.toBeInstanceOf(UnknownGroupError);
    await expect(
      addToGroup(store, {
        actorId: admin.id,
        groupName: 'Twice',
        userId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toBeInstanceOf(UnknownUserError);
  });
});

describe('the groups of a deactivated person', () => {
  it('are frozen: adding, removing and setting are refused and write nothing', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Frozen' });
    await createGroup(store, { actorId: admin.id, name: 'Thaw' });
    const gone = await seedUser(store, { name: 'Gone' });
    await addToGroup(store, { actorId: admin.id, groupName: 'Frozen', userId: gone.id });
    await deactivateUser(store, { actorId: admin.id, userId: gone.id });
    const before = await written();
    for (const change of [
      () => addToGroup(store, { actorId: admin.id, groupName: 'Thaw', userId: gone.id }),
      () => removeFromGroup(store, { actorId: admin.id, groupName: 'Frozen', userId: gone.id }),
      () => setUserGroups(store, { actorId: admin.id, userId: gone.id, groupNames: [] }),
    ])
      await expect(change()).rejects.toEqual(new AccountFrozenError('Gone', 'groups'));
    expect(await written()).toEqual(before);
    expect(await store.groups.listUserGroupNames(gone.id)).toEqual(['Frozen']);
  });
});

describe('setUserGroups', () => {
  it("sets a person's groups exactly and audits before and after", async () => {
    const person = await seedUser(store, { name: 'Sam' });
    await createGroup(store, { actorId: admin.id, name: 'Alpha' });
    await createGroup(store, { actorId: admin.id, name: 'Beta' });
    await setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['alpha'] });
    expect(
      await setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['Beta', 'ALPHA'] }),
    ).toEqual(['Alpha', 'Beta']);
    expect(await lastMembershipAudit()).toMatchObject({
      targetName: 'Sam',
      details: { before: ['Alpha'], after: ['Alpha', 'Beta'] },
    });
    expect(await setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: [] })).toEqual([]);
    expect((await lastMembershipAudit())!.details).toEqual({ before: ['Alpha', 'Beta'], after: [] });
  });

  it('changes nothing when one of the groups is unknown or the groups are already those', async () => {
    const person = await seedUser(store);
    await createGroup(store, { actorId: admin.id, name: 'Left' });
    await createGroup(store, { actorId: admin.id, name: 'Right' });
    await setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['Left'] });
    const before = await written();
    await expect(
      setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['Right', 'Missing'] }),
    ).rejects.toBeInstanceOf(UnknownGroupError);
    await expect(
      setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['left'] }),
    ).rejects.toBeInstanceOf(NoChangeError);
    expect(await written()).toEqual(before);
    expect(await store.groups.listUserGroupNames(person.id)).toEqual(['Left']);
  });
});

describe('describeGroupDeletion', () => {
  it('counts the active members, the pending invites naming it and the agents it alone opens', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Temp' });
    await createGroup(store, { actorId: admin.id, name: 'Other' });
    await addToGroup(store, { actorId: admin.id, groupName: 'Temp', userId: member.id });
    const leaver = await seedUser(store, { name: 'Lee' });
    await addToGroup(store, { actorId: admin.id, groupName: 'Temp', userId: leaver.id });
    await deactivateUser(store, { actorId: admin.id, userId: leaver.id });
    for (const [name, access] of [
      ['Helpdesk', ['Temp']],
      ['Shared desk', ['Temp', 'Other']],
      ['Open desk', 'all'],
    ] as const) {
      await createAgent(store, { actorId: admin.id, name });
      await setAgentAccess(store, {
        actorId: admin.id,
        agentName: name,
        access: access === 'all' ? 'all' : [...access],
      });
    }
    const issued = await createInvites(store, {
      actorId: admin.id,
      emails: ['t1@example.com', 't2@example.com', 't3@example.com'],
      role: 'member',
      groupNames: ['Temp'],
    });
    await revokeInvite(store, { actorId: admin.id, reference: issued[2]!.invite.id });
    const before = await written();
    expect(await describeGroupDeletion(store, { actorId: admin.id, name: 'temp' })).toEqual({
      name: 'Temp',
      members: 1,
      pendingInvites: 2,
      soleGroupAgents: ['Helpdesk'],
    });
    expect(await written()).toEqual(before);
  });

  it('names a missing group and refuses members', async () => {
    await expect(describeGroupDeletion(store, { actorId: admin.id, name: 'Nowhere' })).rejects.toBeInstanceOf(
      UnknownGroupError,
    );
    await createGroup(store, { actorId: admin.id, name: 'Members only' });
    await expect(
      describeGroupDeletion(store, { actorId: member.id, name: 'Members only' }),
    ).rejects.toBeInstanceOf(NotAdminError);
  });
});

describe('deleteGroup', () => {
  it('removes the group and its memberships and audits group.deleted', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Doomed' });
    await addToGroup(store, { actorId: admin.id, groupName: 'Doomed', userId: member.id });
    const deleted = await deleteGroup(store, { actorId: admin.id, name: 'DOOMED' });
    expect(deleted.name).toBe('Doomed');
    expect(await store.groups.listUserGroupNames(member.id)).not.toContain('Doomed');
    const [row] = await sql`select * from audit_log where action = 'group.deleted' order by id desc limit 1`;
    expect(row).toMatchObject({ actorId: admin.id, details: { group: 'Doomed' } });
  });

  it('deletes once when two admins delete the same group at once', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Contested' });
    const results = await Promise.allSettled([
      deleteGroup(store, { actorId: admin.id, name: 'Contested' }),
      deleteGroup(store, { actorId: admin.id, name: 'contested' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refusal = results.find((r): r is PromiseRejectedResult => r.status === 'rejected')!.reason;
    expect(refusal).toBeInstanceOf(UnknownGroupError);
    const [row] = await sql`
      select count(*)::int as n from audit_log
      where action = 'group.deleted' and details->>'group' = 'Contested'`;
    expect(row!.n).toBe(1);
  });

  it('drops the group from pending invites, which still work and give the groups that remain', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Kept' });
    await createGroup(store, { actorId: admin.id, name: 'Dropped' });
    const [issued] = await createInvites(store, {
      actorId: admin.id,
      emails: ['joiner@example.com'],
      role: 'member',
      groupNames: ['Kept', 'Dropped'],
    });
    await deleteGroup(store, { actorId: admin.id, name: 'Dropped' });
    const [listed] = await listInvites(store, { actorId: admin.id, limit: 1 });
    expect(listed).toMatchObject({ id: issued!.invite.id, groupNames: ['Kept'], status: 'Pending' });
    const { user } = await claimInvite(store, {
      tokenHash: hashToken(issued!.token),
      name: 'Joiner',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    });
    expect(await store.groups.listUserGroupNames(user.id)).toEqual(['Kept']);
  });

  it('refuses an unknown group', async () => {
    await expect(deleteGroup(store, { actorId: admin.id, name: 'Never' })).rejects.toBeInstanceOf(
      UnknownGroupError,
    );
  });
});

describe('group administration by a member', () => {
  it('is refused with NotAdminError everywhere and writes nothing', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Guarded' });
    const before = await written();
    const actorId = member.id;
    const attempts = [
      createGroup(store, { actorId, name: 'Mine' }),
      deleteGroup(store, { actorId, name: 'Guarded' }),
      listGroups(store, { actorId }),
      addToGroup(store, { actorId, groupName: 'Guarded', userId: member.id }),
      removeFromGroup(store, { actorId, groupName: 'Guarded', userId: member.id }),
      setUserGroups(store, { actorId, userId: member.id, groupNames: ['Guarded'] }),
    ];
    for (const attempt of await Promise.allSettled(attempts)) {
      expect(attempt.status === 'rejected' && attempt.reason).toBeInstanceOf(NotAdminError);
    }
    expect(await written()).toEqual(before);
  });
});
