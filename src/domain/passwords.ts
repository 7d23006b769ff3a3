import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import argon2 from 'argon2';
import { WeakPasswordError } from './errors.js';

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits.js';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

/** OWASP's first argon2id recommendation: m = 19 MiB, t = 2, p = 1. */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * A fixed set of words held as one sorted string and where each word starts: about 0.6 MB for
 * 49,000 passwords, where a Set of them (and the list it was built from) keeps 3 MB in the heap.
 */
class SortedWords {
  private readonly text: string;
  /** Word i is `text.slice(starts[i], starts[i + 1])`. */
  private readonly starts: Uint32Array;

  constructor(words: Iterable<string>) {
    const sorted = [...new Set(words)].sort();
    this.text = sorted.join('');
    this.starts = new Uint32Array(sorted.length + 1);
    for (let i = 0; i < sorted.length; i++) this.starts[i + 1] = this.starts[i]! + sorted[i]!.length;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  has(word: string): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = this.compareWith(middle, word);
      if (order === 0) return true;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  /** Word i against `word` in the order `Array.prototype.sort` gave them (UTF-16 code units). */
  private compareWith(i: number, word: string): number {
    const start = this.starts[i]!;
    const length = this.starts[i + 1]! - start;
    for (let k = 0; k < Math.min(length, word.length); k++) {
      const difference = this.text.charCodeAt(start + k) - word.charCodeAt(k);
      if (difference !== 0) return difference;
    }
    return length - word.length;
  }
}

/**
 * zxcvbn-ts's list of ~49,000 common and breached passwords, lower-cased. Read from the package's
 * plain JSON copy rather than imported from its index, which would also unpack the diceware list
 * and keep both lists alive in its module for the life of the process.
 */
const COMMON_PASSWORDS = new SortedWords(
  (
    JSON.parse(
      readFileSync(
        createRequire(import.meta.url).resolve('@zxcvbn-ts/language-common/src/passwords.json'),
        'utf8',
      ),
    ) as string[]
  ).map((p) => p.toLowerCase()),
);

export const COMMON_PASSWORD_COUNT = COMMON_PASSWORDS.size;

/** True when the password, or its core once the digits and symbols around it are gone, is a listed one. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return core.length >= 4 && COMMON_PASSWORDS.has(core);
}

/** Throws WeakPasswordError with the first reason the policy refuses `password`. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH) throw new WeakPasswordError('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) throw new WeakPasswordError('too_long');
  if (!/\p{L}/u.test(password)) throw new WeakPasswordError('no_letter');
  if (!/\p{Nd}/u.test(password)) throw new WeakPasswordError('no_digit');
  if (isCommonPassword(password)) throw new WeakPasswordError('common');
}

/** Checks the policy, then hashes with argon2id on libuv's thread pool (the event loop stays free). */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordPolicy(password);
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random password that passes the policy (20 characters, ~115 bits). */
export function generatePassword(length = 20): string {
  for (;;) {
    const candidate = Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    if (/\d/.test(candidate) && /[A-Za-z]/.test(candidate)) return candidate;
  }
}
