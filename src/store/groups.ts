import type { Db } from './db.js';

export interface GroupRow {
  id: string;
  name: string;
  createdAt: Date;
}

/** Throws the unique violation `groups_name_key` when the name is taken in any case. */
export async function insertGroup(db: Db, name: string): Promise<GroupRow> {
  const [row] = await db<
    GroupRow[]
  >`insert into groups (name) values (${name}) returning id, name, created_at`;
  return row!;
}

/** Deletes the group of this name (any case) with its memberships and agent access; undefined if none. */
export async function deleteGroupByName(db: Db, name: string): Promise<GroupRow | undefined> {
  const [row] = await db<GroupRow[]>`
    delete from groups where lower(name) = lower(${name}) returning id, name, created_at`;
  return row;
}

/**
 * The groups of these names (case-insensitive); missing names are simply absent. Inside a
 * transaction the rows stay share-locked, so a concurrent delete waits for the memberships or
 * access rows that are about to point at them.
 */
export async function getGroupsByNames(db: Db, names: string[]): Promise<GroupRow[]> {
  if (names.length === 0) return [];
  return db<GroupRow[]>`
    select id, name, created_at from groups
    where lower(name) = any(${names.map((n) => n.toLowerCase())}::text[])
    for share`;
}

/** Every group in name order, with how many active people are in it. */
export async function listGroups(db: Db): Promise<(GroupRow & { members: number })[]> {
  return db<(GroupRow & { members: number })[]>`
    select g.id, g.name, g.created_at,
      (select count(*)::int from group_members m join users u on u.id = m.user_id
        where m.group_id = g.id and u.status = 'active') as members
    from groups g order by lower(g.name)`;
}

/** The names of a person's groups in name order. */
export async function listUserGroupNames(db: Db, userId: string): Promise<string[]> {
  const rows = await db<{ name: string }[]>`
    select g.name from group_members m join groups g on g.id = m.group_id
    where m.user_id = ${userId} order by lower(g.name)`;
  return rows.map((r) => r.name);
}

/** Adds memberships that do not exist yet; returns how many were added. */
export async function addMembers(db: Db, userId: string, groupIds: string[]): Promise<number> {
  if (groupIds.length === 0) return 0;
  const result = await db`
    insert into group_members ${db(groupIds.map((groupId) => ({ groupId, userId })))}
    on conflict do nothing`;
  return result.count;
}

/** Removes one membership; returns whether there was one. */
export async function removeMember(db: Db, userId: string, groupId: string): Promise<boolean> {
  const result = await db`delete from group_members where user_id = ${userId} and group_id = ${groupId}`;
  return result.count === 1;
}

/** Empties a person's groups (the first half of setting them exactly). */
export async function removeAllMemberships(db: Db, userId: string): Promise<void> {
  await db`delete from group_members where user_id = ${userId}`;
}

/** What deleting a group takes away, read before asking. */
export interface GroupDeletionImpactRow {
  name: string;
  /** Active people in it. */
  members: number;
  /** Invites that name it and could still be claimed. */
  pendingInvites: number;
  /** Live shared agents restricted to this group alone, in name order. */
  soleGroupAgents: string[];
}

/** What deleting the group of this name (any case) takes away, in one query; undefined if none. */
export async function describeGroupDeletion(
  db: Db,
  name: string,
): Promise<GroupDeletionImpactRow | undefined> {
  const [row] = await db<GroupDeletionImpactRow[]>`
    select g.name,
      (select count(*)::int from group_members m join users u on u.id = m.user_id
        where m.group_id = g.id and u.status = 'active') as members,
      (select count(*)::int from invite_groups ig join invites i on i.id = ig.invite_id
        where ig.group_id = g.id and i.revoked_at is null and i.uses < i.max_uses
          and i.expires_at > now()) as pending_invites,
      coalesce((select array_agg(a.name order by lower(a.name)) from agent_groups ag
        join agents a on a.id = ag.agent_id
        where ag.group_id = g.id and a.owner_id is null and a.deleted_at is null
          and a.visibility = 'restricted'
          and not exists (select 1 from agent_groups other
                          where other.agent_id = a.id and other.group_id <> g.id)), '{}') as sole_group_agents
    from groups g where lower(g.name) = lower(${name})`;
  return row;
}
