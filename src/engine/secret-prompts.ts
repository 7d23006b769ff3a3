import type { FlowEvent, SecretPurpose } from '../../flows/types.js';
import { msg, type Text } from '../i18n/message.js';
import { newFormNonce } from './secrets.js';
import type { RunningFlow, TurnScope } from './turn-scope.js';

/**
 * The secret a flow waits for: the purpose and words of the prompt it showed, and the hash of that
 * prompt's nonce.
 */
export interface SecretWait {
  purpose: SecretPurpose;
  prompt: Text;
  nonceHash?: string;
}

/** The words of a repeated prompt whose flow's own words were not kept (a session saved before they were). */
const SECRET_STILL_EXPECTED = msg('engine-secret-still-expected');

/** Shows a private prompt for a secret, tagged with the flow's run; returns what the flow now waits for. */
export function showSecretPrompt(
  scope: TurnScope,
  prompt: { text: Text; purpose: SecretPurpose },
  instance: string,
): SecretWait {
  const { nonce, hash } = newFormNonce();
  scope.replies.push({ type: 'secretPrompt', ...prompt, action: `${instance}.secret`, nonce });
  return { purpose: prompt.purpose, prompt: prompt.text, nonceHash: hash };
}

/** What a parked flow waits for, as its session keeps it. */
export function standingWait(flow: RunningFlow): SecretWait | undefined {
  return flow.awaitsSecret
    ? {
        purpose: flow.awaitsSecret,
        prompt: flow.secretPrompt ?? SECRET_STILL_EXPECTED,
        ...(flow.secretNonce ? { nonceHash: flow.secretNonce } : {}),
      }
    : undefined;
}

/**
 * After an update answered by something else (a command, a stale button) while the speaker's flow
 * waits for a secret, its prompt is shown again, hidden, under a new nonce: what a flow waits for
 * is the prompt it showed last, so the next line is still taken as the secret, never as a message.
 */
export function repeatSecretPrompt(scope: TurnScope): void {
  const flow = scope.session.flow;
  const wait = flow && standingWait(flow);
  if (!flow || !wait || flow.owner !== (scope.user?.id ?? null)) return;
  if (scope.replies.some((r) => r.type === 'secretPrompt')) return;
  const shown = showSecretPrompt(scope, { text: wait.prompt, purpose: wait.purpose }, flow.instance);
  flow.secretNonce = shown.nonceHash;
}

/**
 * What a flow waits for after a step: the prompt it showed last, if it showed one. Otherwise a
 * secret it was fed answered the prompt that stood, and anything else left that prompt standing
 * (a flow asks for a secret only on entering a state that takes nothing but the secret).
 */
export function waitAfterStep(
  standing: SecretWait | undefined,
  shown: SecretWait | undefined,
  event: FlowEvent | undefined,
): SecretWait | undefined {
  if (shown) return shown;
  return event?.type === 'secret' ? undefined : standing;
}
