import { sawAccessEpoch } from './access-epoch.js';
import type { Db } from './db.js';
import type { Platform } from '../domain/enums.js';
import type { UserRow } from './users.js';

export interface IdentityRow {
  platform: Platform;
  externalId: string;
  userId: string;
  username: string | null;
  linkedAt: Date;
}

export interface IdentityKey {
  platform: Platform;
  externalId: string;
}

export async function getIdentity(db: Db, key: IdentityKey): Promise<IdentityRow | undefined> {
  const [row] = await db<IdentityRow[]>`
    select * from identities where platform = ${key.platform} and external_id = ${key.externalId}`;
  return row;
}

/**
 * True if the identity is linked to `userId`. Inside a transaction the link then holds: unlinking
 * the identity waits until that transaction ends.
 */
export async function holdLink(db: Db, key: IdentityKey, userId: string): Promise<boolean> {
  const rows = await db`
    select 1 from identities
    where platform = ${key.platform} and external_id = ${key.externalId} and user_id = ${userId}
    for key share`;
  return rows.length === 1;
}

/**
 * Takes `username` away from every other identity on the platform: a handle names one identity per
 * platform, the one that showed it last. Run it in the transaction that gives the handle out.
 */
async function releaseUsername(db: Db, key: IdentityKey, username: string): Promise<void> {
  await db`
    update identities set username = null
    where platform = ${key.platform} and lower(username) = lower(${username}) and external_id <> ${key.externalId}`;
}

/**
 * Links the identity to `userId`, taking its handle from whichever identity showed it before;
 * returns false (and links nothing) if the identity belongs to someone already.
 */
export async function insertIdentity(
  db: Db,
  identity: IdentityKey & { userId: string; username: string | null },
): Promise<boolean> {
  if (identity.username !== null) await releaseUsername(db, identity, identity.username);
  const rows = await db`
    insert into identities ${db(identity, 'platform', 'externalId', 'userId', 'username')}
    on conflict (platform, external_id) do nothing
    returning platform`;
  return rows.length === 1;
}

export async function listIdentities(db: Db, userId: string): Promise<IdentityRow[]> {
  return db<IdentityRow[]>`select * from identities where user_id = ${userId} order by linked_at, platform`;
}

/** Unlinks one identity of the user; returns whether it was linked. */
export async function deleteIdentity(db: Db, userId: string, key: IdentityKey): Promise<boolean> {
  const result = await db`
    delete from identities
    where user_id = ${userId} and platform = ${key.platform} and external_id = ${key.externalId}`;
  return result.count === 1;
}

/** Unlinks every identity of the user except `keep`; returns the ones removed. */
export async function deleteOtherIdentities(
  db: Db,
  userId: string,
  keep?: IdentityKey,
): Promise<IdentityRow[]> {
  return db<IdentityRow[]>`
    delete from identities
    where user_id = ${userId}
      ${keep ? db`and not (platform = ${keep.platform} and external_id = ${keep.externalId})` : db``}
    returning *`;
}

/** An account as seen through one of its chat identities, with the handle that identity shows. */
export type IdentifiedUser = UserRow & { chatUsername: string | null };

/**
 * The account linked to a chat identity, in one indexed lookup (run on every update), with the
 * access epoch of the same snapshot noted for what is kept while it holds (access-epoch.ts).
 */
export async function getUserByIdentity(db: Db, key: IdentityKey): Promise<IdentifiedUser | undefined> {
  const [row] = await db<(IdentifiedUser & { accessEpoch: string })[]>`
    select u.id, u.name, u.email, u.role, u.status, u.invited_by, u.created_at, u.last_seen_at, u.deactivated_at, u.locale,
      i.username as chat_username, coalesce((select n from access_epoch), 0) as access_epoch
    from identities i join users u on u.id = i.user_id
    where i.platform = ${key.platform} and i.external_id = ${key.externalId}`;
  if (!row) return undefined;
  const { accessEpoch, ...user } = row;
  sawAccessEpoch(db, accessEpoch);
  return user;
}

/** Sets the handle an identity shows now, taking it from any other identity on the platform. */
export async function setUsername(db: Db, key: IdentityKey, username: string): Promise<void> {
  await releaseUsername(db, key, username);
  await db`
    update identities set username = ${username}
    where platform = ${key.platform} and external_id = ${key.externalId}`;
}

/** The external ids of the active admins linked on `platform` (for their command menus). */
export async function listActiveAdminIds(db: Db, platform: Platform): Promise<string[]> {
  const rows = await db<{ externalId: string }[]>`
    select i.external_id from identities i join users u on u.id = i.user_id
    where i.platform = ${platform} and u.role = 'admin' and u.status = 'active'`;
  return rows.map((r) => r.externalId);
}
