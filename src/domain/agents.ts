import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { AgentAccessRow, AgentRow } from '../store/agents.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { asActor, requireActiveAdmin } from './actors.js';
import { recordAudit } from './audit.js';
import { NameTakenError, UnknownAgentError } from './errors.js';
import { requireGroups } from './groups.js';
import { entityNameSchema, parseField } from './validation.js';

const descriptionSchema = z.string().trim().max(500, 'must be at most 500 characters');
const instructionsSchema = z.string().trim().max(8000, 'must be at most 8000 characters');

/** A shared agent, visible to all until its access is set. */
export async function createAgent(
  store: Store,
  input: { actorId: string; name: string; description?: string; instructions?: string },
): Promise<AgentRow> {
  const name = parseField(entityNameSchema, 'agent name', input.name);
  const description = parseField(descriptionSchema, 'description', input.description ?? '');
  const instructions = parseField(instructionsSchema, 'instructions', input.instructions ?? '');
  return store
    .tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, input.actorId);
      const agent = await tx.agents.insertAgent({
        name,
        description,
        instructions,
        visibility: 'all',
        ownerId: null,
        createdBy: actor.id,
      });
      await recordAudit(tx, {
        action: 'agent.created',
        actor: asActor(actor),
        details: { agent: name, visibility: 'all' },
      });
      return agent;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'agents_shared_name')) throw new NameTakenError('agent', name);
      throw error;
    });
}

async function requireSharedAgent(store: Store, name: string): Promise<AgentRow> {
  const agent = await store.agents.getSharedAgentByName(parseField(entityNameSchema, 'agent name', name));
  if (!agent) throw new UnknownAgentError(name);
  return agent;
}

async function accessOf(store: Store, agentId: string): Promise<'all' | string[]> {
  const row = (await store.agents.listSharedAgents()).find((a) => a.id === agentId);
  return !row || row.visibility === 'all' ? 'all' : row.groupNames;
}

/** Opens an agent to everyone, or restricts it to the listed groups. Takes effect at the next message. */
export async function setAgentAccess(
  store: Store,
  input: { actorId: string; agentName: string; access: 'all' | string[] },
): Promise<'all' | string[]> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const agent = await requireSharedAgent(tx, input.agentName);
    const before = await accessOf(tx, agent.id);
    let groupIds: string[] | 'all' = 'all';
    if (input.access !== 'all') {
      groupIds = (await requireGroups(tx, input.access)).map((g) => g.id);
    }
    await tx.agents.setAgentAccess(agent.id, groupIds);
    const after = await accessOf(tx, agent.id);
    await recordAudit(tx, {
      action: 'agent.access_updated',
      actor: asActor(actor),
      details: { agent: agent.name, before, after },
    });
    return after;
  });
}

export async function deleteAgent(
  store: Store,
  input: { actorId: string; agentName: string },
): Promise<AgentRow> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const agent = await requireSharedAgent(tx, input.agentName);
    await tx.agents.softDeleteAgent(agent.id);
    await recordAudit(tx, { action: 'agent.deleted', actor: asActor(actor), details: { agent: agent.name } });
    return agent;
  });
}

/** Every shared agent with its access and how many people may use it, for admins. */
export async function listAgentsForAdmin(
  store: Store,
  input: { actorId: string },
): Promise<AgentAccessRow[]> {
  await requireActiveAdmin(store, input.actorId);
  return store.agents.listSharedAgents();
}

/** The agents this person may use now (checked on every call; nothing is cached). */
export function listVisibleAgents(store: Store, userId: string): Promise<AgentRow[]> {
  return store.agents.listVisibleAgents(userId);
}

/** The agent by name if this person may use it; a hidden agent is refused exactly like a missing one. */
export async function findVisibleAgent(store: Store, userId: string, name: string): Promise<AgentRow> {
  const agent = (await listVisibleAgents(store, userId)).find(
    (a) => a.name.toLowerCase() === name.trim().toLowerCase(),
  );
  if (!agent) throw new UnknownAgentError(name.trim().slice(0, 64));
  return agent;
}
