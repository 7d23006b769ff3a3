import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { linkChat, seedUser } from '../../support/seed.js';
import type { Sql } from '../../../src/store/db.js';
import type { Store } from '../../../src/store/store.js';
import type { UserRow } from '../../../src/store/users.js';
import { exportOwnData } from '../../../src/domain/data-export.js';
import { describeErasure, describeOwnErasure, eraseSelf, eraseUser } from '../../../src/domain/erasure.js';
import { createInvites } from '../../../src/domain/invites.js';
import { createAgent, deleteAgent } from '../../../src/domain/agents.js';
import { addToGroup, createGroup } from '../../../src/domain/groups.js';
import { updatePersonalContext } from '../../../src/domain/context.js';
import { issueResetLink } from '../../../src/domain/resets.js';
import { changeRole, deactivateUser } from '../../../src/domain/users.js';
import {
  LastAdminError,
  NotAdminError,
  SelfActionError,
  UnknownUserError,
  ValidationError,
} from '../../../src/domain/errors.js';
import { verifyAuditChain } from '../../../src/domain/audit-chain.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await createGroup(store, { actorId: admin.id, name: 'Research' });

function personalAgent(s: Store, ownerId: string, name: string) {
  return s.agents.insertAgent({
    name,
    description: 'mine',
    instructions: 'be brief',
    visibility: 'restricted',
    ownerId,
    createdBy: ownerId,
  });
}

/** Row counts of every table an erasure may touch, and the audit rows so far. */
async function snapshot(db: Sql) {
  const [row] = await db`
    select (select count(*) from users)::int as users, (select count(*) from identities)::int as identities,
      (select count(*) from group_members)::int as members, (select count(*) from personal_context)::int as contexts,
      (select count(*) from agents)::int as agents, (select count(*) from password_resets)::int as resets,
      (select count(*) from invites where revoked_at is null)::int as open_invites,
      (select count(*) from audit_log)::int as audit,
      (select string_agg(created_by::text, ',' order by id) from agents) as creators`;
  return row;
}

/** An admin with something in every table an export or erasure covers (invites need an admin). */
async function fullMember(name: string, email: string): Promise<UserRow> {
  const user = await seedUser(store, { name, email, role: 'admin' });
  await linkChat(store, user, `${name.toLowerCase()}-tg`);
  await linkChat(store, user, `${name.toLowerCase()}-sl`, 'slack');
  await addToGroup(store, { actorId: admin.id, groupName: 'Research', userId: user.id });
  await updatePersonalContext(store, { userId: user.id, fields: { role: 'Researcher', focus: 'papers' } });
  await personalAgent(store, user.id, `${name} notes`);
  await createAgent(store, { actorId: user.id, name: `${name} Helpdesk`, description: 'shared' });
  await createInvites(store, {
    actorId: user.id,
    emails: [`friend-of-${name.toLowerCase()}@example.org`],
    role: 'member',
    groupNames: ['Research'],
  });
  await createInvites(store, { actorId: user.id, emails: [], role: 'member', groupNames: [], label: 'team' });
  await issueResetLink(store, { actorId: admin.id, userId: user.id });
  return user;
}

describe('exportOwnData', () => {
  it('holds the account, chats, groups, context, personal agents, issued invites and audit rows', async () => {
    const mia = await fullMember('Mia', 'mia@example.com');
    await changeRole(store, { actorId: admin.id, userId: mia.id, role: 'member' });
    const data = await exportOwnData(store, { userId: mia.id });
    expect(data.account).toMatchObject({
      name: 'Mia',
      email: 'mia@example.com',
      role: 'member',
      status: 'active',
    });
    expect(data.chats.map((c) => c.platform).sort()).toEqual(['slack', 'telegram']);
    expect(data.groups).toEqual(['Research']);
    expect(data.personalContext).toEqual({ role: 'Researcher', focus: 'papers' });
    expect(data.personalAgents).toEqual([
      { name: 'Mia notes', description: 'mine', instructions: 'be brief', hidden: false },
    ]);
    expect(data.invitesIssued).toHaveLength(2);
    expect(data.invitesIssued[0]).toMatchObject({ forAnEmail: true, groups: ['Research'], uses: 0 });
    expect(data.invitesIssued.map((i) => i.revokedAt)).toEqual([expect.any(String), expect.any(String)]);
    expect(data.auditTrail.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.invited', 'user.password_reset_issued', 'user.role_updated']),
    );
    const roleChange = data.auditTrail.find((r) => r.action === 'user.role_updated')!;
    expect(roleChange.actor).toEqual({ you: false, name: 'Ada' });
    expect(roleChange.target).toEqual({ you: true, name: 'Mia', email: 'mia@example.com' });
  });

  it('never holds a password hash, a token hash or another person’s email, and is audited', async () => {
    const noor = await fullMember('Noor', 'noor@example.com');
    const before = await snapshot(sql);
    const json = JSON.stringify(await exportOwnData(store, { userId: noor.id }));
    expect(json).not.toMatch(/not-a-real-hash|password_?hash|token_?hash|tokenHash/i);
    expect(json).not.toContain('ada@example.com');
    expect(json).not.toContain('friend-of-noor@example.org');
    expect(json.match(/[\w.+-]+@[\w-]+\.[\w.]+/g)?.every((e) => e === 'noor@example.com')).toBe(true);
    const [row] = await sql`select * from audit_log order by id desc limit 1`;
    expect(row).toMatchObject({ action: 'user.exported', actorId: noor.id, targetId: noor.id });
    expect((await snapshot(sql))!.audit).toBe(before!.audit + 1);
  });

  it('is open to a deactivated person', async () => {
    const gone = await seedUser(store, { name: 'Gone', status: 'deactivated' });
    expect((await exportOwnData(store, { userId: gone.id })).account.status).toBe('deactivated');
  });
});

