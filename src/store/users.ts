import type { Db } from './db.js';
import type { Role, UserStatus } from '../domain/enums.js';

export interface UserRow {
  id: string;
  name: string;
  email: string | null;
  role: Role;
  status: UserStatus;
  invitedBy: string | null;
  createdAt: Date;
  lastSeenAt: Date | null;
  deactivatedAt: Date | null;
}

/** Every column but the password hash, which only `getPasswordHash` reads. */
const USER_COLUMNS = [
  'id',
  'name',
  'email',
  'role',
  'status',
  'invitedBy',
  'createdAt',
  'lastSeenAt',
  'deactivatedAt',
];

/** The account with this id, if any. */
export async function getUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where id = ${id}`;
  return row;
}

/** Reads the user and locks the row until the transaction ends. */
export async function lockUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where id = ${id} for update`;
  return row;
}

/** The account with this email, which must already be trimmed and lower-cased. */
export async function getUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where email = ${email}`;
  return row;
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db<{ passwordHash: string }[]>`select password_hash from users where id = ${userId}`;
  return row?.passwordHash;
}

export interface NewUser {
  name: string;
  email: string | null;
  role: Role;
  passwordHash: string;
  invitedBy: string | null;
}

/** Inserts an account; the first account ever becomes an admin whatever `role` says (a trigger). */
export async function insertUser(db: Db, user: NewUser): Promise<UserRow> {
  const [row] = await db`
    insert into users ${db(user, 'name', 'email', 'role', 'passwordHash', 'invitedBy')}
    returning ${db(USER_COLUMNS)}`;
  return row as UserRow;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db<{ count: number }[]>`select count(*)::int as count from users`;
  return row!.count;
}

/** The earliest active admin (the emergency CLI's default target). */
export async function getFirstActiveAdmin(db: Db): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`
    select ${db(USER_COLUMNS)} from users where role = 'admin' and status = 'active'
    order by created_at, id limit 1`;
  return row;
}

/** Sets the hash; false when no account has this id (any more). */
export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<boolean> {
  const result = await db`update users set password_hash = ${passwordHash} where id = ${userId}`;
  return result.count === 1;
}

/** Cheap on every message: writes only when the last mark is a minute old. */
export async function touchLastSeen(db: Db, userId: string): Promise<void> {
  await db`
    update users set last_seen_at = now()
    where id = ${userId} and (last_seen_at is null or last_seen_at < now() - interval '1 minute')`;
}

/** Throws the trigger's last-admin error (GH001) when this would leave no active admin. */
export async function setRole(db: Db, userId: string, role: Role): Promise<void> {
  await db`update users set role = ${role} where id = ${userId}`;
}

/**
 * Activates or deactivates an account, stamping `deactivated_at`; throws the trigger's last-admin
 * error (GH001) when this would leave no active admin.
 */
export async function setStatus(db: Db, userId: string, status: UserStatus): Promise<void> {
  await db`
    update users set status = ${status}, deactivated_at = ${status === 'deactivated' ? db`now()` : null}
    where id = ${userId}`;
}

/** Renames an account; the name must already be validated. */
export async function setName(db: Db, userId: string, name: string): Promise<void> {
  await db`update users set name = ${name} where id = ${userId}`;
}

export interface UserListRow extends UserRow {
  groups: string[];
  platforms: string[];
}

/**
 * One page of users ordered by (lower(name), id), after the keyset `after`; `query` matches name
 * or email case-insensitively.
 */
export async function listUsers(
  db: Db,
  options: { query: string | null; after: { name: string; id: string } | null; limit: number },
): Promise<UserListRow[]> {
  const pattern = options.query ? `%${options.query.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null;
  return db<UserListRow[]>`
    select ${db(USER_COLUMNS.map((c) => `u.${c}`))},
      coalesce((select array_agg(g.name order by lower(g.name)) from group_members m
                join groups g on g.id = m.group_id where m.user_id = u.id), '{}') as groups,
      coalesce((select array_agg(distinct i.platform) from identities i where i.user_id = u.id), '{}') as platforms
    from users u
    where true
      ${pattern ? db`and (lower(u.name) || ' ' || coalesce(u.email, '')) like ${pattern}` : db``}
      ${options.after ? db`and (lower(u.name), u.id) > (lower(${options.after.name}), ${options.after.id}::uuid)` : db``}
    order by lower(u.name), u.id
    limit ${options.limit}`;
}

/** The user a chat @username belongs to (case-insensitive), if exactly one. */
export async function getUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  const rows = await db<UserRow[]>`
    select distinct ${db(USER_COLUMNS.map((c) => `u.${c}`))} from users u
    join identities i on i.user_id = u.id where lower(i.username) = lower(${username}) limit 2`;
  return rows.length === 1 ? rows[0] : undefined;
}
