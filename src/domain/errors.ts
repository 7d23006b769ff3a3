import type { ContextField, OrganisationField, Platform, Role } from './enums.js';

/** A refusal a person can cause. The engine maps `code` to the words they see. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** The input a ValidationError refuses, named by code: the engine words it for the reader. */
export type ValidationField =
  | 'name'
  | 'email'
  | 'groupName'
  | 'agentName'
  | 'label'
  | 'description'
  | 'instructions'
  | 'page'
  | 'limit'
  | 'role'
  | 'access'
  | 'uses'
  | 'days'
  | 'emails'
  | 'groups'
  | 'invite'
  | 'newPassword'
  | 'newOwner'
  /** Which context field to set (`/context salary: …` names none). */
  | 'contextField'
  | 'personalContext'
  | 'organisationContext'
  /** One field of a personal or organisation context. */
  | { contextField: ContextField | OrganisationField };

/** Why a ValidationError refuses its field, by kind with the numbers the words need. */
export type ValidationProblem =
  | { kind: 'empty' }
  | { kind: 'tooLong'; max: number }
  | { kind: 'tooMany'; max: number }
  | { kind: 'notEmail' }
  | { kind: 'notId' }
  | { kind: 'badCharacters' }
  | { kind: 'controlCharacters' }
  | { kind: 'notWholeNumber' }
  | { kind: 'atLeast'; min: number }
  | { kind: 'atMost'; max: number }
  /** The options are keywords a person types (admin, member, role…), shown as they are. */
  | { kind: 'notOneOf'; options: readonly string[] }
  | { kind: 'tooManyBytes'; max: number }
  | { kind: 'stalePage' }
  | { kind: 'sameAsCurrent' }
  | { kind: 'notAnotherActivePerson' }
  | { kind: 'neededForCreatedAgents' }
  | { kind: 'oneUseForEmail' }
  | { kind: 'allOrSomeGroups' }
  | { kind: 'invalid' };

/** Input that is malformed: `field` names what and `problem` why, as codes the engine words. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly code = 'invalid_input';
  constructor(
    readonly field: ValidationField,
    readonly problem: ValidationProblem,
  ) {
    super(`${fieldInEnglish(field)} ${problemInEnglish(problem)}`);
  }
}

/** The message for logs and the operator's command line (a chat words the codes per reader). */
function fieldInEnglish(field: ValidationField): string {
  if (typeof field !== 'string') return field.contextField;
  const spaced: Partial<Record<ValidationField & string, string>> = {
    groupName: 'group name',
    agentName: 'agent name',
    days: 'number of days',
    emails: 'list of emails',
    groups: 'list of groups',
    newPassword: 'new password',
    newOwner: 'new owner',
    contextField: 'field',
    personalContext: 'personal context',
    organisationContext: 'organisation context',
  };
  return spaced[field] ?? field;
}

function problemInEnglish(problem: ValidationProblem): string {
  switch (problem.kind) {
    case 'empty':
      return 'must not be empty';
    case 'tooLong':
      return `must be at most ${problem.max} characters`;
    case 'tooMany':
      return `can have at most ${problem.max} entries`;
    case 'notEmail':
      return 'is not an email address';
    case 'notId':
      return 'is not a valid id';
    case 'badCharacters':
      return 'may use letters, digits, spaces, _ . and - only';
    case 'controlCharacters':
      return 'must not contain control characters';
    case 'notWholeNumber':
      return 'must be a whole number';
    case 'atLeast':
      return `must be at least ${problem.min}`;
    case 'atMost':
      return `must be at most ${problem.max}`;
    case 'notOneOf':
      return problem.options.length === 2
        ? `must be ${problem.options.join(' or ')}`
        : `must be one of ${problem.options.join(', ')}`;
    case 'tooManyBytes':
      return `must stay within ${problem.max} bytes in all`;
    case 'stalePage':
      return 'is out of date; start again from the first page';
    case 'sameAsCurrent':
      return 'must differ from the current one';
    case 'notAnotherActivePerson':
      return 'must be another active person';
    case 'neededForCreatedAgents':
      return 'is needed for the agents they created';
    case 'oneUseForEmail':
      return 'must be 1 for an invite to an email';
    case 'allOrSomeGroups':
      return 'must be all or at least one group';
    case 'invalid':
      return 'is invalid';
  }
}

export class NotAdminError extends DomainError {
  override readonly name = 'NotAdminError';
  readonly code = 'not_admin';
  constructor() {
    super('only an active admin may do this');
  }
}

