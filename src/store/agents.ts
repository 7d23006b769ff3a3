import { keptWhileAccessUnchanged } from './access-epoch.js';
import type { Db } from './db.js';
import type { AgentDeletedReason, AgentVisibility } from '../domain/enums.js';

export interface AgentRow {
  id: string;
  name: string;
  description: string;
  instructions: string;
  visibility: AgentVisibility;
  ownerId: string | null;
  createdBy: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  deletedReason: AgentDeletedReason | null;
}

export type NewAgent = Pick<
  AgentRow,
  'name' | 'description' | 'instructions' | 'visibility' | 'ownerId' | 'createdBy'
>;

/** Throws the unique violation `agents_shared_name` (or `agents_personal_name`) when the name is taken. */
export async function insertAgent(db: Db, agent: NewAgent): Promise<AgentRow> {
  const [row] = await db`
    insert into agents ${db(agent, 'name', 'description', 'instructions', 'visibility', 'ownerId', 'createdBy')}
    returning *`;
  return row as AgentRow;
}

/**
 * The agents `userId` may use, by DESIGN §2: visible to all, restricted to a group they are in, or
 * their own personal one; admins see every agent but other people's personal ones; deactivated
 * people see none. Read fresh on every call. The group check is uncorrelated: Postgres reads the
 * person's few groups once rather than once per restricted agent (7× faster at 10,000 agents).
 */
export async function listVisibleAgents(db: Db, userId: string): Promise<readonly AgentRow[]> {
  return db<AgentRow[]>`
    select a.* from agents a, users u
    where u.id = ${userId} and u.status = 'active' and a.deleted_at is null
      and (
        a.owner_id = u.id
        or (a.owner_id is null and (
          u.role = 'admin'
          or a.visibility = 'all'
          or a.id in (select ag.agent_id from agent_groups ag join group_members m on m.group_id = ag.group_id
                      where m.user_id = ${userId})))
      )
    order by a.owner_id is not null, lower(a.name)`;
}

/**
 * `listVisibleAgents`, or its answer kept from an earlier call while the access epoch this process
 * has seen is unchanged (access-epoch.ts). Only for a caller that has read the speaker's account
 * (`getUserByIdentity`, which reads the epoch) since the change it must see: the engine, whose
 * every update begins with that read. Outside a transaction only.
 */
export async function listVisibleAgentsKept(db: Db, userId: string): Promise<readonly AgentRow[]> {
  return keptWhileAccessUnchanged(db, userId, () => listVisibleAgents(db, userId));
}

/**
 * A live shared (not personal) agent by name, case-insensitive, locked until the transaction ends so
 * concurrent access changes and deletes of it run one after the other.
 */
export async function lockSharedAgentByName(db: Db, name: string): Promise<AgentRow | undefined> {
  const [row] = await db<AgentRow[]>`
    select * from agents where lower(name) = lower(${name}) and owner_id is null and deleted_at is null
    for update`;
  return row;
}

/** The names of the groups an agent is restricted to, in name order. */
export async function listAgentGroupNames(db: Db, agentId: string): Promise<string[]> {
  const rows = await db<{ name: string }[]>`
    select g.name from agent_groups ag join groups g on g.id = ag.group_id
    where ag.agent_id = ${agentId} order by lower(g.name)`;
  return rows.map((r) => r.name);
}

export interface AgentAccessRow extends AgentRow {
  groupNames: string[];
  /** Active people who may use it. */
  users: number;
}

/** Every live shared agent with its groups and how many active people may use it. */
export async function listSharedAgents(db: Db): Promise<AgentAccessRow[]> {
  return db<AgentAccessRow[]>`
    select a.*,
      coalesce((select array_agg(g.name order by lower(g.name)) from agent_groups ag
                join groups g on g.id = ag.group_id where ag.agent_id = a.id), '{}') as group_names,
      (select count(*)::int from users u where u.status = 'active' and (
         u.role = 'admin' or a.visibility = 'all' or exists (
           select 1 from agent_groups ag join group_members m on m.group_id = ag.group_id
           where ag.agent_id = a.id and m.user_id = u.id))) as users
    from agents a where a.owner_id is null and a.deleted_at is null
    order by lower(a.name)`;
}

/** Opens the agent to all or restricts it to exactly these groups; lock the agent first. */
export async function setAgentAccess(db: Db, agentId: string, groupIds: string[] | 'all'): Promise<void> {
  await db`delete from agent_groups where agent_id = ${agentId}`;
  await db`update agents set visibility = ${groupIds === 'all' ? 'all' : 'restricted'} where id = ${agentId}`;
  if (groupIds !== 'all' && groupIds.length > 0) {
    await db`insert into agent_groups ${db(groupIds.map((groupId) => ({ agentId, groupId })))}`;
  }
}

/** Hides the agent for good (reason `deleted`: reactivation never brings it back). */
export async function softDeleteAgent(db: Db, agentId: string): Promise<void> {
  await db`update agents set deleted_at = now(), deleted_reason = 'deleted' where id = ${agentId} and deleted_at is null`;
}

/** Hides a person's personal agents when they are deactivated; returns how many. */
export async function hidePersonalAgents(db: Db, ownerId: string): Promise<number> {
  const result = await db`
    update agents set deleted_at = now(), deleted_reason = 'deactivated'
    where owner_id = ${ownerId} and deleted_at is null`;
  return result.count;
}

/** Brings back exactly what deactivation hid, not what was deleted for other reasons. */
export async function restorePersonalAgents(db: Db, ownerId: string): Promise<number> {
  const result = await db`
    update agents set deleted_at = null, deleted_reason = null
    where owner_id = ${ownerId} and deleted_reason = 'deactivated'`;
  return result.count;
}

/** A person's personal agents, hidden ones included. */
export async function listPersonalAgents(db: Db, ownerId: string): Promise<AgentRow[]> {
  return db<AgentRow[]>`select * from agents where owner_id = ${ownerId} order by lower(name)`;
}
