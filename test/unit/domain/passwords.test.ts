import { describe, expect, it } from 'vitest';
import { dictionary } from '@zxcvbn-ts/language-common';
import {
  COMMON_PASSWORD_COUNT,
  checkPasswordPolicy,
  generatePassword,
  hashPassword,
  isCommonPassword,
  verifyPassword,
} from '../../../src/domain/passwords.js';
import { WeakPasswordError } from '../../../src/domain/errors.js';
import { describeDomainError } from '../../../src/engine/replies.js';
import { translate } from '../../../src/i18n/translate.js';

function reason(password: string): string | undefined {
  try {
    checkPasswordPolicy(password);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WeakPasswordError);
    return (error as WeakPasswordError).reason;
  }
}

describe('password policy', () => {
  it.each([
    ['short1', 'too_short'],
    ['123456789012345', 'no_letter'],
    ['abcdefghijklmnop', 'no_digit'],
    ['qwerty123456', 'common'],
    ['1qaz2wsx3edc', 'common'],
    ['QWERTY123456', 'common'],
    ['1QAZ2wsx3EDC', 'common'],
    ['Password1234!', 'common'],
    ['!!dragon2024!!', 'common'],
    ['x'.repeat(300) + '1', 'too_long'],
  ])('refuses %j as %s', (password, expected) => {
    expect(reason(password)).toBe(expected);
  });

  it.each([
    ['violet-Hrb4', 'too_short'],
    ['violet-Harb4', undefined],
  ])('draws the length line between 11 and 12 characters: %j', (password, expected) => {
    expect(reason(password)).toBe(expected);
  });

  it.each([
    ['abcdefghij', 'too_short', 'That password is too short: use at least 12 characters.'],
    ['password', 'too_short', 'That password is too short: use at least 12 characters.'],
    ['!!!!!!!!!!!!!!', 'no_letter', 'That password needs at least one letter.'],
    ['passwordpassword', 'no_digit', 'That password needs at least one digit.'],
  ])('names one reason when %j breaks several rules: %s', (password, expected, words) => {
    expect(reason(password)).toBe(expected);
    const refusal = describeDomainError(new WeakPasswordError(expected as WeakPasswordError['reason']));
    expect(refusal && translate('en', refusal)).toBe(words);
  });

  it('accepts a long password with a letter and a digit that is not listed', () => {
    expect(reason('violet-Harbor-Lantern-42')).toBeUndefined();
    expect(reason('зелёный-кот-2024-ёж')).toBeUndefined();
  });

  it('ships a list of at least 10,000 common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
  });

  it('finds exactly the words of the zxcvbn-ts list, in any case, and no word between two of them', () => {
    const listed = dictionary['passwords-common'];
    const lower = new Set(listed.map((p) => p.toLowerCase()));
    expect(COMMON_PASSWORD_COUNT).toBe(lower.size);
    const listedAsTheListSays = (word: string) => {
      const core = word.toLowerCase().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      return lower.has(word.toLowerCase()) || (core.length >= 4 && lower.has(core));
    };
    for (const word of listed) {
      expect(isCommonPassword(word)).toBe(true);
      expect(isCommonPassword(word.toUpperCase())).toBe(true);
      for (const near of [
        word.slice(0, -1),
        `${word}a`,
        `${word}~`,
        `a${word}`,
        `${word.slice(0, -1)}\u{10FFFF}`,
      ])
        if (isCommonPassword(near) !== listedAsTheListSays(near))
          expect.fail(`${JSON.stringify(near)} is misjudged`);
    }
  });

  it('generates passwords that pass the policy', () => {
    for (let i = 0; i < 50; i++) expect(reason(generatePassword())).toBeUndefined();
  });
});

describe('argon2id hashing', () => {
  it('loads the native module and hashes with argon2id, m=19456, t=2, p=1', async () => {
    const hash = await hashPassword('violet-Harbor-Lantern-42');
    const [, algorithm, version, params, salt, digest] = hash.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    expect(Object.fromEntries(params!.split(',').map((p) => p.split('=')))).toEqual({
      m: '19456',
      t: '2',
      p: '1',
    });
    expect(Buffer.from(salt!, 'base64').length).toBeGreaterThanOrEqual(16);
    expect(Buffer.from(digest!, 'base64').length).toBe(32);
    expect(await verifyPassword(hash, 'violet-Harbor-Lantern-42')).toBe(true);
    expect(await verifyPassword(hash, 'violet-Harbor-Lantern-43')).toBe(false);
  });

  it('never hashes a password the policy refuses', async () => {
    await expect(hashPassword('password')).rejects.toBeInstanceOf(WeakPasswordError);
  });

  it('keeps the event loop turning while hashes run', async () => {
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    await Promise.all(Array.from({ length: 4 }, (_, i) => hashPassword(`violet-Harbor-Lantern-${i}0`)));
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });
});