describe('eraseUser', () => {
  it('hands the created agents over, revokes open invites and erases the rest in one go', async () => {
    const omar = await fullMember('Omar', 'omar@example.com');
    const successor = await seedUser(store, { name: 'Sol' });
    const plan = await describeErasure(store, { actorId: admin.id, userId: omar.id });
    expect(plan).toMatchObject({ agents: ['Omar Helpdesk'], openInvites: 2, personalAgents: 1 });
    expect(plan.candidates[0]!.role).toBe('admin');

    const erasure = await eraseUser(store, { actorId: admin.id, userId: omar.id, successorId: successor.id });
    expect(erasure).toMatchObject({ agents: ['Omar Helpdesk'], invitesRevoked: 2, personalAgentsDeleted: 1 });
    expect(erasure.identities).toHaveLength(2);
    for (const table of ['users', 'identities', 'group_members', 'personal_context', 'password_resets'])
      expect(
        await sql`select 1 from ${sql(table)} where ${sql(table === 'users' ? 'id' : 'user_id')} = ${omar.id}`,
      ).toHaveLength(0);
    const [agent] = await sql`select created_by from agents where name = 'Omar Helpdesk'`;
    expect(agent!.createdBy).toBe(successor.id);
    expect(await sql`select 1 from agents where owner_id = ${omar.id}`).toHaveLength(0);
    expect(await sql`select 1 from invites where revoked_at is null and created_by is null`).toHaveLength(0);

    const [audit] = await sql`select * from audit_log where action = 'user.erased' order by id desc limit 1`;
    expect(audit).toMatchObject({
      actorId: admin.id,
      targetId: omar.id,
      targetName: 'Omar',
      targetEmail: 'omar@example.com',
    });
    expect(audit!.details).toMatchObject({
      by: 'admin',
      agentsTo: { id: successor.id, name: 'Sol' },
      agents: ['Omar Helpdesk'],
      invitesRevoked: 2,
    });
    const kept =
      await sql`select action from audit_log where target_id = ${omar.id} or actor_id = ${omar.id}`;
    expect(kept.length).toBeGreaterThan(5);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });

  it('also hands over deleted agents, whose creator would otherwise block the erasure', async () => {
    const pia = await seedUser(store, { name: 'Pia', role: 'admin' });
    await createAgent(store, { actorId: pia.id, name: 'Old Bot' });
    await deleteAgent(store, { actorId: pia.id, agentName: 'Old Bot' });
    expect((await describeErasure(store, { actorId: admin.id, userId: pia.id })).agents).toEqual([]);
    const erasure = await eraseUser(store, { actorId: admin.id, userId: pia.id, successorId: null });
    expect(erasure.agents).toEqual([]);
    const [agent] = await sql`select created_by, deleted_at from agents where name = 'Old Bot'`;
    expect(agent).toMatchObject({ createdBy: null, deletedAt: expect.any(Date) });
  });

  it('changes nothing when a step fails half-way', async () => {
    const quinn = await fullMember('Quinn', 'quinn@example.com');
    await sql.unsafe(`
      create function refuse_quinn() returns trigger language plpgsql as $$
      begin raise exception 'disk full'; end $$;
      create trigger refuse_quinn before delete on users for each row
        when (old.id = '${quinn.id}') execute function refuse_quinn();`);
    const before = await snapshot(sql);
    await expect(
      eraseUser(store, { actorId: admin.id, userId: quinn.id, successorId: admin.id }),
    ).rejects.toThrow(/disk full/);
    expect(await snapshot(sql)).toEqual(before);
    await sql`drop trigger refuse_quinn on users`;
  });

  it('refuses oneself, non-admins, unknown people and a successor who is not another active person', async () => {
    const rex = await fullMember('Rex', 'rex@example.com');
    const member = await seedUser(store);
    const inactive = await seedUser(store, { status: 'deactivated' });
    const before = await snapshot(sql);
    await expect(
      eraseUser(store, { actorId: admin.id, userId: admin.id, successorId: null }),
    ).rejects.toThrow(SelfActionError);
    await expect(describeErasure(store, { actorId: admin.id, userId: admin.id })).rejects.toThrow(
      SelfActionError,
    );
    await expect(
      eraseUser(store, { actorId: member.id, userId: rex.id, successorId: admin.id }),
    ).rejects.toThrow(NotAdminError);
    await expect(
      eraseUser(store, {
        actorId: admin.id,
        userId: '00000000-0000-4000-8000-000000000000',
        successorId: null,
      }),
    ).rejects.toThrow(UnknownUserError);
    for (const successorId of [inactive.id, rex.id, null])
      await expect(eraseUser(store, { actorId: admin.id, userId: rex.id, successorId })).rejects.toThrow(
        ValidationError,
      );
    expect(await snapshot(sql)).toEqual(before);
  });
});

