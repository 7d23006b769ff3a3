import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { InviteListRow, InviteRow } from '../store/invites.js';
import type { UserRow } from '../store/users.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { asActor, isActiveAdmin, requireActiveAdmin } from './actors.js';
import { recordAudit } from './audit.js';
import { ROLES, type InviteStatus } from './enums.js';
import { INVITE_LIMITS } from './limits.js';
import {
  EmailTakenError,
  InvitePendingError,
  InviteStillValidError,
  NoChangeError,
  SeatLimitError,
  UnknownInviteError,
  ValidationError,
  type ValidationField,
} from './errors.js';
import { requireGroups } from './groups.js';
import { assertSeatAvailable } from './seats.js';
import { hashToken, newToken, toPayload } from './tokens.js';
import {
  emailSchema,
  entityNameSchema,
  labelSchema,
  parseField,
  parseFields,
  uuidSchema,
} from './validation.js';

export const INVITE_DAYS_DEFAULT = 7;

/** An invite as the admin sees it. */
export interface InviteView extends InviteListRow {
  status: InviteStatus;
  /** The short reference admins type: the first 8 characters of the id. */
  reference: string;
}

/** A new invite with its plain token: shown once, then only its hash remains. */
export interface IssuedInvite {
  invite: InviteRow;
  token: string;
  payload: string;
}

const createInput = z.object({
  actorId: z.string(),
  emails: z.array(z.unknown()).max(INVITE_LIMITS.emails),
  role: z.enum(ROLES),
  groupNames: z.array(z.unknown()).max(INVITE_LIMITS.groups),
  label: z.unknown().optional(),
  maxUses: z.number().int().min(1).max(INVITE_LIMITS.maxUses).default(1),
  expiresInDays: z.number().int().min(1).max(INVITE_LIMITS.expiresInDays).default(INVITE_DAYS_DEFAULT),
  seatLimit: z.number().int().positive().optional(),
});

/** The field a refusal of `createInput` names, by the key the complaint is under. */
const CREATE_INPUT_FIELDS: Record<string, ValidationField> = {
  emails: 'emails',
  role: 'role',
  groupNames: 'groups',
  maxUses: 'uses',
  expiresInDays: 'days',
};

export type CreateInvitesInput = z.input<typeof createInput>;

function statusOf(invite: InviteRow & { expired?: boolean }): InviteStatus {
  if (invite.revokedAt) return 'Revoked';
  if (invite.uses >= invite.maxUses) return 'Used up';
  return (invite.expired ?? invite.expiresAt.getTime() <= Date.now()) ? 'Expired' : 'Pending';
}

/** How people and the audit trail name an invite: the first 8 characters of its id (findInvite takes it). */
export function inviteReference(invite: Pick<InviteRow, 'id'>): string {
  return invite.id.slice(0, 8);
}

function view(row: InviteListRow): InviteView {
  return { ...row, status: statusOf(row), reference: inviteReference(row) };
}

/** Audits `invite` as revoked by `actor`; `why` says why when it was not revoked by hand. */
async function auditRevoked(
  tx: Store,
  actor: UserRow,
  invite: InviteRow,
  why?: { reason: string; issuer: string },
): Promise<void> {
  await recordAudit(tx, {
    action: 'user.invite_revoked',
    actor: asActor(actor),
    target: { id: null, name: null, email: invite.email },
    details: {
      invite: inviteReference(invite),
      uses: invite.uses,
      maxUses: invite.maxUses,
      label: invite.label,
      ...why,
    },
  });
}

function issue(): { token: string; tokenHash: Buffer; payload: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token), payload: toPayload('invite', token) };
}

/**
 * Creates one invite per email (or one without an email), all in one transaction. Throws
 * EmailTakenError, InvitePendingError, UnknownGroupError or SeatLimitError (the refusal by seats is
 * audited as `user.invite_blocked`).
 */
export async function createInvites(store: Store, input: CreateInvitesInput): Promise<IssuedInvite[]> {
  const parsed = parseFields(createInput, CREATE_INPUT_FIELDS, 'invite', input);
  const emails = [...new Set(parsed.emails.map((e) => parseField(emailSchema, 'email', e)))];
  const groupNames = parsed.groupNames.map((g) => parseField(entityNameSchema, 'groupName', g));
  const label =
    parsed.label === undefined || parsed.label === null
      ? null
      : parseField(labelSchema, 'label', parsed.label);
  if (emails.length > 0 && parsed.maxUses !== 1)
    throw new ValidationError('uses', { kind: 'oneUseForEmail' });
  try {
    return await store.tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, parsed.actorId);
      const groups = await requireGroups(tx, groupNames);
      const count = Math.max(emails.length, 1);
      await assertSeatAvailable(tx, parsed.seatLimit, count * parsed.maxUses);
      const issued: IssuedInvite[] = [];
      for (const email of emails.length > 0 ? emails : [null]) {
        if (email && (await tx.users.getUserByEmail(email))) throw new EmailTakenError(email);
        const { token, tokenHash, payload } = issue();
        const invite = await tx.invites
          .insertInvite({
            tokenHash,
            email,
            role: parsed.role,
            label,
            maxUses: parsed.maxUses,
            expiresInDays: parsed.expiresInDays,
            createdBy: actor.id,
          })
          .catch((error: unknown) => {
            if (email && isUniqueViolation(error, 'invites_open_email')) throw new InvitePendingError(email);
            throw error;
          });
        await tx.invites.insertInviteGroups(
          invite.id,
          groups.map((g) => g.id),
        );
        await recordAudit(tx, {
          action: 'user.invited',
          actor: asActor(actor),
          target: { id: null, name: null, email },
          details: {
            invite: inviteReference(invite),
            role: parsed.role,
            groups: groups.map((g) => g.name),
            label,
            maxUses: parsed.maxUses,
            expiresAt: invite.expiresAt.toISOString(),
          },
        });
        issued.push({ invite, token, payload });
      }
      return issued;
    });
  } catch (error) {
    if (error instanceof SeatLimitError) await recordBlockedInvite(store, parsed.actorId, emails, error);
    throw error;
  }
}

