import type { Db } from './db.js';

/** Keeps a new password's keyed digest for `ttlSeconds` and returns its row's id. */
export async function insertStagedPassword(db: Db, digest: Buffer, ttlSeconds: number): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into staged_passwords (digest, expires_at)
    values (${digest}, now() + make_interval(secs => ${ttlSeconds}))
    returning id`;
  return row!.id;
}

/** A staged password: its digest until it is confirmed, then its hash. */
export type StagedPassword = { digest: Buffer } | { passwordHash: string };

/** The staged password, while it has not expired. */
export async function getStagedPassword(db: Db, id: string): Promise<StagedPassword | undefined> {
  const [row] = await db<{ digest: Buffer | null; passwordHash: string | null }[]>`
    select digest, password_hash from staged_passwords where id = ${id} and expires_at > now()`;
  if (!row) return undefined;
  return row.digest ? { digest: row.digest } : { passwordHash: row.passwordHash! };
}

/**
 * Replaces the digest with the confirmed password's hash, if the row is live and still holds
 * `digest`: of confirmations at the same moment one writes. True when this one did.
 */
export async function keepConfirmedHash(
  db: Db,
  id: string,
  digest: Buffer,
  passwordHash: string,
): Promise<boolean> {
  const written = await db`
    update staged_passwords set password_hash = ${passwordHash}, digest = null
    where id = ${id} and digest = ${digest} and expires_at > now()`;
  return written.count === 1;
}

/** Removes a confirmed password's hash and returns it, if it had not expired: it is used once. */
export async function takeStagedPasswordHash(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db<{ passwordHash: string; live: boolean }[]>`
    delete from staged_passwords where id = ${id} and password_hash is not null
    returning password_hash, expires_at > now() as live`;
  return row?.live ? row.passwordHash : undefined;
}

export async function deleteStagedPassword(db: Db, id: string): Promise<void> {
  await db`delete from staged_passwords where id = ${id}`;
}

/** Drops the staged passwords whose time is up; returns how many. */
export async function deleteExpiredStagedPasswords(db: Db): Promise<number> {
  return (await db`delete from staged_passwords where expires_at <= now()`).count;
}
