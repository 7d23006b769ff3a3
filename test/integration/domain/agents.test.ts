import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import type { AgentVisibility } from '../../../src/domain/enums.js';
import {
  createAgent,
  deleteAgent,
  findVisibleAgent,
  listAgentsForAdmin,
  listVisibleAgents,
  setAgentAccess,
} from '../../../src/domain/agents.js';
import {
  addToGroup,
  createGroup,
  deleteGroup,
  removeFromGroup,
  setUserGroups,
} from '../../../src/domain/groups.js';
import {
  NameTakenError,
  NotAdminError,
  UnknownAgentError,
  UnknownGroupError,
  ValidationError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
const insider = await seedUser(store, { name: 'Insider' });
const outsider = await seedUser(store, { name: 'Outsider' });
const gone = await seedUser(store, { name: 'Gone' });

const labels = new Map<string, string>();

async function personal(ownerId: string, name: string, label: string, visibility: AgentVisibility) {
  const agent = await store.agents.insertAgent({
    name,
    description: '',
    instructions: '',
    visibility,
    ownerId,
    createdBy: ownerId,
  });
  labels.set(agent.id, label);
}

async function shared(name: string, label: string, access: 'all' | string[]) {
  const agent = await createAgent(store, { actorId: admin.id, name });
  if (access !== 'all') await setAgentAccess(store, { actorId: admin.id, agentName: name, access });
  labels.set(agent.id, label);
}

await createGroup(store, { actorId: admin.id, name: 'Finance' });
await createGroup(store, { actorId: admin.id, name: 'Board' });
await addToGroup(store, { actorId: admin.id, groupName: 'finance', userId: insider.id });
await addToGroup(store, { actorId: admin.id, groupName: 'Finance', userId: gone.id });
await shared('Helpdesk', 'all', 'all');
await shared('Ledger', 'finance', ['Finance']);
await shared('Vault', 'board', ['Board']);
await shared('Archived', 'deleted', 'all');
await deleteAgent(store, { actorId: admin.id, agentName: 'Archived' });
await personal(admin.id, 'Smithers', "admin's own", 'restricted');
await personal(insider.id, 'Smithers', "insider's own", 'restricted');
await personal(outsider.id, 'Smithers', "outsider's own", 'restricted');
await personal(outsider.id, 'Diary', "outsider's own, open", 'all');
await personal(gone.id, 'Smithers', "gone's own", 'restricted');
await store.users.setStatus(gone.id, 'deactivated');

async function sees(userId: string): Promise<string[]> {
  return (await listVisibleAgents(store, userId)).map((a) => labels.get(a.id) ?? a.name).sort();
}

async function audits(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log`;
  return row!.n;
}

describe('listVisibleAgents', () => {
  it.each([
    ['a member in the group', insider, ['all', 'finance', "insider's own"]],
    ['a member in no group', outsider, ['all', "outsider's own", "outsider's own, open"]],
    ['an admin', admin, ["admin's own", 'all', 'board', 'finance']],
    ['a deactivated person', gone, []],
  ])('shows %s exactly the agents DESIGN §2 allows', async (_, user, expected) => {
    expect(await sees(user.id)).toEqual(expected);
  });

  it('applies a membership change on the very next call', async () => {
    await addToGroup(store, { actorId: admin.id, groupName: 'Finance', userId: outsider.id });
    expect(await sees(outsider.id)).toContain('finance');
    await removeFromGroup(store, { actorId: admin.id, groupName: 'Finance', userId: outsider.id });
    expect(await sees(outsider.id)).not.toContain('finance');
    await setUserGroups(store, { actorId: admin.id, userId: outsider.id, groupNames: ['Board'] });
    expect(await sees(outsider.id)).toContain('board');
    await setUserGroups(store, { actorId: admin.id, userId: outsider.id, groupNames: [] });
    expect(await sees(outsider.id)).not.toContain('board');
  });

  it('applies deleting a group on the very next call', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Temporary' });
    await createAgent(store, { actorId: admin.id, name: 'Scratch' });
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Scratch', access: ['Temporary'] });
    await addToGroup(store, { actorId: admin.id, groupName: 'Temporary', userId: outsider.id });
    expect(await sees(outsider.id)).toContain('Scratch');
    await deleteGroup(store, { actorId: admin.id, name: 'Temporary' });
    expect(await sees(outsider.id)).not.toContain('Scratch');
  });

  it('applies restricting and reopening an agent on the very next call', async () => {
    await setAgentAccess(store, { actorId: admin.id, agentName: 'helpdesk', access: ['Finance'] });
    expect(await sees(outsider.id)).not.toContain('all');
    expect(await sees(insider.id)).toContain('all');
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Helpdesk', access: 'all' });
    expect(await sees(outsider.id)).toContain('all');
  });
});

describe('findVisibleAgent', () => {
  it('finds a visible agent by name, case-insensitively', async () => {
    expect((await findVisibleAgent(store, insider.id, ' LEDGER ')).name).toBe('Ledger');
  });

  it('refuses hidden, personal, deleted and missing agents with the same error', async () => {
    const refusal = async (name: string) => {
      const error = await findVisibleAgent(store, insider.id, name).then(
        () => new Error(`${name} was found`),
        (e: Error) => e,
      );
      expect(error).toBeInstanceOf(UnknownAgentError);
      return { code: (error as UnknownAgentError).code, message: error.message.replace(name, '…') };
    };
    const missing = await refusal('Nonexistent');
    expect(await refusal('Vault')).toEqual(missing);
    expect(await refusal('Diary')).toEqual(missing);
    expect(await refusal('Archived')).toEqual(missing);
  });

  it('refuses a deactivated person their own agent', async () => {
    await expect(findVisibleAgent(store, gone.id, 'Smithers')).rejects.toBeInstanceOf(UnknownAgentError);
  });
});

describe('createAgent', () => {
  it('creates a shared agent open to all, created by the admin, and audits it', async () => {
    const agent = await createAgent(store, {
      actorId: admin.id,
      name: 'Writer',
      description: 'Drafts things',
      instructions: 'Be brief.',
    });
    expect(agent).toMatchObject({
      name: 'Writer',
      description: 'Drafts things',
      instructions: 'Be brief.',
      visibility: 'all',
      ownerId: null,
      createdBy: admin.id,
    });
    const [row] = await sql`select * from audit_log where action = 'agent.created' order by id desc limit 1`;
    expect(row).toMatchObject({ actorId: admin.id, actorName: 'Ada', details: { agent: 'Writer' } });
  });

  it('refuses a shared name in another case, but allows the name of a deleted agent', async () => {
    await expect(createAgent(store, { actorId: admin.id, name: 'HELPDESK' })).rejects.toBeInstanceOf(
      NameTakenError,
    );
    expect((await createAgent(store, { actorId: admin.id, name: 'archived' })).name).toBe('archived');
  });

  it.each([
    ['an empty name', { name: '  ' }],
    ['a name of 101 characters', { name: 'a'.repeat(101) }],
    ['a name with bad characters', { name: '<b>bold</b>' }],
    ['a description of 501 characters', { name: 'Fine', description: 'd'.repeat(501) }],
  ])('refuses %s and writes nothing', async (_, input) => {
    const [before] = await sql`select count(*)::int as n from agents`;
    const rows = await audits();
    await expect(createAgent(store, { actorId: admin.id, ...input })).rejects.toBeInstanceOf(ValidationError);
    expect(await sql`select count(*)::int as n from agents`).toEqual([before]);
    expect(await audits()).toBe(rows);
  });
});

describe('setAgentAccess', () => {
  it('audits the access before and after', async () => {
    await createAgent(store, { actorId: admin.id, name: 'Reports' });
    expect(
      await setAgentAccess(store, { actorId: admin.id, agentName: 'Reports', access: ['board', 'Finance'] }),
    ).toEqual(['Board', 'Finance']);
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Reports', access: ['Board'] });
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Reports', access: 'all' });
    const rows = await sql`
      select * from audit_log
      where action = 'agent.access_updated' and details->>'agent' = 'Reports' order by id`;
    expect(rows.map((r) => r.details)).toEqual([
      { agent: 'Reports', before: 'all', after: ['Board', 'Finance'] },
      { agent: 'Reports', before: ['Board', 'Finance'], after: ['Board'] },
      { agent: 'Reports', before: ['Board'], after: 'all' },
    ]);
    expect(rows[0]).toMatchObject({ actorId: admin.id, actorName: 'Ada', actorEmail: 'ada@example.com' });
  });

  it('refuses unknown groups, no groups at all and unknown agents, writing nothing', async () => {
    const rows = await audits();
    await expect(
      setAgentAccess(store, { actorId: admin.id, agentName: 'Ledger', access: ['Finance', 'Nope'] }),
    ).rejects.toBeInstanceOf(UnknownGroupError);
    await expect(
      setAgentAccess(store, { actorId: admin.id, agentName: 'Ledger', access: [] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      setAgentAccess(store, { actorId: admin.id, agentName: 'Ghost', access: 'all' }),
    ).rejects.toBeInstanceOf(UnknownAgentError);
    expect(await audits()).toBe(rows);
    expect(await sees(insider.id)).toContain('finance');
    expect(await sees(outsider.id)).not.toContain('finance');
  });

  it("never changes a personal agent's access, by its name or any other, and writes nothing", async () => {
    const rows = await audits();
    const access = async () => sql`
      select a.id, a.visibility, array(select group_id from agent_groups g where g.agent_id = a.id) as groups
      from agents a where a.owner_id is not null order by a.id`;
    const before = await access();
    for (const agentName of ['Smithers', 'smithers', 'Diary'])
      for (const change of ['all', ['Finance']] as const)
        await expect(
          setAgentAccess(store, {
            actorId: admin.id,
            agentName,
            access: change === 'all' ? 'all' : [...change],
          }),
        ).rejects.toBeInstanceOf(UnknownAgentError);
    expect(await access()).toEqual(before);
    expect(await audits()).toBe(rows);
    expect(await sees(insider.id)).toContain("insider's own");
    expect(await sees(insider.id)).not.toContain("outsider's own");
  });

  it('settles concurrent changes by several admins on one of them', async () => {
    await createAgent(store, { actorId: admin.id, name: 'Busy' });
    const choices: ('all' | string[])[] = [['Finance'], ['Board'], ['Finance', 'Board'], 'all', ['Board']];
    await Promise.all(
      choices.map((access) => setAgentAccess(store, { actorId: admin.id, agentName: 'Busy', access })),
    );
    const [row] = await sql`
      select details from audit_log where action = 'agent.access_updated' and details->>'agent' = 'Busy'
      order by id desc limit 1`;
    const busy = (await listAgentsForAdmin(store, { actorId: admin.id })).find((a) => a.name === 'Busy')!;
    expect(busy.visibility === 'all' ? 'all' : busy.groupNames).toEqual(row!.details.after);
  });
});

describe('deleteAgent', () => {
  it('soft-deletes a shared agent for everyone and audits it', async () => {
    await createAgent(store, { actorId: admin.id, name: 'Temp' });
    const deleted = await deleteAgent(store, { actorId: admin.id, agentName: 'temp' });
    const [row] = await sql`select deleted_at, deleted_reason from agents where id = ${deleted.id}`;
    expect(row).toEqual({ deletedAt: expect.any(Date), deletedReason: 'deleted' });
    expect(await sees(admin.id)).not.toContain('Temp');
    const [audit] =
      await sql`select * from audit_log where action = 'agent.deleted' order by id desc limit 1`;
    expect(audit).toMatchObject({ actorId: admin.id, details: { agent: 'Temp' } });
    await expect(deleteAgent(store, { actorId: admin.id, agentName: 'Temp' })).rejects.toBeInstanceOf(
      UnknownAgentError,
    );
  });

  it('deletes once when two admins delete the same agent at once', async () => {
    await createAgent(store, { actorId: admin.id, name: 'Twice' });
    const results = await Promise.allSettled([
      deleteAgent(store, { actorId: admin.id, agentName: 'Twice' }),
      deleteAgent(store, { actorId: admin.id, agentName: 'twice' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await sql`
      select count(*)::int as n from audit_log
      where action = 'agent.deleted' and details->>'agent' = 'Twice'`;
    expect(row!.n).toBe(1);
  });

  it("never deletes someone's personal agent by name", async () => {
    await expect(deleteAgent(store, { actorId: admin.id, agentName: 'Smithers' })).rejects.toBeInstanceOf(
      UnknownAgentError,
    );
    expect(await sees(insider.id)).toContain("insider's own");
  });
});

describe('listAgentsForAdmin', () => {
  it('lists live shared agents with their access and how many active people may use them', async () => {
    const rows = await listAgentsForAdmin(store, { actorId: admin.id });
    expect(rows.every((a) => a.ownerId === null && a.deletedAt === null)).toBe(true);
    const [active] = await sql<{ n: number }[]>`select count(*)::int as n from users where status = 'active'`;
    expect(rows.find((a) => a.name === 'Helpdesk')).toMatchObject({
      visibility: 'all',
      groupNames: [],
      users: active!.n,
    });
    expect(rows.find((a) => a.name === 'Ledger')).toMatchObject({
      visibility: 'restricted',
      groupNames: ['Finance'],
      users: 2,
    });
    expect(rows.map((a) => a.name)).not.toContain('Temp');
  });
});

describe('agent administration by a member', () => {
  it('is refused with NotAdminError everywhere and writes nothing', async () => {
    const rows = await audits();
    const actorId = insider.id;
    const attempts = [
      createAgent(store, { actorId, name: 'Mine' }),
      setAgentAccess(store, { actorId, agentName: 'Ledger', access: 'all' }),
      deleteAgent(store, { actorId, agentName: 'Ledger' }),
      listAgentsForAdmin(store, { actorId }),
    ];
    for (const attempt of await Promise.allSettled(attempts)) {
      expect(attempt.status === 'rejected' && attempt.reason).toBeInstanceOf(NotAdminError);
    }
    expect(await audits()).toBe(rows);
    expect(await sees(outsider.id)).not.toContain('finance');
  });
});
