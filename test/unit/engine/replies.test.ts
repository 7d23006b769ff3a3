import { describe, expect, it } from 'vitest';
import {
  AccountFrozenError,
  AmbiguousUserError,
  ChatUnlinkedError,
  EmailTakenError,
  InviteStillValidError,
  InviteUnusableError,
  LastAdminError,
  LockedOutError,
  NameTakenError,
  NoChangeError,
  NotAdminError,
  ResetLinkUnusableError,
  SeatLimitError,
  SelfActionError,
  UnknownAgentError,
  UnknownGroupError,
  UnknownInviteError,
  UnknownUserError,
  ValidationError,
  WeakPasswordError,
} from '../../../src/domain/errors.js';
import { PASSWORD_MIN_LENGTH } from '../../../src/domain/passwords.js';
import { describeDomainError, STEP_ENDED } from '../../../src/engine/replies.js';
import { LOCKED_OUT } from '../../../src/engine/limits.js';
import { translate } from '../../../src/i18n/translate.js';

/** The refusal's words in English, as the integration tests read them. */
function inEnglish(error: unknown): string | undefined {
  const words = describeDomainError(error);
  return words === undefined ? undefined : translate('en', words);
}

describe('describeDomainError', () => {
  it('has no words for what is not a refusal the person caused', () => {
    expect(describeDomainError(new Error('connection reset'))).toBeUndefined();
    expect(describeDomainError(Object.assign(new Error('x'), { code: 'last_admin' }))).toBeUndefined();
    expect(describeDomainError('last_admin')).toBeUndefined();
    expect(describeDomainError(undefined)).toBeUndefined();
  });

  it('words each reason a password is refused, the minimum length from the policy', () => {
    expect(inEnglish(new WeakPasswordError('too_short'))).toBe(
      `That password is too short: use at least ${PASSWORD_MIN_LENGTH} characters.`,
    );
    const reasons = ['too_short', 'too_long', 'no_letter', 'no_digit', 'common'] as const;
    const words = reasons.map((r) => inEnglish(new WeakPasswordError(r)));
    expect(new Set(words).size).toBe(reasons.length);
    expect(inEnglish(new WeakPasswordError('no_digit'))).toMatch(/digit/);
  });

  it('says why an invite or a reset link cannot be used, one sentence per reason', () => {
    expect(inEnglish(new InviteUnusableError('expired'))).toMatch(/invite has expired/);
    expect(inEnglish(new InviteUnusableError('revoked'))).toMatch(/was revoked/);
    expect(inEnglish(new InviteUnusableError('used_up'))).toMatch(/already been used/);
    expect(inEnglish(new InviteUnusableError('unknown'))).toMatch(/not valid/);
    expect(inEnglish(new ResetLinkUnusableError('expired'))).toMatch(/reset link has expired/);
    expect(inEnglish(new ResetLinkUnusableError('used'))).toMatch(/reset link has already been used/);
    expect(inEnglish(new ResetLinkUnusableError('voided'))).toMatch(/newer one replaced it/);
    expect(inEnglish(new ResetLinkUnusableError('unknown'))).toMatch(/reset link is not valid/);
  });

  it('names what it could not find, and where to look', () => {
    expect(inEnglish(new ValidationError('email', { kind: 'notEmail' }))).toBe(
      'That email is not an email address.',
    );
    expect(inEnglish(new UnknownUserError('bob'))).toBe("I can't find anyone matching “bob”.");
    expect(inEnglish(new UnknownGroupError('Ops'))).toBe('There is no group called “Ops”. See /groups.');
    expect(inEnglish(new UnknownAgentError('Helper'))).toBe(
      'There is no agent called “Helper” that you can use. See /agents.',
    );
    expect(inEnglish(new UnknownInviteError('abc'))).toBe(
      "I can't find an invite matching “abc”. See /invites.",
    );
  });

  it('says "An" before a vowel and "A" before a consonant for a taken name', () => {
    expect(inEnglish(new NameTakenError('agent', 'Helper'))).toBe('An agent called “Helper” exists already.');
    expect(inEnglish(new NameTakenError('group', 'Ops'))).toBe('A group called “Ops” exists already.');
  });

  it('gives the seat limit, the frozen change and the invite expiry', () => {
    expect(inEnglish(new SeatLimitError(5, 5))).toMatch(/^All 5 seats are taken\./);
    expect(inEnglish(new AccountFrozenError('Bob', 'groups'))).toBe(
      'Bob is deactivated, so their groups stay as they are until you /reactivate them.',
    );
    expect(inEnglish(new AccountFrozenError('Bob', 'reset'))).toMatch(/they get no reset link/);
    expect(inEnglish(new InviteStillValidError(new Date('2030-01-02T03:04:05Z')))).toBe(
      'That invite is still valid until Jan 2, 2030, 3:04 AM UTC; /revoke it first if the link leaked.',
    );
  });

  it('lists who an ambiguous @username could be, and how to say which', () => {
    const error = new AmbiguousUserError('sam', [
      { name: 'Sam A', platform: 'telegram' },
      { name: 'Sam B', platform: 'slack' },
      { name: 'Sam C', platform: 'slack' },
    ]);
    expect(inEnglish(error)).toBe(
      '“@sam” is more than one person: Sam A on Telegram, Sam B on Slack, Sam C on Slack. ' +
        'Say which with telegram:@sam or slack:@sam, or use their email.',
    );
  });

  it('points an admin who tries to erase themselves to /deleteme, and one who changes their role to another admin', () => {
    expect(inEnglish(new SelfActionError('delete'))).toBe(
      "You can't delete yourself. Use /deleteme for your own account.",
    );
    expect(inEnglish(new SelfActionError('deactivate'))).toBe("You can't deactivate yourself.");
    expect(inEnglish(new SelfActionError('role'))).toBe("You can't change your own role. Ask another admin.");
  });

  it('words the refusals that carry no data from their code', () => {
    expect(inEnglish(new NotAdminError())).toBe('Only admins can do that.');
    expect(inEnglish(new EmailTakenError('a@example.com'))).toBe('That email already belongs to an account.');
    expect(inEnglish(new LastAdminError())).toMatch(/at least one active admin/);
    expect(inEnglish(new ChatUnlinkedError())).toBe(translate('en', STEP_ENDED));
    expect(inEnglish(new LockedOutError())).toBe(translate('en', LOCKED_OUT));
  });

  it('says what was already the case', () => {
    expect(inEnglish(new NoChangeError({ kind: 'alreadyRole', name: 'Ada', role: 'admin' }))).toBe(
      'Ada is already an admin.',
    );
    expect(inEnglish(new NoChangeError({ kind: 'chatNotLinked' }))).toBe(
      'This chat is not linked to your account.',
    );
  });
});
