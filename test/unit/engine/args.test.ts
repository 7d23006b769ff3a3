import { describe, expect, it } from 'vitest';
import {
  exactValues,
  refuseArguments,
  parseInviteArgs,
  splitFirst,
  takeOptions,
  tokenize,
  UsageError,
} from '../../../src/engine/args.js';
import { translate } from '../../../src/i18n/translate.js';

/** The problem a UsageError names, in English; undefined when `run` throws none. */
function problemOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof UsageError && error.problem !== undefined) return translate('en', error.problem);
    throw error;
  }
  return undefined;
}

describe('tokenize', () => {
  it('splits on runs of spaces', () => {
    expect(tokenize('  a   b\tc ')).toEqual(['a', 'b', 'c']);
  });

  it('keeps straight- and curly-quoted text together, without the quotes', () => {
    expect(tokenize('"two words" “three more words” last')).toEqual([
      'two words',
      'three more words',
      'last',
    ]);
  });

  it('keeps a quoted value with its key', () => {
    expect(tokenize('label:"Spring hires" group:Ops')).toEqual(['label:Spring hires', 'group:Ops']);
  });

  it('returns no tokens for empty or blank arguments', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   ')).toEqual([]);
  });
});

describe('parseInviteArgs', () => {
  it('gives a member invite with no emails, groups or limits when nothing is given', () => {
    expect(parseInviteArgs('')).toEqual({ emails: [], role: 'member', groupNames: [], roleGiven: false });
  });

  it('reads emails, role, groups, uses, expiry and label in any order', () => {
    expect(
      parseInviteArgs(
        'group:Ops ada@example.com ADMIN uses:3 bob@example.com expires:7d label:"New hires" group:Dev',
      ),
    ).toEqual({
      emails: ['ada@example.com', 'bob@example.com'],
      role: 'admin',
      groupNames: ['Ops', 'Dev'],
      maxUses: 3,
      expiresInDays: 7,
      label: 'New hires',
      roleGiven: true,
    });
  });

  it('says whether the role was typed, also when it is the default one', () => {
    expect(parseInviteArgs('member')).toMatchObject({ role: 'member', roleGiven: true });
  });

  it('accepts the expiry as days, "day" or "days", or a bare number', () => {
    for (const expires of ['30', '30d', '30day', '30days', '30Days'])
      expect(parseInviteArgs(`expires:${expires}`).expiresInDays).toBe(30);
  });

  it('keeps colons inside a value', () => {
    expect(parseInviteArgs('label:"at 10:30"').label).toBe('at 10:30');
  });

  it('refuses a word it does not understand, naming it', () => {
    expect(problemOf(() => parseInviteArgs('ada@example.com superuser'))).toBe(
      "I don't understand “superuser”",
    );
  });

  it('refuses an @username where an email is expected', () => {
    expect(() => parseInviteArgs('@ada')).toThrow(UsageError);
  });

  const USES = 'Uses is a number from 1 to 1000, like uses:5';
  const EXPIRY = 'Expiry is a number of days from 1 to 90, like expires:14d';
  const LABEL = 'A label is 1 to 100 characters, like label:"Spring hires"';
  it.each([
    ['uses:0', USES],
    ['uses:1001', USES],
    ['uses:2.5', USES],
    ['uses:many', USES],
    ['expires:0d', EXPIRY],
    ['expires:91d', EXPIRY],
    ['expires:2w', EXPIRY],
    ['label:""', LABEL],
    [`label:${'x'.repeat(101)}`, LABEL],
  ])('refuses %s in the words the option is typed with, with an example', (args, words) => {
    expect(problemOf(() => parseInviteArgs(args))).toBe(words);
  });

  it('takes the limits at their bounds', () => {
    expect(parseInviteArgs('uses:1 expires:1d')).toMatchObject({ maxUses: 1, expiresInDays: 1 });
    expect(parseInviteArgs('uses:1000 expires:90d')).toMatchObject({ maxUses: 1000, expiresInDays: 90 });
  });

  it('refuses more than 50 emails', () => {
    const emails = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`).join(' ');
    expect(parseInviteArgs(emails(50)).emails).toHaveLength(50);
    expect(problemOf(() => parseInviteArgs(emails(51)))).toBe('One invite reaches at most 50 emails');
  });
});

describe('exactValues', () => {
  const HINT = 'Group names with spaces go in quotes, like /group create "Sales Team"';

  it('takes as many values as the command has, a quoted name as one', () => {
    expect(exactValues(tokenize('"Sales Team"'), 1, HINT)).toEqual(['Sales Team']);
    expect(exactValues(tokenize('“Sales Team” @ada'), 2, HINT)).toEqual(['Sales Team', '@ada']);
  });

  it('refuses more words than values with how to quote them, rather than dropping the rest', () => {
    expect(() => exactValues(tokenize('Sales Team'), 1, HINT)).toThrow(new UsageError(HINT));
    expect(() => exactValues(tokenize('Sales Team @ada'), 2, HINT)).toThrow(new UsageError(HINT));
  });

  it('refuses missing or empty values with the usage alone', () => {
    expect(() => exactValues([], 1, HINT)).toThrow(new UsageError());
    expect(() => exactValues(tokenize('""'), 1, HINT)).toThrow(new UsageError());
    expect(() => exactValues(tokenize('Sales'), 2, HINT)).toThrow(new UsageError());
  });
});

describe('refuseArguments', () => {
  it('lets a command without arguments through, and refuses words after it', () => {
    expect(() => refuseArguments('', 'export')).not.toThrow();
    expect(problemOf(() => refuseArguments('now', 'export'))).toBe('/export takes nothing after it');
  });
});

describe('splitFirst', () => {
  it('returns the first token and the rest joined by single spaces', () => {
    expect(splitFirst('"Ops team"  rename   it')).toEqual(['Ops team', 'rename it']);
  });

  it('returns empty strings when there is nothing', () => {
    expect(splitFirst('')).toEqual(['', '']);
    expect(splitFirst('only')).toEqual(['only', '']);
  });
});

describe('takeOptions', () => {
  it('takes the named key:value options, whatever the key case, and leaves the other tokens in order', () => {
    expect(takeOptions(['ada', 'LIMIT:20', 'x:1', 'group:Ops', 'bob'], ['limit', 'group'])).toEqual({
      options: { limit: '20', group: 'Ops' },
      rest: ['ada', 'x:1', 'bob'],
    });
  });

  it('keeps the last of a repeated option', () => {
    expect(takeOptions(['limit:5', 'limit:9'], ['limit']).options).toEqual({ limit: '9' });
  });
});
