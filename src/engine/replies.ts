import {
  AccountFrozenError,
  AmbiguousUserError,
  DomainError,
  InviteStillValidError,
  InviteUnusableError,
  NameTakenError,
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
import { translate } from '../i18n/translate.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/limits.js';
import { LOCKED_OUT } from './limits.js';
import { minute, platformName } from './commands/format.js';

const WEAK_PASSWORD: Record<WeakPasswordError['reason'], string> = {
  too_short: `That password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`,
  too_long: `That password is too long: use at most ${PASSWORD_MAX_LENGTH} characters.`,
  no_letter: 'That password needs at least one letter.',
  no_digit: 'That password needs at least one digit.',
  common: 'That password is on a list of common or breached passwords. Choose another.',
};

const FROZEN: Record<AccountFrozenError['change'], string> = {
  role: 'their role stays as it is',
  groups: 'their groups stay as they are',
  reset: 'they get no reset link',
};

/** When Redis (conversation state) is away: said at once, instead of silence until it is back. */
export const SESSION_STORE_AWAY = "I can't reach my session store right now; try again in a minute.";

/** The words a person sees for a refusal they caused; undefined for anything that is not one. */
export function describeDomainError(error: unknown): string | undefined {
  if (!(error instanceof DomainError)) return undefined;
  if (error instanceof WeakPasswordError) return WEAK_PASSWORD[error.reason];
  // A bridge until these replies are Text (the engine's part of issue #21): worded in English here.
  if (error instanceof InviteUnusableError) return translate('en', INVITE_UNUSABLE[error.reason]);
  if (error instanceof ResetLinkUnusableError) return translate('en', RESET_LINK_UNUSABLE[error.reason]);
  if (error instanceof ValidationError) return `That ${error.field} ${error.reason}.`;
  if (error instanceof UnknownUserError) return `I can't find anyone matching “${error.query}”.`;
  if (error instanceof UnknownGroupError)
    return `There is no group called “${error.groupName}”. See /groups.`;
  if (error instanceof UnknownAgentError)
    return `There is no agent called “${error.agentName}” that you can use. See /agents.`;
  if (error instanceof UnknownInviteError)
    return `I can't find an invite matching “${error.reference}”. See /invites.`;
  if (error instanceof NameTakenError)
    return `${/^[aeiou]/.test(error.kind) ? 'An' : 'A'} ${error.kind} called “${error.takenName}” exists already.`;
  if (error instanceof SeatLimitError)
    return `All ${error.limit} seats are taken. Deactivate someone or revoke an open invite first.`;
  if (error instanceof AccountFrozenError)
    return `${error.userName} is deactivated, so ${FROZEN[error.change]} until you /reactivate them.`;
  if (error instanceof InviteStillValidError)
    return `That invite is still valid until ${translate('en', minute(error.expiresAt))}; /revoke it first if the link leaked.`;
  if (error instanceof AmbiguousUserError) {
    const platforms = [...new Set(error.candidates.map((c) => c.platform))];
    return (
      `“@${error.handle}” is more than one person: ` +
      error.candidates.map((c) => `${c.name} on ${translate('en', platformName(c.platform))}`).join(', ') +
      `. Say which with ${platforms.map((p) => `${p}:@${error.handle}`).join(' or ')}, or use their email.`
    );
  }
  if (error instanceof SelfActionError)
    return error.action === 'role'
      ? "You can't change your own role. Ask another admin."
      : `You can't ${error.action} yourself.${error.action === 'delete' ? ' Use /deleteme for your own account.' : ''}`;
  const plain: Record<string, string> = {
    not_admin: 'Only admins can do that.',
    email_taken: 'That email already belongs to an account.',
    invite_pending: 'That email already has an open invite. Use /invites to resend or revoke it.',
    last_admin: 'There must always be at least one active admin, so I left things as they were.',
    user_deactivated: 'That account is deactivated.',
    wrong_credentials: 'That email and password do not match an active account.',
    identity_linked: 'This chat is already linked to another account. Use /logout there first.',
    chat_unlinked: STEP_ENDED,
    locked_out: LOCKED_OUT,
    staged_password_gone: 'That took a while, so I did not keep your new password. Please choose it again.',
    model_unavailable:
      'Agents cannot answer yet: no language model is configured here. Ask an admin to set OPENAI_API_KEY.',
    last_chat:
      'This is the only chat linked to your account and it has no email, so you could not log in again.',
  };
  return plain[error.code] ?? error.message.charAt(0).toUpperCase() + error.message.slice(1) + '.';
}

export const APOLOGY = 'Sorry, something went wrong on my side. Please try again in a moment.';
export const DEACTIVATED_NOTICE =
  'Your account is deactivated. You can still /export your data or /deleteme; for anything else, talk to an admin.';
export const STALE_BUTTON = 'This button has expired. Send the command again to get a fresh one.';
export const STALE_FLOW = 'That step changed since you started it. Please start that step again.';
/** A step of a flow that this chat may no longer take: it was unlinked from the flow's account. */
export const STEP_ENDED = 'That step has ended.';
