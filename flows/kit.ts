import type { EventObject } from 'xstate';
import { PASSWORD_MIN_LENGTH } from '../src/domain/limits.js';
import type { Choice, FlowEmitted, FlowEvent } from './types.js';
import { msg } from '../src/i18n/message.js';

/**
 * An effect's error as the flow emits it, `emit(reportFailure)`: the engine words a refusal
 * (src/engine/replies.ts) or apologises for anything else, so flows never word failures themselves.
 */
export function reportFailure({ event }: { event: EventObject }): FlowEmitted {
  return { type: 'failed', error: 'error' in event ? event.error : undefined };
}

export const CANCEL_CHOICE: Choice = { label: msg('kit-cancel'), value: 'cancel' };

/** A guard, `{ type: 'chose', params: 'yes' }`: the person tapped the choice with that value. */
export function chose({ event }: { event: FlowEvent }, value: string): boolean {
  return event.type === 'choose' && event.value === value;
}

/** A guard: the person tapped Cancel. */
export function isCancel({ event }: { event: FlowEvent }): boolean {
  return chose({ event }, CANCEL_CHOICE.value);
}

/** The password policy in words, from the policy's own numbers. */
export const PASSWORD_RULES = msg('kit-password-rules', { min: PASSWORD_MIN_LENGTH });
