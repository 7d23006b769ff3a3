import type { EngineDeps } from './deps.js';

/** Wrong guesses allowed per chat identity in a window: passwords at /login, and invite or reset codes. */
export const ATTEMPT_LIMITS = {
  login: { max: 10, windowSeconds: 15 * 60 },
  code: { max: 20, windowSeconds: 15 * 60 },
  /** Refused submissions of a private web form (stale or replayed nonce, a password the policy refuses). */
  form: { max: 20, windowSeconds: 15 * 60 },
} as const;

export type AttemptKind = keyof typeof ATTEMPT_LIMITS;

interface Who {
  platform: string;
  externalId: string;
}

function key(kind: AttemptKind, who: Who): string {
  return `${kind}:${who.platform}:${who.externalId}`;
}

/** True once this identity used up its wrong attempts of `kind` (held in the session store, so across processes). */
export async function isLockedOut(deps: EngineDeps, kind: AttemptKind, who: Who): Promise<boolean> {
  return (await deps.sessions.peek(key(kind, who))) >= ATTEMPT_LIMITS[kind].max;
}

export async function recordWrongAttempt(deps: EngineDeps, kind: AttemptKind, who: Who): Promise<void> {
  await deps.sessions.hit(key(kind, who), ATTEMPT_LIMITS[kind].windowSeconds);
}

export const LOCKED_OUT =
  'Too many wrong attempts from this chat. Please wait a quarter of an hour and try again.';
