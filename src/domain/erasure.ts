import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import type { IdentityRow } from '../store/identities.js';
import type { SuccessorRow } from '../store/erasure.js';
import { asActor, asTarget, requireActiveAdmin } from './actors.js';
import { personal, recordAudit } from './audit.js';
import { LastAdminError, SelfActionError, UnknownUserError, ValidationError } from './errors.js';
import { findUser, lastAdminGuard } from './users.js';

const SUCCESSOR_CHOICES = 6;

/** What erasing a person would leave behind, for the confirmation. */
export interface ErasurePlan {
  userId: string;
  name: string;
  email: string | null;
  /** Live agents they created that are not their own personal ones: these need a new owner. */
  agents: string[];
  openInvites: number;
  personalAgents: number;
  /** Who could take the agents over (admins first); empty when there is nothing to take over. */
  candidates: SuccessorRow[];
  /** For self-erasure: who takes the agents over, decided by the rules. */
  successor: SuccessorRow | null;
}

/** What an erasure did, for the reply and the sessions to end. */
export interface Erasure {
  name: string;
  successor: SuccessorRow | null;
  agents: string[];
  invitesRevoked: number;
  personalAgentsDeleted: number;
  identities: IdentityRow[];
}

async function isLastActiveAdmin(store: Store, user: UserRow): Promise<boolean> {
  if (user.role !== 'admin' || user.status !== 'active') return false;
  const others = await store.erasure.listSuccessorCandidates(user.id, 1);
  return others[0]?.role !== 'admin';
}

async function planFor(store: Store, user: UserRow, successor: SuccessorRow | null): Promise<ErasurePlan> {
  const [agents, openInvites, personalAgents] = await Promise.all([
    store.erasure.listAgentsCreatedFor(user.id),
    store.invites.countOpenInvitesIssuedBy(user.id),
    store.agents.listPersonalAgents(user.id),
  ]);
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    agents,
    openInvites,
    personalAgents: personalAgents.length,
    candidates:
      agents.length > 0 ? await store.erasure.listSuccessorCandidates(user.id, SUCCESSOR_CHOICES) : [],
    successor,
  };
}

/** What `/delete` would do to a person. Never oneself (use /deleteme); admins only. */
export async function describeErasure(
  store: Store,
  input: { actorId: string; userId: string },
): Promise<ErasurePlan> {
  if (input.actorId === input.userId) throw new SelfActionError('delete');
  await requireActiveAdmin(store, input.actorId);
  const user = await store.users.getUserById(input.userId);
  if (!user) throw new UnknownUserError(input.userId);
  return planFor(store, user, null);
}

/** Who takes over what a leaving person owns: the admin who invited them, else the first admin. */
async function ruledSuccessor(store: Store, user: UserRow): Promise<SuccessorRow | null> {
  const inviter = user.invitedBy ? await store.users.getUserById(user.invitedBy) : undefined;
  if (inviter && inviter.role === 'admin' && inviter.status === 'active' && inviter.id !== user.id)
    return successorOf(inviter);
  return (await store.erasure.findFirstAdminExcept(user.id)) ?? null;
}

/** What `/deleteme` would do. Refused for the last active admin. Deactivated people may ask too. */
export async function describeOwnErasure(store: Store, input: { userId: string }): Promise<ErasurePlan> {
  const user = await store.users.getUserById(input.userId);
  if (!user) throw new UnknownUserError(input.userId);
  if (await isLastActiveAdmin(store, user)) throw new LastAdminError();
  return planFor(store, user, await ruledSuccessor(store, user));
}

type Erased = Omit<Erasure, 'name' | 'successor'>;

function erasureDetails(by: 'admin' | 'self', successor: SuccessorRow | null, done: Erased) {
  return {
    by,
    agentsTo: successor
      ? {
          id: successor.id,
          name: personal(successor, successor.name),
          email: personal(successor, successor.email),
        }
      : null,
    agents: done.agents,
    invitesRevoked: done.invitesRevoked,
    personalAgentsDeleted: done.personalAgentsDeleted,
    chatsUnlinked: done.identities.length,
  };
}

/**
 * Erases `target` on behalf of `actor` (themselves for /deleteme), hands their agents to `successor`,
 * audits it as `user.erased` and forgets them in the audit trail as configured. Runs inside `tx`.
 */
