import { describe, expect, it } from 'vitest';
import { ValidationError, type ValidationField, type ValidationProblem } from '../../../src/domain/errors.js';
import { CONTEXT_FIELDS } from '../../../src/domain/enums.js';
import { describeDomainError } from '../../../src/engine/replies.js';
import { SUPPORTED_LOCALES, type Locale } from '../../../src/i18n/locales.js';
import { translate } from '../../../src/i18n/translate.js';

function worded(locale: Locale, field: ValidationField, problem: ValidationProblem): string {
  const words = describeDomainError(new ValidationError(field, problem));
  if (words === undefined) throw new Error('a ValidationError has words');
  return translate(locale, words);
}

/** Every refusal the domain makes, with the English it read before refusals were worded per reader. */
const REFUSALS: [ValidationField, ValidationProblem, string][] = [
  ['name', { kind: 'empty' }, 'That name must not be empty.'],
  ['name', { kind: 'tooLong', max: 100 }, 'That name must be at most 100 characters.'],
  ['label', { kind: 'controlCharacters' }, 'That label must not contain control characters.'],
  ['email', { kind: 'notEmail' }, 'That email is not an email address.'],
  ['groupName', { kind: 'tooLong', max: 64 }, 'That group name must be at most 64 characters.'],
  [
    'agentName',
    { kind: 'badCharacters' },
    'That agent name may use letters, digits, spaces, _ . and - only.',
  ],
  ['instructions', { kind: 'tooLong', max: 8000 }, 'That instructions must be at most 8000 characters.'],
  ['description', { kind: 'tooLong', max: 500 }, 'That description must be at most 500 characters.'],
  ['page', { kind: 'notId' }, 'That page is not a valid id.'],
  ['page', { kind: 'stalePage' }, 'That page is out of date; start again from the first page.'],
  ['limit', { kind: 'notWholeNumber' }, 'That limit must be a whole number.'],
  ['limit', { kind: 'atLeast', min: 1 }, 'That limit must be at least 1.'],
  ['role', { kind: 'notOneOf', options: ['admin', 'member'] }, 'That role must be admin or member.'],
  [
    'contextField',
    { kind: 'notOneOf', options: CONTEXT_FIELDS },
    'That field must be one of role, work, team, language, style, focus, notes.',
  ],
  [{ contextField: 'work' }, { kind: 'tooLong', max: 500 }, 'That work must be at most 500 characters.'],
  [
    'personalContext',
    { kind: 'tooManyBytes', max: 4096 },
    'That personal context must stay within 4096 bytes in all.',
  ],
  ['newPassword', { kind: 'sameAsCurrent' }, 'That new password must differ from the current one.'],
  ['newOwner', { kind: 'notAnotherActivePerson' }, 'That new owner must be another active person.'],
  ['newOwner', { kind: 'neededForCreatedAgents' }, 'That new owner is needed for the agents they created.'],
  ['uses', { kind: 'oneUseForEmail' }, 'That uses must be 1 for an invite to an email.'],
  ['uses', { kind: 'atMost', max: 1000 }, 'That uses must be at most 1000.'],
  ['access', { kind: 'allOrSomeGroups' }, 'That access must be all or at least one group.'],
  ['emails', { kind: 'tooMany', max: 50 }, 'That list of emails can have at most 50 entries.'],
  ['invite', { kind: 'invalid' }, 'That invite is invalid.'],
];

describe('a validation refusal worded per reader', () => {
  it.each(REFUSALS)('%j %j reads in English as before', (field, problem, english) => {
    expect(worded('en', field, problem)).toBe(english);
    expect(`That ${new ValidationError(field, problem).message}.`).toBe(english);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))('has no English left in %s', (locale) => {
    for (const [field, problem, english] of REFUSALS) {
      const words = worded(locale, field, problem);
      expect(words).not.toBe(english);
      expect(words).not.toMatch(/\bThat\b|\bmust\b|\bcharacters\b|\bis not\b/);
    }
  });

  it('reads naturally in German and Spanish', () => {
    expect(worded('de', 'groupName', { kind: 'tooLong', max: 64 })).toBe(
      'Der Gruppenname darf höchstens 64 Zeichen lang sein.',
    );
    expect(worded('es', 'email', { kind: 'notEmail' })).toBe(
      'La dirección de correo no es una dirección de correo válida.',
    );
    expect(worded('de', 'role', { kind: 'notOneOf', options: ['admin', 'member'] })).toBe(
      'Die Rolle muss admin oder member sein.',
    );
    expect(worded('es', 'contextField', { kind: 'notOneOf', options: ['role', 'work', 'team'] })).toBe(
      'El campo tiene que ser uno de estos: role, work, team.',
    );
    expect(worded('de', { contextField: 'role' }, { kind: 'empty' })).toBe(
      'Das Feld Rolle (role) darf nicht leer sein.',
    );
  });
});