/** The refusal is recorded in a transaction of its own: the refused invite's was rolled back. */
async function recordBlockedInvite(
  store: Store,
  actorId: string,
  emails: string[],
  error: SeatLimitError,
): Promise<void> {
  await store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, actorId);
    await recordAudit(tx, {
      action: 'user.invite_blocked',
      actor: asActor(actor),
      target: { id: null, name: null, email: emails.join(', ') || null },
      details: { seatLimit: error.limit, seatsTaken: error.taken },
    });
  });
}

/** Every invite, newest first, with its status and uses. Admins only. */
export async function listInvites(
  store: Store,
  input: { actorId: string; limit?: number; afterId?: string },
): Promise<InviteView[]> {
  await requireActiveAdmin(store, input.actorId);
  const afterId = input.afterId === undefined ? undefined : parseField(uuidSchema, 'page', input.afterId);
  const rows = await store.invites.listInvites({
    limit: Math.min(Math.max(input.limit ?? 50, 1), 200),
    ...(afterId ? { afterId } : {}),
  });
  return rows.map(view);
}

/** What an admin who loses their admin rights had issued, now revoked or voided. */
export interface Withdrawn {
  /** The short references of the invites revoked. */
  invites: string[];
  resetLinks: number;
}

/**
 * Revokes every invite and voids every reset link `issuer` made, because they lose their admin
 * rights (`reason`); one `user.invite_revoked` row per invite, by `actor`. Must run in the
 * transaction of that change, so nothing they issued outlives it.
 */
export async function withdrawIssued(
  tx: Store,
  input: { actor: UserRow; issuer: UserRow; reason: 'issuer demoted' | 'issuer deactivated' },
): Promise<Withdrawn> {
  const revoked = await tx.invites.revokeInvitesIssuedBy(input.issuer.id, input.actor.id);
  for (const invite of revoked)
    await auditRevoked(tx, input.actor, invite, { reason: input.reason, issuer: input.issuer.name });
  const resetLinks = await tx.resets.voidResetsIssuedBy(input.issuer.id);
  return { invites: revoked.map(inviteReference), resetLinks };
}

/** The one invite matching an id, an 8+ character id prefix, an email or a label; else UnknownInviteError. */
export async function findInvite(store: Store, reference: string): Promise<InviteRow> {
  const text = reference.trim();
  if (text.length === 0 || text.length > 254) throw new UnknownInviteError(reference);
  const prefix = /^[0-9a-f-]{8,36}$/i.test(text) ? text.toLowerCase() : null;
  const matches = await store.invites.findInvites(text, prefix);
  const open = matches.filter((m) => statusOf(m) === 'Pending' || statusOf(m) === 'Expired');
  const chosen = matches.length === 1 ? matches : open;
  if (chosen.length !== 1) throw new UnknownInviteError(reference);
  return chosen[0]!;
}

/** Revokes a pending or expired invite; it stays listed as Revoked. Accounts already made stay. */
export async function revokeInvite(
  store: Store,
  input: { actorId: string; reference: string },
): Promise<InviteRow> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const invite = await findInvite(tx, input.reference);
    const revoked = await tx.invites.revokeInvite(invite.id, actor.id);
    if (!revoked) throw new NoChangeError({ kind: 'inviteAlreadyClosed' });
    await auditRevoked(tx, actor, invite);
    return revoked;
  });
}

/**
 * A fresh token for an expired invite, valid for as many days as the invite was at first; email,
 * role, groups and label stay. A pending invite is refused with InviteStillValidError (revoking is
 * how a leaked link dies). Its remaining uses take seats again: SeatLimitError (audited as
 * `user.invite_blocked`) when `seatLimit` has no room for them.
 */
