import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import type { Actor, AuditTarget } from './audit.js';
import { NotAdminError, UnknownUserError, UserDeactivatedError } from './errors.js';

export function isActiveAdmin(user: UserRow | undefined): user is UserRow {
  return user !== undefined && user.role === 'admin' && user.status === 'active';
}

/** Reads the acting user inside the caller's transaction; throws NotAdminError unless an active admin. */
export async function requireActiveAdmin(store: Store, actorId: string): Promise<UserRow> {
  const actor = await store.users.getUserById(actorId);
  if (!isActiveAdmin(actor)) throw new NotAdminError();
  return actor;
}

/** Reads the acting user; throws unless the account exists and is active. */
export async function requireActiveUser(store: Store, userId: string): Promise<UserRow> {
  const user = await store.users.getUserById(userId);
  if (!user) throw new UnknownUserError(userId);
  if (user.status !== 'active') throw new UserDeactivatedError();
  return user;
}

export function asActor(user: UserRow): Actor {
  return { id: user.id, name: user.name, email: user.email };
}

export function asTarget(user: UserRow): AuditTarget {
  return { id: user.id, name: user.name, email: user.email };
}
