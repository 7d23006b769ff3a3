import type { Db } from './db.js';
import type { UserRow } from './users.js';

/** Names of the live agents `userId` created that outlive them: shared ones and others' personal ones. */
export async function listAgentsCreatedFor(db: Db, userId: string): Promise<string[]> {
  const rows = await db<{ name: string }[]>`
    select name from agents
    where created_by = ${userId} and owner_id is distinct from ${userId} and deleted_at is null
    order by lower(name)`;
  return rows.map((r) => r.name);
}

/**
 * Hands every agent `fromId` created but does not own to `toId` (deleted ones too, since the creator
 * reference would block the erasure; with no `toId` they keep no creator); returns the live ones' names.
 */
export async function transferCreatedAgents(db: Db, fromId: string, toId: string | null): Promise<string[]> {
  const rows = await db<{ name: string; deletedAt: Date | null }[]>`
    update agents set created_by = ${toId}
    where created_by = ${fromId} and owner_id is distinct from ${fromId}
    returning name, deleted_at`;
  return rows
    .filter((r) => r.deletedAt === null)
    .map((r) => r.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Deletes the person's personal agents (live and hidden); returns how many. */
export async function deletePersonalAgents(db: Db, ownerId: string): Promise<number> {
  const rows = await db`delete from agents where owner_id = ${ownerId} returning id`;
  return rows.length;
}

/**
 * Deletes the account; identities, memberships, personal context and reset links go with it by
 * cascade. Throws the last-admin violation (GH001) if it was the last active admin.
 */
export async function deleteUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db`delete from users where id = ${userId} returning id`;
  return rows.length > 0;
}

/** Someone who could take over what a leaving person created. */
export type SuccessorRow = Pick<UserRow, 'id' | 'name' | 'email' | 'role'>;

/** Active people other than `excludeId` who could take things over: admins first, then by name. */
export async function listSuccessorCandidates(
  db: Db,
  excludeId: string,
  limit: number,
): Promise<SuccessorRow[]> {
  return db<SuccessorRow[]>`
    select id, name, email, role from users
    where status = 'active' and id <> ${excludeId}
    order by role = 'admin' desc, lower(name), id
    limit ${limit}`;
}

/** The earliest active admin other than `userId`. */
export async function findFirstAdminExcept(db: Db, userId: string): Promise<SuccessorRow | undefined> {
  const [row] = await db<SuccessorRow[]>`
    select id, name, email, role from users
    where role = 'admin' and status = 'active' and id <> ${userId}
    order by created_at, id limit 1`;
  return row;
}

/**
 * Takes the lock the last-admin trigger takes, first: changes that may remove an admin then run one
 * after the other instead of deadlocking on each other's rows.
 */
export async function serialiseAdminChanges(db: Db): Promise<void> {
  await db`select pg_advisory_xact_lock(hashtext('gatehouse.admins'))`;
}