describe('erasure and the last admin', () => {
  it('leaves one admin when two admins erase each other at once', async () => {
    const lone = await createTestDatabase({ max: 6 });
    const a = await seedUser(lone.store, { role: 'admin', name: 'A' });
    const b = await seedUser(lone.store, { role: 'admin', name: 'B' });
    const results = await Promise.allSettled([
      eraseUser(lone.store, { actorId: a.id, userId: b.id, successorId: null }),
      eraseUser(lone.store, { actorId: b.id, userId: a.id, successorId: null }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(NotAdminError);
    const admins = await lone.sql`select id from users where role = 'admin' and status = 'active'`;
    expect(admins).toHaveLength(1);
    expect((await verifyAuditChain(lone.store)).broken).toEqual([]);
  });

  it('refuses /deleteme for the last active admin, also when two admins leave at once', async () => {
    const lone = await createTestDatabase({ max: 6 });
    const a = await seedUser(lone.store, { role: 'admin' });
    await expect(describeOwnErasure(lone.store, { userId: a.id })).rejects.toThrow(LastAdminError);
    await expect(eraseSelf(lone.store, { userId: a.id })).rejects.toThrow(LastAdminError);
    const b = await seedUser(lone.store, { role: 'admin' });
    const results = await Promise.allSettled([
      eraseSelf(lone.store, { userId: a.id }),
      eraseSelf(lone.store, { userId: b.id }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(
      LastAdminError,
    );
    expect(await lone.sql`select 1 from users where role = 'admin' and status = 'active'`).toHaveLength(1);
  });
});

describe('eraseSelf', () => {
  it('gives what one created to the admin who invited them, and says so in the audit row', async () => {
    const inviter = await seedUser(store, { role: 'admin', name: 'Ines' });
    const sam = await seedUser(store, { role: 'admin', name: 'Sam', email: 'sam@example.com' });
    await sql`update users set invited_by = ${inviter.id} where id = ${sam.id}`;
    await createAgent(store, { actorId: sam.id, name: 'Sam Bot' });
    await deactivateUser(store, { actorId: admin.id, userId: sam.id });
    const plan = await describeOwnErasure(store, { userId: sam.id });
    expect(plan.successor?.name).toBe('Ines');
    const erasure = await eraseSelf(store, { userId: sam.id });
    expect(erasure).toMatchObject({ agents: ['Sam Bot'], successor: { id: inviter.id } });
    const [audit] = await sql`select * from audit_log where action = 'user.erased' order by id desc limit 1`;
    expect(audit).toMatchObject({ actorId: sam.id, targetId: sam.id });
    expect(audit!.details).toMatchObject({ by: 'self', agentsTo: { name: 'Ines' }, agents: ['Sam Bot'] });
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });

  it('falls back to the first admin when the inviter is gone or not an admin', async () => {
    const inviter = await seedUser(store, { name: 'Member Inviter' });
    const tess = await seedUser(store, { role: 'admin', name: 'Tess' });
    await sql`update users set invited_by = ${inviter.id} where id = ${tess.id}`;
    await createAgent(store, { actorId: tess.id, name: 'Tess Bot' });
    await changeRole(store, { actorId: admin.id, userId: tess.id, role: 'member' });
    const erasure = await eraseSelf(store, { userId: tess.id });
    expect(erasure.successor?.id).toBe(admin.id);
  });
});
