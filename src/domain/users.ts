import type { Store } from '../store/store.js';
import type { UserListRow, UserRow } from '../store/users.js';
import type { AgentRow } from '../store/agents.js';
import type { IdentityRow } from '../store/identities.js';
import { isLastAdminViolation } from '../store/db-errors.js';
import { asActor, asTarget, requireActiveAdmin, requireActiveUser } from './actors.js';
import { personal, recordAudit } from './audit.js';
import { ROLES, type Role } from './enums.js';
import {
  LastAdminError,
  NoChangeError,
  SelfActionError,
  UnknownUserError,
  ValidationError,
} from './errors.js';
import { assertSeatAvailable } from './seats.js';
import { parseField, personNameSchema, uuidSchema } from './validation.js';
import { z } from 'zod';

export const USERS_PAGE_SIZE = 20;
const USERS_PAGE_MAX = 100;

const limitSchema = z.number().int('must be a whole number').min(1, 'must be at least 1');

/**
 * The keyset cursor is the last row's id (short enough for a button); its name is read back. A
 * cursor whose person is gone is refused rather than silently starting over at the first page.
 */
async function decodeCursor(store: Store, cursor: string): Promise<{ name: string; id: string }> {
  const row = uuidSchema.safeParse(cursor).success ? await store.users.getUserById(cursor) : undefined;
  if (!row) throw new ValidationError('page', 'is out of date; start again from the first page');
  return { name: row.name, id: row.id };
}

export interface UsersPage {
  users: UserListRow[];
  next: string | null;
}

/**
 * One page (default 20, at most 100) of the people in the record in name order, with groups and
 * linked platforms; `query` searches name and email. `next` is the cursor for the page after. Admins only.
 */
export async function listUsers(
  store: Store,
  input: { actorId: string; query?: string; after?: string; limit?: number },
): Promise<UsersPage> {
  await requireActiveAdmin(store, input.actorId);
  const limit = Math.min(parseField(limitSchema, 'limit', input.limit ?? USERS_PAGE_SIZE), USERS_PAGE_MAX);
  const query = input.query?.trim().slice(0, 100) || null;
  const rows = await store.users.listUsers({
    query,
    after: input.after === undefined ? null : await decodeCursor(store, input.after),
    limit: limit + 1,
  });
  const users = rows.slice(0, limit);
  return { users, next: rows.length > limit ? users[users.length - 1]!.id : null };
}

/** The person an admin means: an email, a linked chat @username, or a user id; else UnknownUserError. */
export async function findUser(store: Store, reference: string): Promise<UserRow> {
  const text = reference.trim();
  const found = uuidSchema.safeParse(text).success
    ? await store.users.getUserById(text)
    : text.includes('@') && !text.startsWith('@')
      ? await store.users.getUserByEmail(text.toLowerCase())
      : text.length > 0 && text.length <= 200
        ? await store.users.getUserByUsername(text.replace(/^@/, ''))
        : undefined;
  if (!found) throw new UnknownUserError(text.slice(0, 100));
  return found;
}

export interface UserDetail {
  user: UserRow;
  groups: string[];
  identities: IdentityRow[];
  personalAgents: AgentRow[];
}

/** Everything an admin's panel shows about one person (last seen is on `user`). Admins only. */
export async function getUserDetail(
  store: Store,
  input: { actorId: string; userId: string },
): Promise<UserDetail> {
  await requireActiveAdmin(store, input.actorId);
  const user = await store.users.getUserById(input.userId);
  if (!user) throw new UnknownUserError(input.userId);
  const [groups, identities, personalAgents] = await Promise.all([
    store.groups.listUserGroupNames(user.id),
    store.identities.listIdentities(user.id),
    store.agents.listPersonalAgents(user.id),
  ]);
  return { user, groups, identities, personalAgents };
}

/**
 * Marks the person as seen now; writes at most once a minute, so it is cheap on every message. When
 * the row just read says they were seen this minute, not even a round trip is made.
 */
