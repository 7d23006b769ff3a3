import { randomInt } from 'node:crypto';
import argon2 from 'argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
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

/** zxcvbn-ts's list of ~49,000 common and breached passwords, lower-cased, for O(1) lookups. */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set(
  dictionary['passwords-common'].map((p) => p.toLowerCase()),
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
