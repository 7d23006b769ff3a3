import type { Db } from './db.js';

export interface ResetRow {
  id: string;
  userId: string;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  voidedAt: Date | null;
}

const RESET_COLUMNS = ['id', 'userId', 'createdBy', 'createdAt', 'expiresAt', 'usedAt', 'voidedAt'];

/** Voids the user's live link, if any: a newer link replaces it. */
export async function voidLiveResets(db: Db, userId: string): Promise<number> {
  const result = await db`
    update password_resets set voided_at = now() where user_id = ${userId} and used_at is null and voided_at is null`;
  return result.count;
}

export async function insertReset(
  db: Db,
  reset: { userId: string; tokenHash: Buffer; createdBy: string | null; expiresInDays: number },
): Promise<ResetRow> {
  const [row] = await db<ResetRow[]>`
    insert into password_resets (user_id, token_hash, created_by, expires_at)
    values (${reset.userId}, ${reset.tokenHash}, ${reset.createdBy}, now() + make_interval(days => ${reset.expiresInDays}))
    returning ${db(RESET_COLUMNS)}`;
  return row!;
}

export async function getResetByTokenHash(db: Db, tokenHash: Buffer): Promise<ResetRow | undefined> {
  const [row] = await db<
    ResetRow[]
  >`select ${db(RESET_COLUMNS)} from password_resets where token_hash = ${tokenHash}`;
  return row;
}

/** Uses a live link in one statement, so concurrent completions have one winner. */
export async function consumeReset(db: Db, tokenHash: Buffer): Promise<ResetRow | undefined> {
  const [row] = await db<ResetRow[]>`
    update password_resets set used_at = now()
    where token_hash = ${tokenHash} and used_at is null and voided_at is null and expires_at > now()
    returning ${db(RESET_COLUMNS)}`;
  return row;
}

/** Voids every live link `issuerId` issued (their admin rights are gone); returns how many. */
export async function voidResetsIssuedBy(db: Db, issuerId: string): Promise<number> {
  const result = await db`
    update password_resets set voided_at = now()
    where created_by = ${issuerId} and used_at is null and voided_at is null`;
  return result.count;
}

/** How many links `issuerId` issued that could still be used. */
export async function countLiveResetsIssuedBy(db: Db, issuerId: string): Promise<number> {
  const [row] = await db<{ count: number }[]>`
    select count(*)::int as count from password_resets
    where created_by = ${issuerId} and used_at is null and voided_at is null and expires_at > now()`;
  return row!.count;
}
