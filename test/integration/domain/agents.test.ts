import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import {
  createAgent,
  deleteAgent,
  findVisibleAgent,
  listAgentsForAdmin,
  listVisibleAgents,
  setAgentAccess,
} from '../../../src/domain/agents.js';
import { addToGroup, createGroup, removeFromGroup } from '../../../src/domain/groups.js';
import {
  NameTakenError,
  NotAdminError,
  UnknownAgentError,
  UnknownGroupError,
  ValidationError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Admin' });
const insider = await seedUser(store, { name: 'Insider' });
const outsider = await seedUser(store, { name: 'Outsider' });
await createGroup(store, { actorId: admin.id, name: 'Finance' });
await addToGroup(store, { actorId: admin.id, groupName: 'finance', userId: insider.id });
await createAgent(store, { actorId: admin.id, name: 'Helpdesk', description: 'For everyone' });
await createAgent(store, { actorId: admin.id, name: 'Ledger' });
await setAgentAccess(store, { actorId: admin.id, agentName: 'Ledger', access: ['Finance'] });
const personal = (owner: string) =>
  store.agents.insertAgent({
    name: 'Smithers',
    description: '',
    instructions: '',
    visibility: 'restricted',
    ownerId: owner,
    createdBy: owner,
  });
await personal(insider.id);
await personal(outsider.id);

const names = async (userId: string) =>
  (await listVisibleAgents(store, userId)).map(
    (a) => `${a.name}${a.ownerId ? `(${a.ownerId === userId ? 'own' : 'other'})` : ''}`,
  );

describe('agent visibility', () => {
  it('shows a member the agents for all, their groups and their own personal one', async () => {
    expect(await names(insider.id)).toEqual(['Helpdesk', 'Ledger', 'Smithers(own)']);
    expect(await names(outsider.id)).toEqual(['Helpdesk', 'Smithers(own)']);
  });

  it("shows an admin every shared agent but never someone else's personal one", async () => {
    expect(await names(admin.id)).toEqual(['Helpdesk', 'Ledger']);
  });

  it('applies a group change on the very next call', async () => {
    await addToGroup(store, { actorId: admin.id, groupName: 'Finance', userId: outsider.id });
    expect(await names(outsider.id)).toContain('Ledger');
    await removeFromGroup(store, { actorId: admin.id, groupName: 'Finance', userId: outsider.id });
    expect(await names(outsider.id)).not.toContain('Ledger');
  });

  it('applies restricting and reopening an agent at once', async () => {
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Helpdesk', access: ['Finance'] });
    expect(await names(outsider.id)).not.toContain('Helpdesk');
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Helpdesk', access: 'all' });
    expect(await names(outsider.id)).toContain('Helpdesk');
    const [audit] =
      await sql`select details from audit_log where action = 'agent.access_updated' order by id desc limit 1`;
    expect(audit!.details).toEqual({ agent: 'Helpdesk', before: ['Finance'], after: 'all' });
  });

  it('shows a deactivated person nothing', async () => {
    const gone = await seedUser(store, { status: 'deactivated' });
    await personal(gone.id);
    expect(await names(gone.id)).toEqual([]);
  });

  it('refuses a hidden agent exactly like a missing one', async () => {
    const hidden = await findVisibleAgent(store, outsider.id, 'Ledger').catch((e: Error) => e);
    const missing = await findVisibleAgent(store, outsider.id, 'Nonexistent').catch((e: Error) => e);
    expect(hidden).toBeInstanceOf(UnknownAgentError);
    expect(missing).toBeInstanceOf(UnknownAgentError);
    expect((hidden as Error).message.replace('Ledger', 'X')).toBe(
      (missing as Error).message.replace('Nonexistent', 'X'),
    );
    expect((await findVisibleAgent(store, insider.id, 'ledger')).name).toBe('Ledger');
  });

  it('deletes an agent for everyone', async () => {
    await createAgent(store, { actorId: admin.id, name: 'Temp' });
    await deleteAgent(store, { actorId: admin.id, agentName: 'temp' });
    expect(await names(admin.id)).not.toContain('Temp');
  });
});

describe('agent administration', () => {
  it('lists shared agents with access and how many people may use them', async () => {
    const rows = await listAgentsForAdmin(store, { actorId: admin.id });
    const ledger = rows.find((a) => a.name === 'Ledger');
    expect(ledger).toMatchObject({ visibility: 'restricted', groupNames: ['Finance'] });
    expect(ledger!.users).toBe(2);
  });

  it('refuses duplicates, unknown groups, bad names and members', async () => {
    await expect(createAgent(store, { actorId: admin.id, name: 'helpdesk' })).rejects.toBeInstanceOf(
      NameTakenError,
    );
    await expect(
      setAgentAccess(store, { actorId: admin.id, agentName: 'Ledger', access: ['Nope'] }),
    ).rejects.toBeInstanceOf(UnknownGroupError);
    await expect(createAgent(store, { actorId: admin.id, name: '<b>bad</b>' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createAgent(store, { actorId: insider.id, name: 'Mine' })).rejects.toBeInstanceOf(
      NotAdminError,
    );
  });
});
