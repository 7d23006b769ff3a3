import type { SecretPurpose } from '../../flows/types.js';
import { msg } from '../i18n/message.js';
import { capabilitiesOf } from './deps.js';
import { endIfNotOwner, stepRunning } from './flow-session.js';
import { nonceMatches, type SecretForm, type SubmitResult } from './secrets.js';
import { showSecretPrompt } from './secret-prompts.js';
import type { RunningFlow, TurnScope } from './turn-scope.js';

const PASSWORD_LEFT_IN_CHAT = msg('engine-password-left-in-chat');

/** The purpose the running flow waits for, if `nonce` is its current prompt's. */
export function promptedFor(flow: RunningFlow | undefined, nonce: string): SecretPurpose | undefined {
  return flow?.awaitsSecret && flow.secretNonce && nonceMatches(flow.secretNonce, nonce)
    ? flow.awaitsSecret
    : undefined;
}

/**
 * A private form's submission for the prompt the flow waits on (for `purpose`): its values are fed
 * to the flow while it waits for a purpose the form answers (current, new, again), each at most once.
 */
export async function submitSecret(
  scope: TurnScope,
  purpose: SecretPurpose,
  form: SecretForm,
): Promise<SubmitResult> {
  if (endIfNotOwner(scope)) return { kind: 'stale' };
  const prepared = form(purpose);
  if ('refusal' in prepared) return { kind: 'refused', refusal: prepared.refusal };
  const fed = new Set<SecretPurpose>();
  for (;;) {
    const current = scope.session.flow;
    const purpose = current?.awaitsSecret;
    const value = purpose === undefined ? undefined : prepared.values[purpose];
    if (!current || purpose === undefined || value === undefined || fed.has(purpose)) break;
    fed.add(purpose);
    // Used up now; a prompt this same submission answers next is never shown.
    delete current.secretNonce;
    scope.replies.splice(0, scope.replies.length, ...scope.replies.filter((r) => r.type !== 'secretPrompt'));
    await stepRunning(scope, { type: 'secret', value });
  }
  const waiting = scope.session.flow?.awaitsSecret;
  const prompt = scope.replies.filter((r) => r.type === 'secretPrompt').pop();
  return waiting && prompt?.type === 'secretPrompt'
    ? { kind: 'taken', next: { purpose: waiting, nonce: prompt.nonce } }
    : { kind: 'taken' };
}

/**
 * A password typed as a message: where the platform has private forms it is refused (and deleted
 * if possible), since it has been in the chat; otherwise it is taken and its message deleted at once.
 */
export async function takeSecretFromText(
  scope: TurnScope,
  flow: RunningFlow,
  purpose: SecretPurpose,
  body: string,
): Promise<void> {
  const { deps, inbound } = scope;
  const caps = capabilitiesOf(deps, inbound.platform);
  if (caps.hasSecretForms) {
    if (caps.canDeleteMessages && inbound.messageId) {
      scope.replies.push({
        type: 'deleteMessage',
        messageId: inbound.messageId,
        failedNotice: PASSWORD_LEFT_IN_CHAT,
      });
    }
    if (endIfNotOwner(scope)) return;
    const wait = showSecretPrompt(
      scope,
      {
        text: msg('engine-password-not-as-message'),
        purpose,
      },
      flow.instance,
    );
    flow.secretNonce = wait.nonceHash;
    return;
  }
  if (inbound.messageId) {
    scope.replies.push({
      type: 'deleteMessage',
      messageId: inbound.messageId,
      failedNotice: PASSWORD_LEFT_IN_CHAT,
    });
  }
  await stepRunning(scope, { type: 'secret', value: body });
}