export class UnknownUserError extends DomainError {
  override readonly name = 'UnknownUserError';
  readonly code = 'unknown_user';
  constructor(readonly query: string) {
    super(`no user matches ${query}`);
  }
}

/** The account was erased while something was being done to it; that thing was not done. */
export class AccountGoneError extends DomainError {
  override readonly name = 'AccountGoneError';
  readonly code = 'account_gone';
  constructor(readonly who: string) {
    super(`${who} was erased while its password was being reset; nothing changed`);
  }
}

export class UnknownGroupError extends DomainError {
  override readonly name = 'UnknownGroupError';
  readonly code = 'unknown_group';
  constructor(readonly groupName: string) {
    super(`no group is called ${groupName}`);
  }
}

export class UnknownAgentError extends DomainError {
  override readonly name = 'UnknownAgentError';
  readonly code = 'unknown_agent';
  constructor(readonly agentName: string) {
    super(`no agent is called ${agentName}`);
  }
}

export class UnknownInviteError extends DomainError {
  override readonly name = 'UnknownInviteError';
  readonly code = 'unknown_invite';
  constructor(readonly reference: string) {
    super(`no invite matches ${reference}`);
  }
}

export class NameTakenError extends DomainError {
  override readonly name = 'NameTakenError';
  readonly code = 'name_taken';
  constructor(
    readonly kind: 'group' | 'agent',
    readonly takenName: string,
  ) {
    super(`a ${kind} called ${takenName} exists already`);
  }
}

/** A token that cannot be used: unknown, expired, revoked or used up. */
export class InviteUnusableError extends DomainError {
  override readonly name = 'InviteUnusableError';
  readonly code = 'invite_unusable';
  constructor(readonly reason: 'unknown' | 'expired' | 'revoked' | 'used_up') {
    super(`the invite is ${reason.replace('_', ' ')}`);
  }
}

export class ResetLinkUnusableError extends DomainError {
  override readonly name = 'ResetLinkUnusableError';
  readonly code = 'reset_unusable';
  constructor(readonly reason: 'unknown' | 'expired' | 'used' | 'voided') {
    super(`the reset link is ${reason}`);
  }
}

export class EmailTakenError extends DomainError {
  override readonly name = 'EmailTakenError';
  readonly code = 'email_taken';
  constructor(readonly email: string) {
    super(`${email} already has an account`);
  }
}

export class InvitePendingError extends DomainError {
  override readonly name = 'InvitePendingError';
  readonly code = 'invite_pending';
  constructor(readonly email: string) {
    super(`${email} already has an open invite`);
  }
}

export class SeatLimitError extends DomainError {
  override readonly name = 'SeatLimitError';
  readonly code = 'seat_limit';
  constructor(
    readonly limit: number,
    readonly taken: number,
  ) {
    super(`the seat limit of ${limit} is reached (${taken} taken)`);
  }
}

export class LastAdminError extends DomainError {
  override readonly name = 'LastAdminError';
  readonly code = 'last_admin';
  constructor() {
    super('there must always be at least one active admin');
  }
}

/** An admin tried to change their own role, deactivate or erase themselves. */
export class SelfActionError extends DomainError {
  override readonly name = 'SelfActionError';
  readonly code = 'self_action';
  constructor(readonly action: 'role' | 'deactivate' | 'delete') {
    super(`you cannot ${action === 'role' ? 'change your own role' : `${action} yourself`}`);
  }
}

export class UserDeactivatedError extends DomainError {
  override readonly name = 'UserDeactivatedError';
  readonly code = 'user_deactivated';
  constructor() {
    super('the account is deactivated');
  }
}

/** A deactivated account is frozen: no role, group or password change until it is reactivated. */
export class AccountFrozenError extends DomainError {
  override readonly name = 'AccountFrozenError';
  readonly code = 'account_frozen';
  constructor(
    readonly userName: string,
    readonly change: 'role' | 'groups' | 'reset',
  ) {
    super(`${userName} is deactivated`);
  }
}

/** `/resend` of an invite whose link still works: revoking it is the way to kill a leaked link. */
export class InviteStillValidError extends DomainError {
  override readonly name = 'InviteStillValidError';
  readonly code = 'invite_still_valid';
  constructor(readonly expiresAt: Date) {
    super(`the invite is still valid until ${expiresAt.toISOString()}`);
  }
}

/** A chat @username that names more than one person, none of them on the caller's platform. */
export class AmbiguousUserError extends DomainError {
  override readonly name = 'AmbiguousUserError';
  readonly code = 'ambiguous_user';
  constructor(
    readonly handle: string,
    readonly candidates: { name: string; platform: Platform }[],
  ) {
    super(`@${handle} is more than one person`);
  }
}

