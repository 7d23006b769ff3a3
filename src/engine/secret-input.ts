import type { SecretPurpose } from '../../flows/types.js';
import { msg } from '../i18n/message.js';
import { capabilitiesOf } from './deps.js';
import { endIfNotOwner, stepRunning } from './flow-session.js';
import { nonceMatches, type SecretForm, type SubmitResult } from './secrets.js';
import { showSecretPrompt } from './secret-prompts.js';
import { say, type RunningFlow, type SessionData, type TurnScope } from './turn-scope.js';

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

/**
 * Ends a flow whose wait for a secret expired (`restsUntil`); true if it did. Its state outlived the
 * wait on purpose, so the text that follows can be treated as the password it may be.
 */
export function endExpiredSecretWait(session: SessionData, now = Date.now()): boolean {
  const flow = session.flow;
  if (!flow?.awaitsSecret || flow.restsUntil === undefined || flow.restsUntil > now) return false;
  delete session.flow;
  return true;
}

/**
 * Text sent after a secret step expired may be the password it asked for: it is not used, and the
 * message is deleted where the platform lets the bot (else the person is asked to delete it).
 */
export function dropExpiredSecret(scope: TurnScope): void {
  const { deps, inbound } = scope;
  const canDelete = capabilitiesOf(deps, inbound.platform).canDeleteMessages && inbound.messageId;
  if (canDelete)
    scope.replies.push({
      type: 'deleteMessage',
      messageId: inbound.messageId!,
      failedNotice: PASSWORD_LEFT_IN_CHAT,
    });
  say(scope, msg(canDelete ? 'engine-secret-step-expired-deleted' : 'engine-secret-step-expired-kept'));
}

/**
 * What a session that waits for a secret is saved as: with the moment the wait expires, and kept a
 * day beyond it (see `endExpiredSecretWait`). Other sessions are saved as they are.
 */
export function restingSecretWait(session: SessionData, ttlSeconds: number, now = Date.now()): number {
  const flow = session.flow;
  if (!flow?.awaitsSecret) return ttlSeconds;
  flow.restsUntil = now + ttlSeconds * 1000;
  return ttlSeconds + EXPIRED_SECRET_GRACE_SECONDS;
}

/** How long a secret step's state outlives the step, to recognise a password typed too late. */
const EXPIRED_SECRET_GRACE_SECONDS = 24 * 3600;
