import { recordAudit } from '../domain/audit.js';
import type { EngineDeps } from './deps.js';

/**
 * Wrong guesses allowed in a window: per chat identity, and from everyone together (so guessing from
 * many chats at once is slowed too): passwords at /login, invite or reset codes, refused web forms.
 */
export const ATTEMPT_LIMITS = {
  login: { max: 10, overall: 100, windowSeconds: 15 * 60 },
  code: { max: 20, overall: 200, windowSeconds: 15 * 60 },
  /** Refused submissions of a private web form (stale or replayed nonce, a password the policy refuses). */
  form: { max: 20, overall: 200, windowSeconds: 15 * 60 },
} as const;

export type AttemptKind = keyof typeof ATTEMPT_LIMITS;

interface Who {
  platform: string;
  externalId: string;
}

function key(kind: AttemptKind, who: Who): string {
  return `${kind}:${who.platform}:${who.externalId}`;
}

function overallKey(kind: AttemptKind): string {
  return `${kind}:*`;
}

/**
 * True once this identity, or everyone together, used up the wrong attempts of `kind` (counted in the
 * session store, so across processes).
 */
export async function isLockedOut(deps: EngineDeps, kind: AttemptKind, who: Who): Promise<boolean> {
  const [mine, everyone] = await Promise.all([
    deps.sessions.peek(key(kind, who)),
    deps.sessions.peek(overallKey(kind)),
  ]);
  return mine >= ATTEMPT_LIMITS[kind].max || everyone >= ATTEMPT_LIMITS[kind].overall;
}

/**
 * Counts a wrong attempt. The attempt that reaches a limit is audited, once per window: a burst of a
 * thousand wrong codes is one row, since locked-out attempts are refused before they are counted.
 */
export async function recordWrongAttempt(deps: EngineDeps, kind: AttemptKind, who: Who): Promise<void> {
  const limit = ATTEMPT_LIMITS[kind];
  const [mine, everyone] = await Promise.all([
    deps.sessions.hit(key(kind, who), limit.windowSeconds),
    deps.sessions.hit(overallKey(kind), limit.windowSeconds),
  ]);
  const reached =
    mine === limit.max
      ? ('this chat' as const)
      : everyone === limit.overall
        ? ('everyone' as const)
        : undefined;
  if (!reached) return;
  await recordAudit(deps.store, {
    action: 'auth.locked_out',
    actor: 'system',
    details: {
      attempts: kind,
      by: reached,
      platform: who.platform,
      chat: who.externalId,
      limit: reached === 'everyone' ? limit.overall : limit.max,
      windowMinutes: limit.windowSeconds / 60,
    },
  }).catch((error: unknown) => deps.log.warn({ err: error }, 'auditing a lockout failed'));
}

export const LOCKED_OUT =
  'Too many wrong attempts from this chat. Please wait a quarter of an hour and try again.';
