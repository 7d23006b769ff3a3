import { describe, expect, it } from 'vitest';
import { NoChangeError, type NoChange } from '../../../src/domain/errors.js';
import { describeDomainError } from '../../../src/engine/replies.js';
import type { Locale } from '../../../src/i18n/locales.js';
import { translate } from '../../../src/i18n/translate.js';

function worded(locale: Locale, change: NoChange): string {
  const words = describeDomainError(new NoChangeError(change));
  if (words === undefined) throw new Error('a NoChangeError has words');
  return translate(locale, words);
}

/** Every change that was already the case, with the English it read before it was worded per reader. */
const CHANGES: [NoChange, string][] = [
  [{ kind: 'alreadyRole', name: 'Ada', role: 'admin' }, 'Ada is already an admin.'],
  [{ kind: 'alreadyRole', name: 'Ada', role: 'member' }, 'Ada is already a member.'],
  [{ kind: 'alreadyDeactivated', name: 'Bob' }, 'Bob is already deactivated.'],
  [{ kind: 'alreadyActive', name: 'Bob' }, 'Bob is already active.'],
  [{ kind: 'sameName', name: 'Ada Lovelace' }, 'Your name is already Ada Lovelace.'],
  [{ kind: 'alreadyInGroup', name: 'Bob', group: 'Sales' }, 'Bob is already in Sales.'],
  [{ kind: 'notInGroup', name: 'Bob', group: 'Sales' }, 'Bob is not in Sales.'],
  [{ kind: 'sameGroups', name: 'Bob' }, "Bob's groups are already those."],
  [{ kind: 'chatAlreadyLinked' }, 'This chat is already linked to your account.'],
  [{ kind: 'chatNotLinked' }, 'This chat is not linked to your account.'],
  [{ kind: 'inviteAlreadyClosed' }, 'That invite is already revoked or used up.'],
  [{ kind: 'inviteClosed' }, 'That invite is revoked or used up; create a new one.'],
  [{ kind: 'accountExists' }, 'An account exists already.'],
];

describe('a change that was already the case, worded per reader', () => {
  it.each(CHANGES)('%j reads in English as before', (change, english) => {
    expect(worded('en', change)).toBe(english);
    const message = new NoChangeError(change).message;
    expect(`${message.charAt(0).toUpperCase()}${message.slice(1)}.`).toBe(english);
  });

  it.each(['de', 'es'] as const)('has no English left in %s', (locale) => {
    for (const [change, english] of CHANGES) {
      const words = worded(locale, change);
      expect(words).not.toBe(english);
      expect(words).not.toMatch(/\b(already|is|not|your|that|this)\b/i);
    }
  });

  it('says the role in the reader’s words', () => {
    expect(worded('de', { kind: 'alreadyRole', name: 'Ada', role: 'admin' })).toBe('Ada ist schon Admin.');
    expect(worded('es', { kind: 'alreadyRole', name: 'Ada', role: 'member' })).toBe('Ada ya es miembro.');
  });
});
