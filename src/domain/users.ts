import type { Store } from '../store/store.js';
import type { DirectoryPosition, DirectoryRow, HandleMatch, UserRow } from '../store/users.js';
import type { AgentRow } from '../store/agents.js';
import type { IdentityRow } from '../store/identities.js';
import { isLastAdminViolation } from '../store/db-errors.js';
import { asActor, asTarget, requireActiveAdmin, requireActiveUser } from './actors.js';
import { personal, recordAudit } from './audit.js';
import { LISTED_STATUSES, PLATFORMS, ROLES, type ListedStatus, type Platform, type Role } from './enums.js';
import {
  AccountFrozenError,
  AmbiguousUserError,
  LastAdminError,
  NoChangeError,
  SelfActionError,
  UnknownUserError,
  ValidationError,
} from './errors.js';
import { withdrawIssued, type Withdrawn } from './invites.js';
import { assertSeatAvailable } from './seats.js';
import { parseField, personNameSchema, uuidSchema } from './validation.js';
import { z } from 'zod';

export const USERS_PAGE_SIZE = 20;
const USERS_PAGE_MAX = 100;

const limitSchema = z.number().int().min(1);

/** The keyset cursor is the last row's id (short enough for a button); its place is read back. */
async function decodeCursor(store: Store, cursor: string): Promise<DirectoryPosition> {
  const position = uuidSchema.safeParse(cursor).success
    ? await store.users.directoryPosition(cursor)
    : undefined;
  if (!position) throw new ValidationError('page', { kind: 'stalePage' });
  return position;
}

/** A line of the admin's list, with its status in words. */
export interface DirectoryEntry extends Omit<DirectoryRow, 'rank'> {
  status: ListedStatus;
}

export interface DirectoryPage {
  rows: DirectoryEntry[];
  next: string | null;
}

/**
 * One page (default 20, at most 100) of the admin's list: the people in the record and the invites
 * nobody has claimed yet, Active, Pending, Expired, Deactivated, each in name order, with groups and
 * linked platforms; `query` searches name (or label) and email. `next` is the cursor for the page
 * after. Admins only.
 */
export async function listDirectory(
  store: Store,
  input: { actorId: string; query?: string; after?: string; limit?: number },
): Promise<DirectoryPage> {
  await requireActiveAdmin(store, input.actorId);
  const limit = Math.min(parseField(limitSchema, 'limit', input.limit ?? USERS_PAGE_SIZE), USERS_PAGE_MAX);
  const query = input.query?.trim().slice(0, 100) || null;
  const found = await store.users.listDirectory({
    query,
    after: input.after === undefined ? null : await decodeCursor(store, input.after),
    limit: limit + 1,
  });
  const rows = found.slice(0, limit).map(({ rank, ...row }) => ({ ...row, status: LISTED_STATUSES[rank]! }));
  return { rows, next: found.length > limit ? rows[rows.length - 1]!.id : null };
}

/** A person found by what an admin typed; `handle` is set when a chat @username matched. */
export interface FoundUser {
  user: UserRow;
  handle: { platform: Platform; username: string } | null;
}

const SCOPED_HANDLE = new RegExp(`^(${PLATFORMS.join('|')}):@?(\\S+)$`, 'i');

/**
 * The person an admin means: a user id, an email, or a chat @username. A handle belongs to one
 * platform: the caller's (`from`) is preferred, `telegram:@bob` names one, and a handle that other
 * platforms give to several people throws AmbiguousUserError. UnknownUserError when nothing matches.
 */
export async function resolveUserReference(
  store: Store,
  reference: string,
  from?: Platform,
): Promise<FoundUser> {
  const text = reference.trim();
  const scoped = text.match(SCOPED_HANDLE);
  if (uuidSchema.safeParse(text).success) return byAccount(await store.users.getUserById(text), text);
  if (!scoped && text.includes('@') && !text.startsWith('@'))
    return byAccount(await store.users.getUserByEmail(text.toLowerCase()), text);
  const handle = (scoped ? scoped[2]! : text).replace(/^@/, '');
  if (handle.length === 0 || handle.length > 200) throw new UnknownUserError(text.slice(0, 100));
  const matches = await store.users.findUsersByUsername(handle);
  const platform = scoped ? (scoped[1]!.toLowerCase() as Platform) : undefined;
  const chosen = pickHandleMatch(matches, platform ?? from, platform !== undefined);
  if (!chosen) throw new UnknownUserError(text.slice(0, 100));
  return { user: chosen.user, handle: { platform: chosen.platform, username: chosen.username } };
}

function byAccount(user: UserRow | undefined, text: string): FoundUser {
  if (!user) throw new UnknownUserError(text.slice(0, 100));
  return { user, handle: null };
}