async function erase(
  tx: Store,
  input: { actor: UserRow; target: UserRow; successor: SuccessorRow | null },
): Promise<Erasure> {
  const { actor, target, successor } = input;
  const identities = await tx.identities.listIdentities(target.id);
  const invitesRevoked = (await tx.invites.revokeInvitesIssuedBy(target.id, actor.id)).length;
  await tx.resets.voidResetsIssuedBy(target.id);
  const agents = await tx.erasure.transferCreatedAgents(target.id, successor?.id ?? null);
  const personalAgentsDeleted = await tx.erasure.deletePersonalAgents(target.id);
  await tx.erasure.deleteUser(target.id);
  const done: Erased = { identities, invitesRevoked, agents, personalAgentsDeleted };
  await recordAudit(tx, {
    action: 'user.erased',
    actor: asActor(actor),
    target: asTarget(target),
    details: erasureDetails(actor.id === target.id ? 'self' : 'admin', successor, done),
  });
  await tx.audit.forgetAuditSubject({ userId: target.id, email: target.email });
  return { name: target.name, successor, ...done };
}

/** Reads the successor under lock: another active person, or a ValidationError. */
async function lockSuccessor(tx: Store, successorId: string, targetId: string): Promise<SuccessorRow> {
  return asSuccessor(
    successorId === targetId ? undefined : await tx.users.lockUserById(successorId),
    targetId,
  );
}

/** The person who may take over what `targetId` created: another active person, or a ValidationError. */
function asSuccessor(user: UserRow | undefined, targetId: string): SuccessorRow {
  if (!user || user.id === targetId || user.status !== 'active')
    throw new ValidationError('newOwner', { kind: 'notAnotherActivePerson' });
  return successorOf(user);
}

function successorOf(user: UserRow): SuccessorRow {
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** The new owner an admin names by email, @username or id, checked as the erasure will check it. */
export async function findSuccessor(
  store: Store,
  input: { actorId: string; userId: string; reference: string },
): Promise<SuccessorRow> {
  await requireActiveAdmin(store, input.actorId);
  return asSuccessor(await findUser(store, input.reference), input.userId);
}

/**
 * Erases an account for good in one transaction: its open invites are revoked, the agents it created
 * go to `successorId`, its personal agents, identities, memberships, context and reset links are
 * deleted. Never oneself, never the last active admin. Audit rows about the person stay (no foreign
 * keys) and the erasure is audited as `user.erased`. Admins only.
 */
export async function eraseUser(
  store: Store,
  input: { actorId: string; userId: string; successorId: string | null },
): Promise<Erasure> {
  if (input.actorId === input.userId) throw new SelfActionError('delete');
  return store
    .tx(async (tx) => {
      // Erasures run one at a time, so two admins erasing each other wait instead of deadlocking.
      await tx.erasure.serialiseAdminChanges();
      const actor = await requireActiveAdmin(tx, input.actorId);
      const target = await tx.users.lockUserById(input.userId);
      if (!target) throw new UnknownUserError(input.userId);
      const successor =
        input.successorId === null ? null : await lockSuccessor(tx, input.successorId, target.id);
      if (!successor && (await tx.erasure.listAgentsCreatedFor(target.id)).length > 0)
        throw new ValidationError('newOwner', { kind: 'neededForCreatedAgents' });
      return erase(tx, { actor, target, successor });
    })
    .catch(lastAdminGuard);
}

/**
 * A person erases their own account (also when deactivated); what they created goes to the admin who
 * invited them, else the first admin. Refused for the last active admin. Audited as `user.erased`.
 */
export async function eraseSelf(store: Store, input: { userId: string }): Promise<Erasure> {
  return store
    .tx(async (tx) => {
      await tx.erasure.serialiseAdminChanges();
      const user = await tx.users.lockUserById(input.userId);
      if (!user) throw new UnknownUserError(input.userId);
      if (await isLastActiveAdmin(tx, user)) throw new LastAdminError();
      const ruled = await ruledSuccessor(tx, user);
      const successor = ruled ? await lockSuccessor(tx, ruled.id, user.id) : null;
      return erase(tx, { actor: user, target: user, successor });
    })
    .catch(lastAdminGuard);
}
