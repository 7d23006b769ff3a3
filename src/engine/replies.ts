import {
  AccountFrozenError,
  AmbiguousUserError,
  DomainError,
  InviteStillValidError,
  InviteUnusableError,
  NameTakenError,
  NoChangeError,
  ResetLinkUnusableError,
  SeatLimitError,
  SelfActionError,
  UnknownAgentError,
  UnknownGroupError,
  UnknownInviteError,
  UnknownUserError,
  ValidationError,
  WeakPasswordError,
} from '../domain/errors.js';
import { INVITE_UNUSABLE, RESET_LINK_UNUSABLE } from '../../flows/refusals.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/limits.js';
import { LOCKED_OUT } from './limits.js';
import { describeValidation } from './validation-refusals.js';
import { describeNoChange } from './no-change-refusals.js';
import { minute, platformName } from './commands/format.js';
import { joined, msg, type Message, type Text } from '../i18n/message.js';
const WEAK_PASSWORD: Record<WeakPasswordError['reason'], Message> = {
  too_short: msg('refusal-password-too-short', { min: PASSWORD_MIN_LENGTH }),
  too_long: msg('refusal-password-too-long', { max: PASSWORD_MAX_LENGTH }),
  no_letter: msg('refusal-password-no-letter'),
  no_digit: msg('refusal-password-no-digit'),
  common: msg('refusal-password-common'),
};

/** When Redis (conversation state) is away: said at once, instead of silence until it is back. */
export const SESSION_STORE_AWAY = msg('engine-session-store-away');

/** A refusal's message, said by its error's `code`, for the refusals that carry no data. */
const PLAIN: Record<string, Message> = {
  not_admin: msg('refusal-not-admin'),
  email_taken: msg('refusal-email-taken'),
  invite_pending: msg('refusal-invite-pending'),
  last_admin: msg('refusal-last-admin'),
  user_deactivated: msg('refusal-user-deactivated'),
  wrong_credentials: msg('refusal-wrong-credentials'),
  identity_linked: msg('refusal-identity-linked'),
  staged_password_gone: msg('refusal-staged-password-gone'),
  model_unavailable: msg('refusal-model-unavailable'),
  last_chat: msg('refusal-last-chat'),
};

/** The words a person sees for a refusal they caused; undefined for anything that is not one. */
export function describeDomainError(error: unknown): Text | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error instanceof WeakPasswordError) return WEAK_PASSWORD[error.reason];
  if (error instanceof InviteUnusableError) return INVITE_UNUSABLE[error.reason];
  if (error instanceof ResetLinkUnusableError) return RESET_LINK_UNUSABLE[error.reason];
  if (error instanceof ValidationError) return describeValidation(error);
  if (error instanceof NoChangeError) return describeNoChange(error.change);
  if (error instanceof UnknownUserError) return msg('refusal-unknown-user', { query: error.query });
  if (error instanceof UnknownGroupError) return msg('refusal-unknown-group', { name: error.groupName });
  if (error instanceof UnknownAgentError) return msg('refusal-unknown-agent', { name: error.agentName });
  if (error instanceof UnknownInviteError)
    return msg('refusal-unknown-invite', { reference: error.reference });
  if (error instanceof NameTakenError)
    return msg('refusal-name-taken', { kind: error.kind, name: error.takenName });
  if (error instanceof SeatLimitError) return msg('refusal-seat-limit', { limit: error.limit });
  if (error instanceof AccountFrozenError)
    return msg('refusal-account-frozen', { name: error.userName, change: error.change });
  if (error instanceof InviteStillValidError)
    return msg('refusal-invite-still-valid', { until: minute(error.expiresAt) });
  if (error instanceof AmbiguousUserError) return ambiguous(error);
  if (error instanceof SelfActionError) return msg('refusal-self-action', { action: error.action });
  if (error.code === 'chat_unlinked') return STEP_ENDED;
  if (error.code === 'locked_out') return LOCKED_OUT;
  return PLAIN[error.code] ?? msg('refusal-as-said', { said: sentence(error.message) });
}

/** Who an ambiguous @username could be, and how to say which. */
function ambiguous(error: AmbiguousUserError): Message {
  const platforms = [...new Set(error.candidates.map((c) => c.platform))];
  const candidates = error.candidates.map((c) =>
    msg('refusal-ambiguous-candidate', { name: c.name, platform: platformName(c.platform) }),
  );
  return msg('refusal-ambiguous-user', {
    handle: error.handle,
    candidates: joined(candidates, 'comma'),
    ways: joined(
      platforms.map((p) => `${p}:@${error.handle}`),
      'or',
    ),
  });
}

/** An error's own message (the domain's words) as the start of a sentence. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

export const APOLOGY = msg('engine-apology');
export const DEACTIVATED_NOTICE = msg('engine-deactivated-notice');
export const STALE_BUTTON = msg('engine-stale-button');
export const STALE_FLOW = msg('engine-stale-flow');
/** A step of a flow that this chat may no longer take: it was unlinked from the flow's account. */
export const STEP_ENDED = msg('engine-step-ended');