export async function touchLastSeen(store: Store, user: Pick<UserRow, 'id' | 'lastSeenAt'>): Promise<void> {
  if (user.lastSeenAt !== null && Date.now() - user.lastSeenAt.getTime() < 60_000) return;
  await store.users.touchLastSeen(user.id);
}

async function lockTarget(store: Store, userId: string): Promise<UserRow> {
  const user = await store.users.lockUserById(userId);
  if (!user) throw new UnknownUserError(userId);
  return user;
}

function lastAdminGuard(error: unknown): never {
  if (isLastAdminViolation(error)) throw new LastAdminError();
  throw error;
}

/**
 * Makes a person admin or member. Never one's own role (SelfActionError), never the last active
 * admin (LastAdminError, decided by the database trigger also under concurrency). Admins only.
 */
export async function changeRole(
  store: Store,
  input: { actorId: string; userId: string; role: Role },
): Promise<UserRow> {
  const role = parseField(z.enum(ROLES, { message: 'must be admin or member' }), 'role', input.role);
  if (input.actorId === input.userId) throw new SelfActionError('role');
  return store
    .tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, input.actorId);
      const target = await lockTarget(tx, input.userId);
      if (target.role === role)
        throw new NoChangeError(`${target.name} is already ${role === 'admin' ? 'an admin' : 'a member'}`);
      await tx.users.setRole(target.id, role);
      await recordAudit(tx, {
        action: 'user.role_updated',
        actor: asActor(actor),
        target: asTarget(target),
        details: { before: target.role, after: role },
      });
      return { ...target, role };
    })
    .catch(lastAdminGuard);
}

/**
 * Locks a person out, keeping their data; their personal agents are hidden until reactivation.
 * Never oneself, never the last active admin. Audited as `user.deleted`. Admins only.
 */
export async function deactivateUser(
  store: Store,
  input: { actorId: string; userId: string },
): Promise<UserRow> {
  if (input.actorId === input.userId) throw new SelfActionError('deactivate');
  return store
    .tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, input.actorId);
      const target = await lockTarget(tx, input.userId);
      if (target.status === 'deactivated') throw new NoChangeError(`${target.name} is already deactivated`);
      await tx.users.setStatus(target.id, 'deactivated');
      const hidden = await tx.agents.hidePersonalAgents(target.id);
      await recordAudit(tx, {
        action: 'user.deleted',
        actor: asActor(actor),
        target: asTarget(target),
        details: { before: 'active', after: 'deactivated', personalAgentsHidden: hidden },
      });
      return { ...target, status: 'deactivated' as const };
    })
    .catch(lastAdminGuard);
}

/**
 * Restores access with the same role and groups, and the agents deactivation hid. Takes a seat
 * again: SeatLimitError when `seatLimit` is reached. Admins only.
 */
export async function reactivateUser(
  store: Store,
  input: { actorId: string; userId: string; seatLimit?: number },
): Promise<UserRow> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const target = await lockTarget(tx, input.userId);
    if (target.status === 'active') throw new NoChangeError(`${target.name} is already active`);
    await assertSeatAvailable(tx, input.seatLimit, 1);
    await tx.users.setStatus(target.id, 'active');
    const restored = await tx.agents.restorePersonalAgents(target.id);
    await recordAudit(tx, {
      action: 'user.updated',
      actor: asActor(actor),
      target: asTarget(target),
      details: { before: 'deactivated', after: 'active', personalAgentsRestored: restored },
    });
    return { ...target, status: 'active' as const };
  });
}

/** A person renames themselves (active accounts only); audited with the names before and after. */
export async function renameUser(store: Store, input: { userId: string; name: string }): Promise<UserRow> {
  const name = parseField(personNameSchema, 'name', input.name);
  return store.tx(async (tx) => {
    const user = await requireActiveUser(tx, input.userId);
    if (user.name === name) throw new NoChangeError(`your name is already ${name}`);
    await tx.users.setName(user.id, name);
    await recordAudit(tx, {
      action: 'user.renamed',
      actor: asActor(user),
      target: asTarget(user),
      details: { before: personal(user, user.name), after: personal(user, name) },
    });
    return { ...user, name };
  });
}
