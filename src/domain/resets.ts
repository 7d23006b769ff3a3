import type { Store } from '../store/store.js';
import type { ResetRow } from '../store/resets.js';
import type { UserRow } from '../store/users.js';
import type { IdentityRow } from '../store/identities.js';
import { asActor, asTarget, isActiveAdmin, requireActiveAdmin } from './actors.js';
import { recordAudit } from './audit.js';
import type { Platform } from './enums.js';
import {
  AccountFrozenError,
  IdentityLinkedError,
  ResetLinkUnusableError,
  UnknownUserError,
  UserDeactivatedError,
} from './errors.js';
import { prepareNewPassword, type NewPassword } from './staged-passwords.js';
import { hashToken, newToken, toPayload } from './tokens.js';

export const RESET_DAYS = 7;

/**
 * A password reset link for `userId`, valid 7 days and once; a newer link voids the older one.
 * The plain token is returned once. A deactivated account is frozen and gets none (AccountFrozenError).
 */
export async function issueResetLink(
  store: Store,
  input: { actorId: string; userId: string },
): Promise<{ token: string; payload: string; expiresAt: Date; user: UserRow }> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const user = await tx.users.lockUserById(input.userId);
    if (!user) throw new UnknownUserError(input.userId);
    if (user.status !== 'active') throw new AccountFrozenError(user.name, 'reset');
    await tx.resets.voidLiveResets(user.id);
    const token = newToken();
    const reset = await tx.resets.insertReset({
      userId: user.id,
      tokenHash: hashToken(token),
      createdBy: actor.id,
      expiresInDays: RESET_DAYS,
    });
    await recordAudit(tx, {
      action: 'user.password_reset_issued',
      actor: asActor(actor),
      target: asTarget(user),
      details: { expiresAt: reset.expiresAt.toISOString() },
    });
    return { token, payload: toPayload('reset', token), expiresAt: reset.expiresAt, user };
  });
}

function unusableReason(reset: ResetRow): ResetLinkUnusableError['reason'] {
  if (reset.usedAt) return 'used';
  if (reset.voidedAt) return 'voided';
  return 'expired';
}

/**
 * A reset link lives only while the admin who issued it is one: losing the rights voids their links
 * in the same transaction, and links from before that rule (or of an erased issuer) fail here.
 */
async function issuerStillAdmin(store: Store, reset: ResetRow): Promise<boolean> {
  return reset.createdBy !== null && isActiveAdmin(await store.users.getUserById(reset.createdBy));
}

export type ResolvedReset =
  | { kind: 'reset'; userId: string; userName: string; expiresAt: Date }
  | { kind: 'unusable'; reason: ResetLinkUnusableError['reason'] };

/** What the reset token of `tokenHash` opens, for the flow's first message (no change is made). */
export async function resolveResetToken(store: Store, tokenHash: Buffer): Promise<ResolvedReset> {
  const reset = await store.resets.getResetByTokenHash(tokenHash);
  if (!reset) return { kind: 'unusable', reason: 'unknown' };
  if (reset.usedAt || reset.voidedAt || reset.expiresAt.getTime() <= Date.now())
    return { kind: 'unusable', reason: unusableReason(reset) };
  if (!(await issuerStillAdmin(store, reset))) return { kind: 'unusable', reason: 'voided' };
  const user = await store.users.getUserById(reset.userId);
  if (!user) return { kind: 'unusable', reason: 'unknown' };
  return { kind: 'reset', userId: user.id, userName: user.name, expiresAt: reset.expiresAt };
}

/**
 * Sets the new password and keeps only the completing chat linked: whoever had taken the account
 * over is out. One transaction; a refused password (WeakPasswordError) leaves the link usable.
 */
export async function completeReset(
  store: Store,
  input: {
    tokenHash: Buffer;
    password: NewPassword;
    identity: { platform: Platform; externalId: string; username: string | null };
  },
): Promise<{ user: UserRow; unlinked: IdentityRow[] }> {
  const passwordHashIn = await prepareNewPassword(input.password);
  return store.tx(async (tx) => {
    const passwordHash = await passwordHashIn(tx);
    const reset = await tx.resets.consumeReset(input.tokenHash);
    if (!reset) {
      const found = await tx.resets.getResetByTokenHash(input.tokenHash);
      throw new ResetLinkUnusableError(found ? unusableReason(found) : 'unknown');
    }
    if (!(await issuerStillAdmin(tx, reset))) throw new ResetLinkUnusableError('voided');
    const user = await tx.users.lockUserById(reset.userId);
    if (!user) throw new ResetLinkUnusableError('unknown');
    if (user.status !== 'active') throw new UserDeactivatedError();
    // Insert first: a lookup before it would miss a chat linked elsewhere by a concurrent login.
    const linkedHere =
      (await tx.identities.insertIdentity({ ...input.identity, userId: user.id })) ||
      (await tx.identities.getIdentity(input.identity))?.userId === user.id;
    if (!linkedHere) throw new IdentityLinkedError();
    await tx.users.setPasswordHash(user.id, passwordHash);
    const unlinked = await tx.identities.deleteOtherIdentities(user.id, input.identity);
    await recordAudit(tx, {
      action: 'user.password_reset_completed',
      actor: asActor(user),
      target: asTarget(user),
      details: { platform: input.identity.platform, chatsUnlinked: unlinked.length },
    });
    return { user, unlinked };
  });
}
