import { createHash } from 'node:crypto';
import { recordAudit } from '../domain/audit.js';
import { LockedOutError, WrongCredentialsError } from '../domain/errors.js';
import {
  closePasswordWindow,
  recordRefusedPassword,
  recordWrongPassword,
  type FailureSubject,
  type PasswordCheck,
} from '../domain/password-failures.js';
import { msg } from '../i18n/message.js';
import type { EngineDeps } from './deps.js';

/** Every limit counts in a fixed window that the first failure opens. */
const ATTEMPT_WINDOW_SECONDS = 15 * 60;

interface Limit {
  /** Failures of one chat identity, whatever it aimed at; reaching it refuses that chat. */
  perChat?: number;
  /**
   * Failures against one target (an account, an invite) from every chat. Reaching it refuses only
   * the chats that failed against that target themselves: a clean chat is still checked.
   */
  perTarget?: number;
  /** Failures of one chat against one target. */
  perChatAndTarget?: number;
}

/**
 * Wrong guesses allowed per window. No limit counts strangers together: whatever others do, a chat
 * with a clean record always has its valid code or password checked and accepted.
 */
export const ATTEMPT_LIMITS = {
  /** Wrong passwords at /login and wrong current passwords; the target is the account. */
  password: { perChat: 10, perTarget: 10 },
  /** Unknown invite or reset codes. */
  code: { perChat: 20 },
  /** Emails an email-less invite's claim refused (taken or unusable); the target is the invite. */
  email: { perChatAndTarget: 5, perTarget: 20 },
  /** Requests to a private web form (Telegram's Mini App), per Telegram account. */
  form: { perChat: 30 },
} as const satisfies Record<string, Limit>;

type AttemptKind = keyof typeof ATTEMPT_LIMITS;

interface Who {
  platform: string;
  externalId: string;
}

/** One guess: who made it, of what kind, against what (an account or invite key), if anything. */
export interface Attempt {
  kind: AttemptKind;
  who: Who;
  target?: string;
}

// i18n-exempt: which limit, in the audit record's own vocabulary (data, never a reply)
const BY_CHAT = 'this chat';

/** The limit a failure reached: which one, in the audit's words, and its size. */
interface Reached {
  by: string;
  limit: number;
}

/** A counter's key in the session store: its parts, colon-separated. */
function counterKey(...parts: string[]): string {
  return parts.join(':');
}

function chatOf(who: Who): string {
  return counterKey(who.platform, who.externalId);
}

function limitOf(kind: AttemptKind): Limit {
  return ATTEMPT_LIMITS[kind];
}

function keys({ kind, who, target }: Attempt) {
  return {
    chat: counterKey(kind, 'chat', chatOf(who)),
    target: target === undefined ? undefined : counterKey(kind, 'target', target),
    pair: target === undefined ? undefined : counterKey(kind, 'pair', target, chatOf(who)),
  };
}

/** The target key of an account, for the password limits. */
export function accountTarget(userId: string): string {
  return counterKey('account', userId);
}

/** The target key of an invite (by its token's hash), for the email limits of its claim. */
export function inviteTarget(tokenHash: string): string {
  return counterKey('invite', tokenHash);
}

/**
 * The target key of a /login email: its account's when there is one, else the address's SHA-256,
 * so an unknown address is limited exactly like a known one and the limits tell nobody which is which.
 */
export function loginTarget(email: string, accountId: string | undefined): string {
  if (accountId) return accountTarget(accountId);
  return counterKey('email', createHash('sha256').update(email.trim().toLowerCase()).digest('base64url'));
}

/** True when this chat may not try `attempt` now (its own failures, or its failures against a besieged target). */
export async function isRefused(deps: EngineDeps, attempt: Attempt): Promise<boolean> {
  const limit = limitOf(attempt.kind);
  const key = keys(attempt);
  const [chat, target, pair] = await Promise.all([
    limit.perChat === undefined ? 0 : deps.sessions.peek(key.chat),
    key.target === undefined || limit.perTarget === undefined ? 0 : deps.sessions.peek(key.target),
    key.pair === undefined ? 0 : deps.sessions.peek(key.pair),
  ]);
  return (
    (limit.perChat !== undefined && chat >= limit.perChat) ||
    (limit.perChatAndTarget !== undefined && pair >= limit.perChatAndTarget) ||
    (limit.perTarget !== undefined && target >= limit.perTarget && pair > 0)
  );
}

