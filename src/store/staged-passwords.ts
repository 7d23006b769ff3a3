import type { Db } from './db.js';

/** Keeps a new password's hash for `ttlSeconds` and returns its id. */
export async function insertStagedPassword(
  db: Db,
  passwordHash: string,
  ttlSeconds: number,
): Promise<string> {
  const [row] = await db<{ id: string }[]>`
    insert into staged_passwords (password_hash, expires_at)
    values (${passwordHash}, now() + make_interval(secs => ${ttlSeconds}))
    returning id`;
  return row!.id;
}

/** The staged hash, while it has not expired. */
export async function getStagedPasswordHash(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db<{ passwordHash: string }[]>`
    select password_hash from staged_passwords where id = ${id} and expires_at > now()`;
  return row?.passwordHash;
}

/** Removes the staged hash and returns it, if it had not expired: it is used once. */
export async function takeStagedPasswordHash(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db<{ passwordHash: string; live: boolean }[]>`
    delete from staged_passwords where id = ${id}
    returning password_hash, expires_at > now() as live`;
  return row?.live ? row.passwordHash : undefined;
}

export async function deleteStagedPassword(db: Db, id: string): Promise<void> {
  await db`delete from staged_passwords where id = ${id}`;
}

/** Drops the hashes whose time is up; returns how many. */
export async function deleteExpiredStagedPasswords(db: Db): Promise<number> {
  return (await db`delete from staged_passwords where expires_at <= now()`).count;
}
