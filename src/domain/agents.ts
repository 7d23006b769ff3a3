import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { AgentAccessRow, AgentRow } from '../store/agents.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { asActor, requireActiveAdmin } from './actors.js';
import { recordAudit } from './audit.js';
import { NameTakenError, UnknownAgentError, ValidationError } from './errors.js';
import { requireGroups } from './groups.js';
import { entityNameSchema, parseField } from './validation.js';

const descriptionSchema = z.string().trim().max(500);
const instructionsSchema = z.string().trim().max(8000);

/**
 * Creates a shared agent, visible to all until its access is set; NameTakenError if a live shared
 * agent has the name. Admins only.
 */
export async function createAgent(
  store: Store,
  input: { actorId: string; name: string; description?: string; instructions?: string },
): Promise<AgentRow> {
  const name = parseField(entityNameSchema, 'agentName', input.name);
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

async function lockSharedAgent(store: Store, name: string): Promise<AgentRow> {
  const agent = await store.agents.lockSharedAgentByName(parseField(entityNameSchema, 'agentName', name));
  if (!agent) throw new UnknownAgentError(name);
  return agent;
}

/**
 * Opens a shared agent to everyone, or restricts it to the listed groups (at least one). Takes effect
 * at the next message. Admins only.
 */
export async function setAgentAccess(
  store: Store,
  input: { actorId: string; agentName: string; access: 'all' | string[] },
): Promise<'all' | string[]> {
  if (input.access !== 'all' && input.access.length === 0)
    throw new ValidationError('access', { kind: 'allOrSomeGroups' });
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const agent = await lockSharedAgent(tx, input.agentName);
    const before = agent.visibility === 'all' ? 'all' : await tx.agents.listAgentGroupNames(agent.id);
    const groups = input.access === 'all' ? 'all' : await requireGroups(tx, input.access);
    await tx.agents.setAgentAccess(agent.id, groups === 'all' ? 'all' : groups.map((g) => g.id));
    const after = groups === 'all' ? 'all' : await tx.agents.listAgentGroupNames(agent.id);
    await recordAudit(tx, {
      action: 'agent.access_updated',
      actor: asActor(actor),
      details: { agent: agent.name, before, after },
    });
    return after;
  });
}

/** Soft-deletes a shared agent for everyone (never a personal one). Admins only. */
export async function deleteAgent(
  store: Store,
  input: { actorId: string; agentName: string },
): Promise<AgentRow> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const agent = await lockSharedAgent(tx, input.agentName);
    await tx.agents.softDeleteAgent(agent.id);
    await recordAudit(tx, { action: 'agent.deleted', actor: asActor(actor), details: { agent: agent.name } });
    return agent;
  });
}

/**
 * Every live shared agent with its groups and how many active people may use it. Admins only; their
 * own personal agents come from `listVisibleAgents`.
 */
export async function listAgentsForAdmin(
  store: Store,
  input: { actorId: string },
): Promise<AgentAccessRow[]> {
  await requireActiveAdmin(store, input.actorId);
  return store.agents.listSharedAgents();
}

/**
 * The agents this person may use now, by DESIGN §2: read from the record, or kept from an earlier
 * read while the record's access epoch, read with the speaker's account on every update, is unchanged
 * (src/store/access-epoch.ts), so a change of access applies at the next message.
 */
export function listVisibleAgents(store: Store, userId: string): Promise<readonly AgentRow[]> {
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
