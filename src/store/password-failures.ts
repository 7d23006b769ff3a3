import type { Db } from './db.js';

/** The running count of one window of wrong passwords (see migration 0007). */
export interface FailureWindowRow {
  subject: string;
  userId: string | null;
  openedAt: Date;
  closesAt: Date;
  failures: number;
  refused: number;
  lockedAt: Date | null;
  via: string[];
  chats: string[];
}

const WINDOW_COLUMNS = [
  'subject',
  'userId',
  'openedAt',
  'closesAt',
  'failures',
  'refused',
  'lockedAt',
  'via',
  'chats',
];

/** Removes the subject's window if it has ended, and returns it. */
export async function takeEndedWindow(db: Db, subject: string): Promise<FailureWindowRow | undefined> {
  const [row] = await db<FailureWindowRow[]>`
    delete from password_failure_windows where subject = ${subject} and closes_at <= now()
    returning ${db(WINDOW_COLUMNS)}`;
  return row;
}

/** Removes up to `limit` ended windows (skipping any another transaction holds) and returns them. */
export async function takeEndedWindows(db: Db, limit: number): Promise<FailureWindowRow[]> {
  return db<FailureWindowRow[]>`
    delete from password_failure_windows where subject in (
      select subject from password_failure_windows where closes_at <= now()
      order by closes_at limit ${limit} for update skip locked)
    returning ${db(WINDOW_COLUMNS)}`;
}

/**
 * Counts one wrong password in the subject's open window, opening one of `windowSeconds` if there
 * is none; `opened` says this failure opened it. One statement, so concurrent failures add up.
 */
export async function addFailure(
  db: Db,
  failure: { subject: string; userId: string | null; chat: string; via: string; windowSeconds: number },
): Promise<FailureWindowRow & { opened: boolean }> {
  const { subject, userId, chat, via, windowSeconds } = failure;
  const [row] = await db<(FailureWindowRow & { opened: boolean })[]>`
    insert into password_failure_windows as w (subject, user_id, closes_at, via, chats)
    values (${subject}, ${userId}, now() + make_interval(secs => ${windowSeconds}),
      array[${via}::text], array[${chat}::text])
    on conflict (subject) do update set
      failures = w.failures + 1,
      via = case when ${via}::text = any(w.via) then w.via else w.via || ${via}::text end,
      chats = case when ${chat}::text = any(w.chats) then w.chats else w.chats || ${chat}::text end
    returning ${db(WINDOW_COLUMNS)}, (xmax = 0) as opened`;
  return row!;
}

/** Marks the open window locked out; returns it only the first time, so a lockout is recorded once. */
export async function markLocked(db: Db, subject: string): Promise<FailureWindowRow | undefined> {
  const [row] = await db<FailureWindowRow[]>`
    update password_failure_windows set locked_at = now()
    where subject = ${subject} and locked_at is null and closes_at > now()
    returning ${db(WINDOW_COLUMNS)}`;
  return row;
}

/** Counts an attempt the limits refused unchecked in the subject's open window, if it has one. */
export async function addRefused(db: Db, subject: string): Promise<void> {
  await db`
    update password_failure_windows set refused = refused + 1
    where subject = ${subject} and closes_at > now()`;
}
