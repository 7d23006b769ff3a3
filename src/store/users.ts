import type { Db } from './db.js';
import { inviteGroupNames } from './invite-group-names.js';
import type { Platform, Role, UserStatus } from '../domain/enums.js';

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
  /** The language the person chose; null follows their platform's. */
  locale: string | null;
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
  'locale',
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

/**
 * Reads the user and locks the row against other changes until the transaction ends, while rows
 * that refer to it may still be written (FOR NO KEY UPDATE: a role or status change keeps the id).
 * So a demotion that records its actor on revoked invites never waits for that actor's own row.
 */
export async function lockUserForStatusChange(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where id = ${id} for no key update`;
  return row;
}

/** Reads the user and share-locks the row: it cannot lose its role or status until the transaction ends. */
export async function lockUserForShare(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where id = ${id} for share`;
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

/** Saves the language a person chose; null follows their platform's again. */
export async function setLocale(db: Db, userId: string, locale: string | null): Promise<void> {
  await db`update users set locale = ${locale} where id = ${userId}`;
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

/**
 * A line of the admin's list: an account, or an invite nobody has claimed yet (pending or expired).
 * `rank` is the position of its status in `LISTED_STATUSES`: Active, Pending, Expired, Deactivated.
 */
export interface DirectoryRow {
  kind: 'user' | 'invite';
  id: string;
  /** The person's name, or the invite's label. */
  name: string | null;
  email: string | null;
  role: Role;
  rank: number;
  groups: string[];
  platforms: Platform[];
  lastSeenAt: Date | null;
  expiresAt: Date | null;
}

/** Where a row sits in the list's order, for keyset paging. */
export interface DirectoryPosition {
  rank: number;
  sortName: string;
  id: string;
}

/** The order's key for accounts (`u`); the index `users_listed_order` is on it. */
const userRank = (db: Db) => db`case when u.status = 'active' then 0 else 3 end`;
/** The order's key for invites (`i`): pending before expired, by label or else email. */
const inviteRank = (db: Db) => db`case when i.expires_at > now() then 1 else 2 end`;
const inviteSortName = (db: Db) => db`lower(coalesce(i.label, i.email, ''))`;

/**
 * One page of the list: accounts and the invites that are neither revoked nor used up, by status
 * (Active, Pending, Expired, Deactivated), then name, then id, after the keyset `after`. `query`
 * matches name (or label) and email case-insensitively.
 */
export async function listDirectory(
  db: Db,
  options: { query: string | null; after: DirectoryPosition | null; limit: number },
): Promise<DirectoryRow[]> {
  const pattern = options.query ? `%${options.query.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` : null;
  const rows = await db<(DirectoryRow & { sortName: string })[]>`
    select * from (
      select 'user' as kind, u.id, u.name, u.email, u.role, ${userRank(db)} as rank,
        lower(u.name) as sort_name,
        coalesce((select array_agg(g.name order by lower(g.name)) from group_members m
                  join groups g on g.id = m.group_id where m.user_id = u.id), '{}') as groups,
        coalesce((select array_agg(distinct i.platform) from identities i where i.user_id = u.id), '{}') as platforms,
        u.last_seen_at, null::timestamptz as expires_at
      from users u
      ${pattern ? db`where (lower(u.name) || ' ' || coalesce(u.email, '')) like ${pattern}` : db``}
      union all
      select 'invite', i.id, i.label, i.email, i.role, ${inviteRank(db)},
        ${inviteSortName(db)},
        ${inviteGroupNames(db)},
        '{}'::text[], null, i.expires_at
      from invites i
      where i.revoked_at is null and i.uses < i.max_uses
        ${pattern ? db`and (lower(coalesce(i.label, '')) || ' ' || coalesce(i.email, '')) like ${pattern}` : db``}
    ) d
    ${
      options.after
        ? db`where (d.rank, d.sort_name, d.id) > (${options.after.rank}, ${options.after.sortName}, ${options.after.id}::uuid)`
        : db``
    }
    order by d.rank, d.sort_name, d.id
    limit ${options.limit}`;
  return rows.map(({ sortName: _, ...row }) => row);
}

/** The list position of the account or invite with this id, if either exists. */
export async function directoryPosition(db: Db, id: string): Promise<DirectoryPosition | undefined> {
  const [row] = await db<DirectoryPosition[]>`
    select ${userRank(db)} as rank, lower(u.name) as sort_name, u.id from users u where u.id = ${id}
    union all
    select ${inviteRank(db)}, ${inviteSortName(db)}, i.id from invites i where i.id = ${id}
    limit 1`;
  return row;
}

/** An account whose linked chat identity on `platform` shows the handle `username`. */
export interface HandleMatch {
  user: UserRow;
  platform: Platform;
  username: string;
}

/** The accounts whose chat identities show this @username (case-insensitive), on any platform. */
export async function findUsersByUsername(db: Db, username: string): Promise<HandleMatch[]> {
  const rows = await db<(UserRow & { platform: Platform; handle: string })[]>`
    select ${db(USER_COLUMNS.map((c) => `u.${c}`))}, i.platform, i.username as handle
    from identities i join users u on u.id = i.user_id
    where lower(i.username) = lower(${username})
    order by i.platform, u.id limit 10`;
  return rows.map(({ platform, handle, ...user }) => ({ user, platform, username: handle }));
}