/** What was already the case when a change was asked for, with the names its words need. */
export type NoChange =
  | { kind: 'alreadyRole'; name: string; role: Role }
  | { kind: 'alreadyDeactivated'; name: string }
  | { kind: 'alreadyActive'; name: string }
  | { kind: 'sameName'; name: string }
  | { kind: 'alreadyInGroup'; name: string; group: string }
  | { kind: 'notInGroup'; name: string; group: string }
  | { kind: 'sameGroups'; name: string }
  | { kind: 'chatAlreadyLinked' }
  | { kind: 'chatNotLinked' }
  /** Revoking an invite that no longer works. */
  | { kind: 'inviteAlreadyClosed' }
  /** Resending one: it cannot be renewed. */
  | { kind: 'inviteClosed' }
  | { kind: 'accountExists' };

/** The change asked for is already the case (activate an active user, add a member twice…). */
export class NoChangeError extends DomainError {
  override readonly name = 'NoChangeError';
  readonly code = 'no_change';
  constructor(readonly change: NoChange) {
    super(noChangeInEnglish(change));
  }
}

/** The message for logs and the operator's command line (a chat words the change per reader). */
function noChangeInEnglish(change: NoChange): string {
  switch (change.kind) {
    case 'alreadyRole':
      return `${change.name} is already ${change.role === 'admin' ? 'an admin' : 'a member'}`;
    case 'alreadyDeactivated':
      return `${change.name} is already deactivated`;
    case 'alreadyActive':
      return `${change.name} is already active`;
    case 'sameName':
      return `your name is already ${change.name}`;
    case 'alreadyInGroup':
      return `${change.name} is already in ${change.group}`;
    case 'notInGroup':
      return `${change.name} is not in ${change.group}`;
    case 'sameGroups':
      return `${change.name}'s groups are already those`;
    case 'chatAlreadyLinked':
      return 'this chat is already linked to your account';
    case 'chatNotLinked':
      return 'this chat is not linked to your account';
    case 'inviteAlreadyClosed':
      return 'that invite is already revoked or used up';
    case 'inviteClosed':
      return 'that invite is revoked or used up; create a new one';
    case 'accountExists':
      return 'an account exists already';
  }
}

export class WeakPasswordError extends DomainError {
  override readonly name = 'WeakPasswordError';
  readonly code = 'weak_password';
  constructor(readonly reason: 'too_short' | 'too_long' | 'no_letter' | 'no_digit' | 'common') {
    super(`password refused: ${reason}`);
  }
}

/** A confirmed new password waited longer than it is kept: the person chooses it again. */
export class StagedPasswordGoneError extends DomainError {
  override readonly name = 'StagedPasswordGoneError';
  readonly code = 'staged_password_gone';
  constructor() {
    super('the new password was not kept that long');
  }
}

/** Email and password do not match an active account; never says which of the two was wrong. */
export class WrongCredentialsError extends DomainError {
  override readonly name = 'WrongCredentialsError';
  readonly code = 'wrong_credentials';
  constructor() {
    super('email or password is wrong');
  }
}

/** This chat identity already belongs to another account. */
export class IdentityLinkedError extends DomainError {
  override readonly name = 'IdentityLinkedError';
  readonly code = 'identity_linked';
  constructor() {
    super('this chat is already linked to another account');
  }
}

/** The chat is no longer linked to the account a step acts for: it was unlinked meanwhile. */
export class ChatUnlinkedError extends DomainError {
  override readonly name = 'ChatUnlinkedError';
  readonly code = 'chat_unlinked';
  constructor() {
    super('this chat is no longer linked to that account');
  }
}

/** Logging out the only chat of an account without an email: nothing could log back in. */
export class LastChatError extends DomainError {
  override readonly name = 'LastChatError';
  readonly code = 'last_chat';
  constructor() {
    super('this is the only chat linked to your account and it has no email, so you could not log in again');
  }
}

/** The attempt limits refuse this chat for now (its own wrong guesses): it waits out the window. */
export class LockedOutError extends DomainError {
  override readonly name = 'LockedOutError';
  readonly code = 'locked_out';
  constructor() {
    super('too many wrong attempts');
  }
}

/** No language model is configured, so agents cannot answer (listing and access still work). */
export class ModelUnavailableError extends DomainError {
  override readonly name = 'ModelUnavailableError';
  readonly code = 'model_unavailable';
  constructor() {
    super('no language model is configured');
  }
}
