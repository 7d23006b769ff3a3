import type { Store } from '../store/store.js';
import type { FailureWindowRow } from '../store/password-failures.js';
import { asTarget } from './actors.js';
import { recordAudit, type AuditTarget } from './audit.js';

// Wrong passwords reach the append-only trail as at most three rows per window of one subject: when
// it opens, when a limit is reached in it, and its summary once it is closed (README, "Failed attempts").

/** Whose wrong passwords a window counts: an account, or a chat for emails that name no account. */
export type FailureSubject = { userId: string } | { chat: string };

/** Where a password was checked: `/login`, or the current password at `/password`. */
export type PasswordCheck = 'login' | 'current-password';

/** Chats named in one row; the rest are counted. */
const CHATS_SHOWN = 20;

function keyOf(subject: FailureSubject): string {
  return 'userId' in subject ? `account:${subject.userId}` : `chat:${subject.chat}`;
}

function chatsOf(window: Pick<FailureWindowRow, 'chats'>) {
  return { chats: window.chats.slice(0, CHATS_SHOWN), chatCount: window.chats.length };
}

async function targetOf(store: Store, userId: string | null): Promise<{ target?: AuditTarget }> {
  const user = userId ? await store.users.getUserById(userId) : undefined;
  return user ? { target: asTarget(user) } : {};
}

/** Writes the summary of an ended window, if it holds more than its opening row said. */
async function summarise(store: Store, window: FailureWindowRow): Promise<void> {
  if (window.failures <= 1 && window.refused === 0 && !window.lockedAt) return;
  const span = { from: window.openedAt.toISOString(), until: window.closesAt.toISOString() };
  const counts = { attempts: window.failures, via: window.via, ...chatsOf(window) };
  await recordAudit(store, {
    actor: 'system',
    ...(await targetOf(store, window.userId)),
    ...(window.lockedAt
      ? {
          action: 'auth.locked_out',
          details: { kind: 'password', lockout: 'ended', ...counts, suppressed: window.refused, ...span },
        }
      : { action: 'auth.password_failed', details: { window: 'closed', ...counts, ...span } }),
  });
}

/** Closes the subject's window if it has ended (writing its summary); call it before each check. */
export async function closePasswordWindow(store: Store, subject: FailureSubject): Promise<void> {
  await store.tx(async (tx) => {
    const ended = await tx.passwordFailures.takeEndedWindow(keyOf(subject));
    if (ended) await summarise(tx, ended);
  });
}

/** Closes every ended window, in batches, writing their summaries; returns how many were closed. */
export async function closeEndedPasswordWindows(store: Store): Promise<number> {
  let closed = 0;
  for (;;) {
    const batch = await store.tx(async (tx) => {
      const ended = await tx.passwordFailures.takeEndedWindows(100);
      for (const window of ended) await summarise(tx, window);
      return ended.length;
    });
    closed += batch;
    if (batch < 100) return closed;
  }
}

/**
 * Counts a wrong password in the subject's window, opening it (and its row) with the first one;
 * `lockout`, when this failure reached a limit, is recorded once per window.
 */
export async function recordWrongPassword(
  store: Store,
  input: {
    subject: FailureSubject;
    chat: string;
    via: PasswordCheck;
    windowSeconds: number;
    lockout?: { by: string; limit: number };
  },
): Promise<void> {
  const subject = keyOf(input.subject);
  await store.tx(async (tx) => {
    const ended = await tx.passwordFailures.takeEndedWindow(subject);
    if (ended) await summarise(tx, ended);
    const window = await tx.passwordFailures.addFailure({
      subject,
      userId: 'userId' in input.subject ? input.subject.userId : null,
      chat: input.chat,
      via: input.via,
      windowSeconds: input.windowSeconds,
    });
    const about = await targetOf(tx, window.userId);
    if (window.opened) {
      await recordAudit(tx, {
        action: 'auth.password_failed',
        actor: 'system',
        ...about,
        details: {
          window: 'opened',
          attempts: 1,
          via: [input.via],
          chats: [input.chat],
          windowMinutes: input.windowSeconds / 60,
        },
      });
    }
    if (input.lockout && (await tx.passwordFailures.markLocked(subject))) {
      const [platform, ...rest] = input.chat.split(':');
      await recordAudit(tx, {
        action: 'auth.locked_out',
        actor: 'system',
        ...about,
        details: {
          kind: 'password',
          lockout: 'started',
          ...input.lockout,
          platform,
          chat: rest.join(':'),
          attempts: window.failures,
          ...chatsOf(window),
          windowMinutes: input.windowSeconds / 60,
        },
      });
    }
  });
}

/** Counts an attempt the limits refused unchecked, for the lockout's summary. */
export async function recordRefusedPassword(store: Store, subject: FailureSubject): Promise<void> {
  await store.passwordFailures.addRefused(keyOf(subject));
}
