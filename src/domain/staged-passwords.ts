import type { Store } from '../store/store.js';
import { StagedPasswordGoneError, ValidationError } from './errors.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';

/** How long a new password waits for its confirmation (and `/password`'s last question). */
export const STAGED_PASSWORD_TTL_SECONDS = 60 * 60;

/** A new password: typed here and now, or staged earlier and confirmed (by its id). */
export type NewPassword = string | { stagedId: string };

/**
 * Checks a new password against the policy (and, with `userId`, refuses that account's current
 * password), then keeps its argon2id hash in the record until it is confirmed and used; returns the
 * id a flow holds instead of the hash. Throws WeakPasswordError or ValidationError.
 */
export async function stagePassword(
  store: Store,
  input: { password: string; userId?: string },
): Promise<string> {
  checkPasswordPolicy(input.password);
  const current = input.userId ? await store.users.getPasswordHash(input.userId) : undefined;
  if (current && (await verifyPassword(current, input.password)))
    throw new ValidationError('newPassword', { kind: 'sameAsCurrent' });
  const hash = await hashPassword(input.password);
  return store.stagedPasswords.insertStagedPassword(hash, STAGED_PASSWORD_TTL_SECONDS);
}

/**
 * True when `password` is the staged one typed again; a mismatch discards it (the person starts
 * over). Throws StagedPasswordGoneError when it expired meanwhile.
 */
export async function confirmStagedPassword(
  store: Store,
  input: { stagedId: string; password: string },
): Promise<boolean> {
  const hash = await store.stagedPasswords.getStagedPasswordHash(input.stagedId);
  if (!hash) throw new StagedPasswordGoneError();
  if (await verifyPassword(hash, input.password)) return true;
  await store.stagedPasswords.deleteStagedPassword(input.stagedId);
  return false;
}

/**
 * Prepares a new password's argon2id hash before a transaction: a typed one is hashed now (the
 * policy applies: WeakPasswordError), a staged one is taken out of the record by the returned
 * function inside the transaction, so a rollback keeps it (StagedPasswordGoneError once expired).
 */
export async function prepareNewPassword(password: NewPassword): Promise<(tx: Store) => Promise<string>> {
  if (typeof password === 'string') {
    const hash = await hashPassword(password);
    return async () => hash;
  }
  return async (tx) => {
    const hash = await tx.stagedPasswords.takeStagedPasswordHash(password.stagedId);
    if (!hash) throw new StagedPasswordGoneError();
    return hash;
  };
}

/** Drops staged hashes nobody confirmed in time (a scheduled job); returns how many. */
export function purgeExpiredStagedPasswords(store: Store): Promise<number> {
  return store.stagedPasswords.deleteExpiredStagedPasswords();
}
