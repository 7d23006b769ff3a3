import type { Db } from './db.js';
import { inviteGroupNames } from './invite-group-names.js';
import type { Role, UserStatus } from '../domain/enums.js';

export interface InviteRow {
  id: string;
  email: string | null;
  role: Role;
  label: string | null;
  maxUses: number;
  uses: number;
  /** How long the invite is valid from its creation, and again from each resend. */
  validDays: number;
  expiresAt: Date;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** An invite with the names around it, for lists. */
export interface InviteListRow extends InviteRow {
  groupNames: string[];
  createdByName: string | null;
  claimedBy: string[];
  expired: boolean;
}

const INVITE_COLUMNS = [
  'id',
  'email',
  'role',
  'label',
  'maxUses',
  'uses',
  'validDays',
  'expiresAt',
  'createdBy',
  'createdAt',
  'revokedAt',
];

export interface NewInvite {
  tokenHash: Buffer;
  email: string | null;
  role: Role;
  label: string | null;
  maxUses: number;
  expiresInDays: number;
  createdBy: string | null;
}

/** Inserts an invite; throws the unique violation `invites_open_email` if that email has an open one. */
export async function insertInvite(db: Db, invite: NewInvite): Promise<InviteRow> {
  const [row] = await db`
    insert into invites (token_hash, email, role, label, max_uses, valid_days, expires_at, created_by)
    values (${invite.tokenHash}, ${invite.email}, ${invite.role}, ${invite.label}, ${invite.maxUses},
            ${invite.expiresInDays}, now() + make_interval(days => ${invite.expiresInDays}), ${invite.createdBy})
    returning ${db(INVITE_COLUMNS)}`;
  return row as InviteRow;
}

export async function insertInviteGroups(db: Db, inviteId: string, groupIds: string[]): Promise<void> {
  if (groupIds.length === 0) return;
  await db`insert into invite_groups ${db(groupIds.map((groupId) => ({ inviteId, groupId })))}`;
}

export async function getInviteByTokenHash(db: Db, tokenHash: Buffer): Promise<InviteRow | undefined> {
  const [row] = await db<
    InviteRow[]
  >`select ${db(INVITE_COLUMNS)} from invites where token_hash = ${tokenHash}`;
  return row;
}

/** An invite as opening its token needs it: its groups' names, and its issuer's account as it is now. */
export interface InviteToOpen extends InviteRow {
  groupNames: string[];
  /** Null for an invite no one issued (the setup invite) or whose issuer's account is gone. */
  issuer: { name: string; role: Role; status: UserStatus } | null;
}

/** `getInviteByTokenHash` with the invite's group names and its issuer, in one statement. */
export async function getInviteToOpen(db: Db, tokenHash: Buffer): Promise<InviteToOpen | undefined> {
  const [row] = await db<
    (InviteRow & {
      groupNames: string[];
      issuerName: string | null;
      issuerRole: Role | null;
      issuerStatus: UserStatus | null;
    })[]
  >`
    select ${db(INVITE_COLUMNS.map((column) => `i.${column}`))},
      u.name as issuer_name, u.role as issuer_role, u.status as issuer_status,
      ${inviteGroupNames(db)} as group_names
    from invites i left join users u on u.id = i.created_by
    where i.token_hash = ${tokenHash}`;
  if (!row) return undefined;
  const { issuerName, issuerRole, issuerStatus, ...invite } = row;
  return {
    ...invite,
    issuer:
      issuerName !== null && issuerRole !== null && issuerStatus !== null
        ? { name: issuerName, role: issuerRole, status: issuerStatus }
        : null,
  };
}

/**
 * Takes one use of a usable invite in one statement; concurrent callers queue on the row lock and
 * re-check, so a single-use invite is consumed once. Undefined: unknown, expired, revoked or used up.
 */
export async function consumeInviteUse(db: Db, tokenHash: Buffer): Promise<InviteRow | undefined> {
  const [row] = await db<InviteRow[]>`
    update invites set uses = uses + 1
    where token_hash = ${tokenHash} and revoked_at is null and expires_at > now() and uses < max_uses
    returning ${db(INVITE_COLUMNS)}`;
  return row;
}

export async function listInviteGroupIds(db: Db, inviteId: string): Promise<string[]> {
  const rows = await db<
    { groupId: string }[]
  >`select group_id from invite_groups where invite_id = ${inviteId}`;
  return rows.map((r) => r.groupId);
}

export async function insertInviteClaim(db: Db, inviteId: string, userId: string): Promise<void> {
  await db`insert into invite_claims (invite_id, user_id) values (${inviteId}, ${userId})`;
}

/** Invites newest first, with group names, creator and who claimed them. */
export async function listInvites(
  db: Db,
  options: { limit: number; ids?: string[]; afterId?: string },
): Promise<InviteListRow[]> {
  return db<InviteListRow[]>`
    select i.id, i.email, i.role, i.label, i.max_uses, i.uses, i.valid_days, i.expires_at, i.created_by, i.created_at, i.revoked_at,
      i.expires_at <= now() as expired,
      ${inviteGroupNames(db)} as group_names,
      (select u.name from users u where u.id = i.created_by) as created_by_name,
      coalesce((select array_agg(coalesce(u.name, 'an erased account') order by c.claimed_at)
                from invite_claims c left join users u on u.id = c.user_id where c.invite_id = i.id), '{}') as claimed_by
    from invites i
    where true
      ${options.ids ? db`and i.id = any(${options.ids}::uuid[])` : db``}
      ${
        options.afterId
          ? db`and (i.created_at, i.id) < (select created_at, id from invites where id = ${options.afterId})`
          : db``
      }
    order by i.created_at desc, i.id desc
    limit ${options.limit}`;
}

/** Invites whose id starts with `prefix`, or whose email or label equals `text` (case-insensitive). */
export async function findInvites(db: Db, text: string, idPrefix: string | null): Promise<InviteRow[]> {
  return db<InviteRow[]>`
    select ${db(INVITE_COLUMNS)} from invites
    where lower(label) = lower(${text}) or email = lower(${text})
      ${idPrefix ? db`or id::text like ${idPrefix + '%'}` : db``}
    order by created_at desc limit 5`;
}

export async function revokeInvite(
  db: Db,
  inviteId: string,
  revokedBy: string,
): Promise<InviteRow | undefined> {
  const [row] = await db<InviteRow[]>`
    update invites set revoked_at = now(), revoked_by = ${revokedBy}
    where id = ${inviteId} and revoked_at is null and uses < max_uses
    returning ${db(INVITE_COLUMNS)}`;
  return row;
}

/**
 * A fresh token for an expired invite that is not revoked or used up, valid as long as it was at
 * first; the old token stops working. Undefined when the invite is not (or no longer) such a one.
 */
export async function renewExpiredInvite(
  db: Db,
  inviteId: string,
  tokenHash: Buffer,
): Promise<InviteRow | undefined> {
  const [row] = await db<InviteRow[]>`
    update invites set token_hash = ${tokenHash}, expires_at = now() + make_interval(days => valid_days)
    where id = ${inviteId} and revoked_at is null and uses < max_uses and expires_at <= now()
    returning ${db(INVITE_COLUMNS)}`;
  return row;
}

/** Revokes every invite `issuerId` made that is not revoked or used up yet (expired ones too). */
export async function revokeInvitesIssuedBy(
  db: Db,
  issuerId: string,
  revokedBy: string,
): Promise<InviteRow[]> {
  return db<InviteRow[]>`
    update invites set revoked_at = now(), revoked_by = ${revokedBy}
    where created_by = ${issuerId} and revoked_at is null and uses < max_uses
    returning ${db(INVITE_COLUMNS)}`;
}

/** How many invites `issuerId` made that are not revoked or used up (pending or expired). */
export async function countOpenInvitesIssuedBy(db: Db, issuerId: string): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    select count(*)::int as count from invites
    where created_by = ${issuerId} and revoked_at is null and uses < max_uses`;
  return row!.count;
}

/** Revokes the open invites the system itself made with `label` (no issuer). */
export async function revokeOpenSystemInvites(db: Db, label: string): Promise<number> {
  const result = await db`
    update invites set revoked_at = now()
    where created_by is null and label = ${label} and revoked_at is null and uses < max_uses`;
  return result.count;
}

/**
 * Takes the lock of the process that prints the first admin's invite, held by one reserved connection
 * until the returned release (or the connection's end, when the process dies); undefined when another
 * live process holds it.
 */
export async function holdSetupPrinterLock(db: Db): Promise<(() => Promise<void>) | undefined> {
  if (!('reserve' in db))
    throw new Error('the setup printer lock outlives transactions; take it on the pool');
  const connection = await db.reserve();
  const [row] = await connection<{ held: boolean }[]>`
    select pg_try_advisory_lock(hashtext('gatehouse.setup-printer')) as held`;
  if (!row!.held) {
    connection.release();
    return undefined;
  }
  return async () => {
    await connection`select pg_advisory_unlock(hashtext('gatehouse.setup-printer'))`;
    connection.release();
  };
}

/**
 * Seats in use, decided under a transaction-scoped lock so concurrent invites, claims and
 * reactivations see each other: active accounts plus remaining uses of open, unexpired invites.
 * Must run inside a transaction.
 */
export async function lockAndCountSeats(db: Db): Promise<{ active: number; reserved: number }> {
  await db`select pg_advisory_xact_lock(hashtext('gatehouse.seats'))`;
  const [row] = await db<{ active: number; reserved: number }[]>`
    select (select count(*)::int from users where status = 'active') as active,
           (select coalesce(sum(max_uses - uses), 0)::int from invites
             where revoked_at is null and expires_at > now() and uses < max_uses) as reserved`;
  return row!;
}
