import type { FlowEvent, SecretPurpose } from '../../flows/types.js';
import { newFormNonce } from './secrets.js';
import type { TurnScope } from './turn-scope.js';

/** The secret a flow waits for: the purpose of the prompt it showed, and the hash of that prompt's nonce. */
export interface SecretWait {
  purpose: SecretPurpose;
  nonceHash?: string;
}

/** Shows a private prompt for a secret, tagged with the flow's run; returns what the flow now waits for. */
export function showSecretPrompt(
  scope: TurnScope,
  prompt: { text: string; purpose: SecretPurpose },
  instance: string,
): SecretWait {
  const { nonce, hash } = newFormNonce();
  scope.replies.push({ type: 'secretPrompt', ...prompt, action: `${instance}.secret`, nonce });
  return { purpose: prompt.purpose, nonceHash: hash };
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
