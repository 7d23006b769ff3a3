import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createAgent, setAgentAccess } from '../../../src/domain/agents.js';
import { addToGroup, createGroup } from '../../../src/domain/groups.js';
import { createInvites } from '../../../src/domain/invites.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, 'ada');
const bob = await seedUser(store, { name: 'Bob', email: 'bob@example.com' });
await linkChat(store, bob, 'bob');
const ada = new Person(engine, 'ada');

beforeEach(async () => {
  await ada.say('/cancel');
});

const auditCount = async (action: string) =>
  (await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = ${action}`)[0]!.n;
const groupExists = async (name: string) =>
  (await sql`select 1 from groups where lower(name) = lower(${name})`).length === 1;
const roleOf = async (userId: string) =>
  (await sql<{ role: string }[]>`select role from users where id = ${userId}`)[0]!.role;

describe('/group delete', () => {
  it('says what the deletion takes away and deletes only once Delete is tapped', async () => {
    await createGroup(store, { actorId: admin.id, name: 'temp' });
    await addToGroup(store, { actorId: admin.id, groupName: 'temp', userId: bob.id });
    await createAgent(store, { actorId: admin.id, name: 'helpdesk' });
    await setAgentAccess(store, { actorId: admin.id, agentName: 'helpdesk', access: ['temp'] });
    await createInvites(store, {
      actorId: admin.id,
      emails: ['one@example.com', 'two@example.com'],
      role: 'member',
      groupNames: ['temp'],
    });
    const deletions = await auditCount('group.deleted');
    expect(await ada.say('/group delete temp')).toBe(
      'Delete group temp? 1 member loses it; helpdesk becomes usable by admins only; ' +
        '2 pending invites no longer give it. [Delete] [Cancel]',
    );
    expect(await groupExists('temp')).toBe(true);
    expect(await auditCount('group.deleted')).toBe(deletions);
    expect(await ada.tap('Delete')).toBe('Group temp is deleted.');
    expect(await groupExists('temp')).toBe(false);
    expect(await auditCount('group.deleted')).toBe(deletions + 1);
  });

  it('keeps the group when Cancel is tapped', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Kept' });
    expect(await ada.say('/group delete kept')).toBe(
      'Delete group Kept? Nobody is in it, and no agent or pending invite needs it. [Delete] [Cancel]',
    );
    expect(await ada.tap('Cancel')).toBe('Group Kept is kept.');
    expect(await groupExists('Kept')).toBe(true);
  });

  it('names a group that does not exist without asking', async () => {
    expect(await ada.say('/group delete nowhere')).toMatch(/nowhere/);
    expect(ada.last.flatMap((r) => (r.type === 'text' ? (r.buttons ?? []) : []))).toEqual([]);
  });

  it('is refused to a member, who is asked nothing', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Guarded' });
    const member = new Person(engine, 'bob');
    expect(await member.say('/group delete guarded')).not.toMatch(/Delete group/);
    expect(await groupExists('Guarded')).toBe(true);
  });
});

describe('granting admin', () => {
  it("asks first from the panel's Make admin, saying what an admin can do", async () => {
    const carol = await seedUser(store, { name: 'Carol', email: 'carol@example.com' });
    await ada.say(`/user carol@example.com`);
    expect(await ada.tap('Make admin')).toMatch(
      /^Make Carol <carol@example\.com> an admin\? They will be able to invite, change roles and groups, and read the audit trail\. \[Yes, make admin\] \[No\]$/,
    );
    expect(await roleOf(carol.id)).toBe('member');
    expect(await ada.tap('Yes, make admin')).toMatch(/\n✓ Carol is now an admin\. \(by Ada\)/);
    expect(await roleOf(carol.id)).toBe('admin');
  });

  it('asks first from /role, saying what an admin can do', async () => {
    const dan = await seedUser(store, { name: 'Dan', email: 'dan@example.com' });
    expect(await ada.say('/role dan@example.com admin')).toMatch(
      /^Make Dan <dan@example\.com> an admin\? They will be able to invite, change roles and groups, and read the audit trail\./,
    );
    await ada.tap('No');
    expect(await roleOf(dan.id)).toBe('member');
  });
});

describe('the own panel', () => {
  it('offers no change that the rules refuse for oneself', async () => {
    const panel = await ada.say('/user ada@example.com');
    expect(panel).toMatch(/^Ada <ada@example\.com>/);
    expect(panel).toContain('[Groups]');
    for (const refused of ['[Make member]', '[Deactivate]', '[Delete]']) expect(panel).not.toContain(refused);
  });

  it("offers another admin's demotion and deactivation", async () => {
    const erin = await seedUser(store, { role: 'admin', name: 'Erin', email: 'erin@example.com' });
    const panel = await ada.say(`/user ${erin.email!}`);
    expect(panel).toContain('[Make member]');
    expect(panel).toContain('[Deactivate]');
  });
});