function pickHandleMatch(
  matches: HandleMatch[],
  platform: Platform | undefined,
  only: boolean,
): HandleMatch | undefined {
  const onPlatform = matches.filter((m) => m.platform === platform);
  if (onPlatform.length > 0 || only) return onPlatform[0];
  const people = new Set(matches.map((m) => m.user.id));
  if (people.size > 1)
    throw new AmbiguousUserError(
      matches[0]!.username,
      matches.map((m) => ({ name: m.user.name, platform: m.platform })),
    );
  return matches[0];
}

/** The person an admin means (see `resolveUserReference`); else UnknownUserError. */
export async function findUser(store: Store, reference: string, from?: Platform): Promise<UserRow> {
  return (await resolveUserReference(store, reference, from)).user;
}

export interface UserDetail {
  user: UserRow;
  groups: string[];
  identities: IdentityRow[];
  personalAgents: AgentRow[];
  /** Invites they issued that are neither revoked nor used up: losing admin rights revokes them. */
  openInvites: number;
  /** Reset links they issued that still work: losing admin rights voids them. */
  liveResetLinks: number;
}

/** Everything an admin's panel shows about one person (last seen is on `user`). Admins only. */
export async function getUserDetail(
  store: Store,
  input: { actorId: string; userId: string },
): Promise<UserDetail> {
  await requireActiveAdmin(store, input.actorId);
  const user = await store.users.getUserById(input.userId);
  if (!user) throw new UnknownUserError(input.userId);
  const [groups, identities, personalAgents, openInvites, liveResetLinks] = await Promise.all([
    store.groups.listUserGroupNames(user.id),
    store.identities.listIdentities(user.id),
    store.agents.listPersonalAgents(user.id),
    store.invites.countOpenInvitesIssuedBy(user.id),
    store.resets.countLiveResetsIssuedBy(user.id),
  ]);
  return { user, groups, identities, personalAgents, openInvites, liveResetLinks };
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
  const user = await store.users.lockUserForStatusChange(userId);
  if (!user) throw new UnknownUserError(userId);
  return user;
}

/** Turns the database's last-admin refusal into LastAdminError; rethrows anything else. */
export function lastAdminGuard(error: unknown): never {
  if (isLastAdminViolation(error)) throw new LastAdminError();
  throw error;
}

/**
 * Makes a person admin or member. Never one's own role (SelfActionError), never the last active
 * admin (LastAdminError, decided by the database trigger also under concurrency), never a
 * deactivated person (AccountFrozenError). Demoting an admin revokes the invites and reset links
 * they issued, in the same transaction. Admins only.
 */
export async function changeRole(
  store: Store,
  input: { actorId: string; userId: string; role: Role },
): Promise<UserRow> {
  const role = parseField(z.enum(ROLES), 'role', input.role);
  if (input.actorId === input.userId) throw new SelfActionError('role');
  return store
    .tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, input.actorId);
      const target = await lockTarget(tx, input.userId);
      if (target.status !== 'active') throw new AccountFrozenError(target.name, 'role');
      if (target.role === role) throw new NoChangeError({ kind: 'alreadyRole', name: target.name, role });
      await tx.users.setRole(target.id, role);
      const withdrawn =
        role === 'member'
          ? await withdrawIssued(tx, { actor, issuer: target, reason: 'issuer demoted' })
          : undefined;
      await recordAudit(tx, {
        action: 'user.role_updated',
        actor: asActor(actor),
        target: asTarget(target),
        details: { before: target.role, after: role, ...withdrawnDetails(withdrawn) },
      });
      return { ...target, role };
    })
    .catch(lastAdminGuard);
}

function withdrawnDetails(withdrawn: Withdrawn | undefined): Record<string, unknown> {
  if (!withdrawn || (withdrawn.invites.length === 0 && withdrawn.resetLinks === 0)) return {};
  return { invitesRevoked: withdrawn.invites, resetLinksVoided: withdrawn.resetLinks };
}

/**
 * Locks a person out, keeping their data; their personal agents are hidden until reactivation, and
 * the invites and reset links they issued are revoked for good. Never oneself, never the last
 * active admin. Audited as `user.deleted`. Admins only.
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
      if (target.status === 'deactivated')
        throw new NoChangeError({ kind: 'alreadyDeactivated', name: target.name });
      await tx.users.setStatus(target.id, 'deactivated');
      const hidden = await tx.agents.hidePersonalAgents(target.id);
      const withdrawn = await withdrawIssued(tx, { actor, issuer: target, reason: 'issuer deactivated' });
      await recordAudit(tx, {
        action: 'user.deleted',
        actor: asActor(actor),
        target: asTarget(target),
        details: {
          before: 'active',
          after: 'deactivated',
          personalAgentsHidden: hidden,
          ...withdrawnDetails(withdrawn),
        },
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
    if (target.status === 'active') throw new NoChangeError({ kind: 'alreadyActive', name: target.name });
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
    if (user.name === name) throw new NoChangeError({ kind: 'sameName', name });
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
