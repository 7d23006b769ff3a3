import type { IdentityKey } from '../store/identities.js';
import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import type { Actor, AuditTarget } from './audit.js';
import type { Platform, Role } from './enums.js';
import { NotAdminError, UnknownUserError, UserDeactivatedError } from './errors.js';

export function isActiveAdmin<T extends Pick<UserRow, 'role' | 'status'>>(
  user: T | undefined | null,
): user is T {
  return user !== undefined && user !== null && user.role === 'admin' && user.status === 'active';
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

/** The role of the active account a chat identity is linked to; undefined for strangers and the deactivated. */
export async function activeRoleOf(store: Store, identity: IdentityKey): Promise<Role | undefined> {
  const user = await store.identities.getUserByIdentity(identity);
  return user?.status === 'active' ? user.role : undefined;
}

/** The chat ids on `platform` of every active admin. */
export function activeAdminIds(store: Store, platform: Platform): Promise<string[]> {
  return store.identities.listActiveAdminIds(platform);
}
