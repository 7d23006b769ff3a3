import type { Db } from './db.js';

export interface GroupRow {
  id: string;
  name: string;
  createdAt: Date;
}

export async function insertGroup(db: Db, name: string): Promise<GroupRow> {
  const [row] = await db<
    GroupRow[]
  >`insert into groups (name) values (${name}) returning id, name, created_at`;
  return row!;
}

export async function deleteGroup(db: Db, groupId: string): Promise<void> {
  await db`delete from groups where id = ${groupId}`;
}

export async function getGroupByName(db: Db, name: string): Promise<GroupRow | undefined> {
  const [row] = await db<
    GroupRow[]
  >`select id, name, created_at from groups where lower(name) = lower(${name})`;
  return row;
}

/** The groups of these names (case-insensitive); missing names are simply absent. */
export async function getGroupsByNames(db: Db, names: string[]): Promise<GroupRow[]> {
  if (names.length === 0) return [];
  return db<GroupRow[]>`
    select id, name, created_at from groups where lower(name) = any(${names.map((n) => n.toLowerCase())}::text[])`;
}

export async function listGroups(db: Db): Promise<(GroupRow & { members: number })[]> {
  return db<(GroupRow & { members: number })[]>`
    select g.id, g.name, g.created_at,
      (select count(*)::int from group_members m join users u on u.id = m.user_id
        where m.group_id = g.id and u.status = 'active') as members
    from groups g order by lower(g.name)`;
}

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

export async function removeMember(db: Db, userId: string, groupId: string): Promise<boolean> {
  const result = await db`delete from group_members where user_id = ${userId} and group_id = ${groupId}`;
  return result.count === 1;
}

export async function removeAllMemberships(db: Db, userId: string): Promise<void> {
  await db`delete from group_members where user_id = ${userId}`;
}
