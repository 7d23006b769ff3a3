/**
 * A new password typed twice is hashed with argon2id once, when the second typing matches. Until
 * then the record keeps only HMAC-SHA256(key, password) under a random key that lives only in the
 * id the conversation's session holds (`<row id>.<key>`, in Redis or the Postgres sessions table):
 * neither store alone gives anything to guess the password against. The row lives at most
 * STAGED_PASSWORD_TTL_SECONDS, and backups leave staged_passwords (and sessions) out.
 */

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';
import { StagedPasswordGoneError, ValidationError } from './errors.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';

/** How long a new password waits for its confirmation (and `/password`'s last question). */
export const STAGED_PASSWORD_TTL_SECONDS = 60 * 60;

/** A new password: typed here and now, or staged earlier and confirmed (by its id). */
export type NewPassword = string | { stagedId: string };

const KEY_BYTES = 32;
const STAGED_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([\w-]{43})$/;

/** The row and key a staged id carries; StagedPasswordGoneError for anything else (an id without key). */
function parseStagedId(stagedId: string): { rowId: string; key: Buffer } {
  const match = STAGED_ID.exec(stagedId);
  if (!match) throw new StagedPasswordGoneError();
  return { rowId: match[1]!, key: Buffer.from(match[2]!, 'base64url') };
}

const digestOf = (key: Buffer, password: string) => createHmac('sha256', key).update(password).digest();

/**
 * Checks a new password against the policy (and, with `userId`, refuses that account's current
 * password), then keeps its keyed digest in the record until it is typed again; returns the id a
 * flow holds, which carries the key. Throws WeakPasswordError or ValidationError.
 */
export async function stagePassword(
  store: Store,
  input: { password: string; userId?: string },
): Promise<string> {
  checkPasswordPolicy(input.password);
  const current = input.userId ? await store.users.getPasswordHash(input.userId) : undefined;
  if (current && (await verifyPassword(current, input.password)))
    throw new ValidationError('newPassword', { kind: 'sameAsCurrent' });
  const key = randomBytes(KEY_BYTES);
  const rowId = await store.stagedPasswords.insertStagedPassword(
    digestOf(key, input.password),
    STAGED_PASSWORD_TTL_SECONDS,
  );
  return `${rowId}.${key.toString('base64url')}`;
}

/**
 * True when `password` is the staged one typed again: its argon2id hash then replaces the digest.
 * A mismatch discards it (the person starts over). Throws StagedPasswordGoneError when it expired
 * meanwhile, or the id is not one `stagePassword` returned.
 */
export async function confirmStagedPassword(
  store: Store,
  input: { stagedId: string; password: string },
): Promise<boolean> {
  const { rowId, key } = parseStagedId(input.stagedId);
  const staged = await store.stagedPasswords.getStagedPassword(rowId);
  if (!staged) throw new StagedPasswordGoneError();
  if ('passwordHash' in staged) {
    // Confirmed already (by a confirmation at the same moment, or a step run again): the hash decides.
    if (await verifyPassword(staged.passwordHash, input.password)) return true;
  } else if (timingSafeEqual(digestOf(key, input.password), staged.digest)) {
    const hash = await hashPassword(input.password);
    if (await store.stagedPasswords.keepConfirmedHash(rowId, staged.digest, hash)) return true;
    // A confirmation that matched the same digest wrote its hash first: the same password, confirmed.
    const now = await store.stagedPasswords.getStagedPassword(rowId);
    if (now && 'passwordHash' in now) return true;
    throw new StagedPasswordGoneError();
  }
  await store.stagedPasswords.deleteStagedPassword(rowId);
  return false;
}

/**
 * Prepares a new password's argon2id hash before a transaction: a typed one is hashed now (the
 * policy applies: WeakPasswordError), a staged and confirmed one is taken out of the record by the
 * returned function inside the transaction, so a rollback keeps it (StagedPasswordGoneError once
 * expired, or when it was never confirmed).
 */
export async function prepareNewPassword(password: NewPassword): Promise<(tx: Store) => Promise<string>> {
  if (typeof password === 'string') {
    const hash = await hashPassword(password);
    return async () => hash;
  }
  return async (tx) => {
    const { rowId } = parseStagedId(password.stagedId);
    const hash = await tx.stagedPasswords.takeStagedPasswordHash(rowId);
    if (!hash) throw new StagedPasswordGoneError();
    return hash;
  };
}

/** Drops staged passwords nobody confirmed or used in time (a scheduled job); returns how many. */
export function purgeExpiredStagedPasswords(store: Store): Promise<number> {
  return store.stagedPasswords.deleteExpiredStagedPasswords();
}
