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
const USER_COLUMNS = ['id', 'name', 'email', 'role', 'status', 'invitedBy', 'createdAt', 'lastSeenAt', 'deactivatedAt'];

export async function getUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where id = ${id}`;
  return row;
}

/** Reads the user and locks the row until the transaction ends. */
export async function lockUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`select ${db(USER_COLUMNS)} from users where id = ${id} for update`;
  return row;
}

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

/** The admin created first, active or not (the emergency CLI's default target). */
export async function getFirstAdmin(db: Db): Promise<UserRow | undefined> {
  const [row] = await db<UserRow[]>`
    select ${db(USER_COLUMNS)} from users where role = 'admin' order by created_at, id limit 1`;
  return row;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db`update users set password_hash = ${passwordHash} where id = ${userId}`;
}