/** Counts a failure in each of its counters; says which limit this very failure reached, if one. */
async function countFailure(deps: EngineDeps, attempt: Attempt): Promise<Reached | undefined> {
  const limit = limitOf(attempt.kind);
  const key = keys(attempt);
  const window = ATTEMPT_WINDOW_SECONDS;
  const [chat, target, pair] = await Promise.all([
    limit.perChat === undefined ? 0 : deps.sessions.hit(key.chat, window),
    key.target === undefined || limit.perTarget === undefined ? 0 : deps.sessions.hit(key.target, window),
    key.pair === undefined ? 0 : deps.sessions.hit(key.pair, window),
  ]);
  const targetNoun = attempt.kind === 'password' ? 'account' : 'invite';
  if (chat === limit.perChat) return { by: BY_CHAT, limit: chat };
  // i18n-exempt: which limit, in the audit record's own vocabulary (data, never a reply)
  if (pair === limit.perChatAndTarget) return { by: `${BY_CHAT} and ${targetNoun}`, limit: pair };
  if (target === limit.perTarget) return { by: targetNoun, limit: target };
  return undefined;
}

/** One `auth.locked_out` row for the failure that reached a limit: a burst of a thousand is one row. */
async function auditLockout(deps: EngineDeps, attempt: Attempt, reached: Reached): Promise<void> {
  await recordAudit(deps.store, {
    // i18n-exempt: an audit action's name
    action: 'auth.locked_out',
    actor: 'system',
    details: {
      kind: attempt.kind,
      ...reached,
      platform: attempt.who.platform,
      chat: attempt.who.externalId,
      windowMinutes: ATTEMPT_WINDOW_SECONDS / 60,
    },
  }).catch((error: unknown) => deps.log.warn({ err: error }, 'auditing a lockout failed'));
}

/** Counts a wrong code or email; the failure that reaches a limit is audited once per window. */
export async function recordWrongAttempt(deps: EngineDeps, attempt: Attempt): Promise<void> {
  const reached = await countFailure(deps, attempt);
  if (reached) await auditLockout(deps, attempt, reached);
}

/**
 * A password check under the password limits: refused with LockedOutError (unchecked) when the
 * limits refuse this chat, else `check` runs; a WrongCredentialsError from it counts for the chat
 * and `target` before it is rethrown. Both are audited per window, for `accountId` (or for this chat
 * when the email named no account).
 */
export async function limitedPasswordCheck<T>(
  deps: EngineDeps,
  input: { who: Who; target: string; accountId: string | undefined; via: PasswordCheck },
  check: () => Promise<T>,
): Promise<T> {
  const attempt: Attempt = { kind: 'password', who: input.who, target: input.target };
  const chat = chatOf(input.who);
  const subject: FailureSubject = input.accountId ? { userId: input.accountId } : { chat };
  const audited = (write: Promise<void>) =>
    write.catch((error: unknown) => deps.log.warn({ err: error }, 'auditing a password attempt failed'));
  await audited(closePasswordWindow(deps.store, subject));
  if (await isRefused(deps, attempt)) {
    await audited(recordRefusedPassword(deps.store, subject));
    throw new LockedOutError();
  }
  try {
    return await check();
  } catch (error) {
    if (!(error instanceof WrongCredentialsError)) throw error;
    const lockout = await countFailure(deps, attempt);
    await audited(
      recordWrongPassword(deps.store, {
        subject,
        chat,
        via: input.via,
        windowSeconds: ATTEMPT_WINDOW_SECONDS,
        ...(lockout ? { lockout } : {}),
      }),
    );
    throw error;
  }
}

/**
 * Counts one request to a private web form before it is served (increment, then compare, so a
 * concurrent burst cannot slip past the check); false once the account used up its window.
 */
export async function admitFormRequest(deps: EngineDeps, who: Who): Promise<boolean> {
  const attempt: Attempt = { kind: 'form', who };
  const max = ATTEMPT_LIMITS.form.perChat;
  const count = await deps.sessions.hit(keys(attempt).chat, ATTEMPT_WINDOW_SECONDS);
  if (count === max + 1) await auditLockout(deps, attempt, { by: BY_CHAT, limit: max });
  return count <= max;
}

export const LOCKED_OUT = msg('engine-locked-out');