export async function resendInvite(
  store: Store,
  input: { actorId: string; reference: string; seatLimit?: number },
): Promise<IssuedInvite> {
  let email: string | null = null;
  try {
    return await store.tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, input.actorId);
      const found = await findInvite(tx, input.reference);
      email = found.email;
      if (statusOf(found) === 'Pending') throw new InviteStillValidError(found.expiresAt);
      await assertSeatAvailable(tx, input.seatLimit, found.maxUses - found.uses);
      const { token, tokenHash, payload } = issue();
      const invite = await tx.invites.renewExpiredInvite(found.id, tokenHash);
      if (!invite) throw await refusalToResend(tx, found);
      await recordAudit(tx, {
        action: 'user.invite_resent',
        actor: asActor(actor),
        target: { id: null, name: null, email: invite.email },
        details: { invite: inviteReference(invite), expiresAt: invite.expiresAt.toISOString() },
      });
      return { invite, token, payload };
    });
  } catch (error) {
    if (error instanceof SeatLimitError)
      await recordBlockedInvite(store, input.actorId, email ? [email] : [], error);
    throw error;
  }
}

/** Why an invite read as expired could not be renewed: resent meanwhile, or revoked or used up. */
async function refusalToResend(store: Store, found: InviteRow): Promise<Error> {
  const [now] = await store.invites.listInvites({ limit: 1, ids: [found.id] });
  if (now && statusOf(now) === 'Pending') return new InviteStillValidError(now.expiresAt);
  return new NoChangeError({ kind: 'inviteClosed' });
}

/** The label of the invite a start on an empty record prints; the next such start replaces it. */
const FIRST_START_LABEL = 'first start';

/**
 * An admin invite from the system itself: the operator's way in (`npm run admin-invite`, or with
 * `firstStart` the banner of a start on an empty record, which replaces the banner's earlier invites
 * but never one the operator made and may have handed out).
 */
export async function createAdminInvite(
  store: Store,
  options: { firstStart?: boolean } = {},
): Promise<IssuedInvite> {
  return store.tx(async (tx) => {
    if (options.firstStart) await tx.invites.revokeOpenSystemInvites(FIRST_START_LABEL);
    const { token, tokenHash, payload } = issue();
    const invite = await tx.invites.insertInvite({
      tokenHash,
      email: null,
      role: 'admin',
      label: options.firstStart ? FIRST_START_LABEL : 'admin setup',
      maxUses: 1,
      expiresInDays: INVITE_DAYS_DEFAULT,
      createdBy: null,
    });
    await recordAudit(tx, {
      action: 'user.setup_invite_created',
      actor: 'system',
      details: { invite: inviteReference(invite), expiresAt: invite.expiresAt.toISOString() },
    });
    return { invite, token, payload };
  });
}

/** The first admin's invite, only while the record has no account; older unclaimed ones are revoked. */
export async function createSetupInvite(store: Store): Promise<IssuedInvite> {
  if ((await store.users.countUsers()) > 0) throw new NoChangeError({ kind: 'accountExists' });
  return createAdminInvite(store, { firstStart: true });
}

/** What a start on an empty record prints: the first admin's invite, or that another process has it. */
export type FirstStartInvite =
  | { kind: 'not_needed' }
  | { kind: 'printed_elsewhere' }
  | { kind: 'issued'; issued: IssuedInvite; release(): Promise<void> };

/**
 * The setup invite of a start on an empty record. Of processes starting together exactly one issues
 * it (and holds a lock while it runs, released by `release` or its death); the others learn that it
 * was printed elsewhere and change nothing. A later start, once that process is gone, replaces it.
 */
export async function issueFirstStartInvite(store: Store): Promise<FirstStartInvite> {
  if ((await store.users.countUsers()) > 0) return { kind: 'not_needed' };
  const release = await store.invites.holdSetupPrinterLock();
  if (!release) return { kind: 'printed_elsewhere' };
  try {
    return { kind: 'issued', issued: await createSetupInvite(store), release };
  } catch (error) {
    await release();
    if (error instanceof NoChangeError) return { kind: 'not_needed' };
    throw error;
  }
}

/** What a token opens: the invite to preview and claim, or why it cannot be used. */
export type ResolvedInvite =
  /** `issuerName`: the admin who issued it (null for the first admin's setup invite). */
  | { kind: 'invite'; invite: InviteRow & { groupNames: string[] }; issuerName: string | null }
  | { kind: 'unusable'; reason: 'unknown' | 'expired' | 'revoked' | 'used_up' };

/**
 * One read both the preview and the claim rely on, so they cannot disagree: an invite whose issuer
 * is no longer an active admin is as good as revoked.
 */
export async function resolveInviteToken(store: Store, tokenHash: Buffer): Promise<ResolvedInvite> {
  const found = await store.invites.getInviteToOpen(tokenHash);
  if (!found) return { kind: 'unusable', reason: 'unknown' };
  const { issuer, ...invite } = found;
  const reason = unusableReason(invite);
  if (reason) return { kind: 'unusable', reason };
  if (invite.createdBy && !isActiveAdmin(issuer)) return { kind: 'unusable', reason: 'revoked' };
  return { kind: 'invite', invite, issuerName: issuer?.name ?? null };
}

export function unusableReason(invite: InviteRow): 'expired' | 'revoked' | 'used_up' | undefined {
  if (invite.revokedAt) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used_up';
  if (invite.expiresAt.getTime() <= Date.now()) return 'expired';
  return undefined;
}
