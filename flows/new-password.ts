import { fromPromise, type EventObject } from 'xstate';
import { PASSWORD_RULES } from './kit.js';
import { errorCode, notProvided } from './types.js';
import { msg } from '../src/i18n/message.js';

/**
 * The two effects of every flow that sets a new password: the password is staged in the record (the
 * flow keeps only its id, never a hash) and must be typed again before it is used.
 */
export const newPasswordActors = {
  /** Checks the policy (and, with `userId`, refuses the account's current password) and stages it. */
  stagePassword: fromPromise<{ stagedId: string }, { password: string; userId?: string }>(() =>
    notProvided('stagePassword'),
  ),
  /** True when the password typed again is the staged one; a mismatch discards it. */
  confirmStaged: fromPromise<boolean, { stagedId: string; password: string }>(() =>
    notProvided('confirmStaged'),
  ),
};

export const NEW_PASSWORD_PROMPT = msg('new-password-ask', { rules: PASSWORD_RULES });
export const AGAIN_PROMPT = msg('new-password-again');
export const PASSWORDS_DIFFER = msg('new-password-differ');

/** The guards of every flow that sets a new password, on the error of one of its two effects. */
export const newPasswordGuards = {
  /** A new password the person can fix by choosing another: the policy's refusal, or their current one. */
  isRefusedNewPassword: ({ event }: { event: EventObject }) =>
    'error' in event && ['weak_password', 'invalid_input'].includes(errorCode(event.error) ?? ''),
  /** The staged password expired before it was used: it is asked for again. */
  isStagedPasswordGone: ({ event }: { event: EventObject }) =>
    'error' in event && errorCode(event.error) === 'staged_password_gone',
};
