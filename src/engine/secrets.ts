import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SecretPurpose } from '../../flows/types.js';
import { msg, type Text } from '../i18n/message.js';
import type { LocalizedOutbound } from './outbound.js';
import { checkPasswordPolicy } from '../domain/passwords.js';
import { describeDomainError } from './replies.js';

const NEW_PASSWORD: ReadonlySet<SecretPurpose> = new Set(['claim', 'reset', 'new-password']);

/** A form's refusal when its two new-password fields differ. */
const PASSWORDS_DIFFER = msg('engine-passwords-differ');

/** The engine's refusal of a private form's fields, and the field it is about. */
export interface FormRefusal {
  field: 'password' | 'again';
  refusal: Text;
}

/**
 * What a private form tells the person before it closes, for the secret a prompt asks for: a new
 * password must meet the policy and its repetition (`again`) must match it. Undefined when the form
 * may submit (the flow still checks everything).
 */
export function screenFormSecret(
  purpose: SecretPurpose,
  password: string,
  again: string | undefined,
): FormRefusal | undefined {
  if (!NEW_PASSWORD.has(purpose)) return undefined;
  const refusal = policyRefusal(password);
  if (refusal) return { field: 'password', refusal };
  return again === password ? undefined : { field: 'again', refusal: PASSWORDS_DIFFER };
}

function policyRefusal(password: string): Text | undefined {
  try {
    checkPasswordPolicy(password);
    return undefined;
  } catch (error) {
    return describeDomainError(error);
  }
}

/** True for the purposes that set a new password (the policy applies, and a form asks for it twice). */
export function isNewPassword(purpose: SecretPurpose): boolean {
  return NEW_PASSWORD.has(purpose);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * A one-time nonce for the link of one secret prompt (128 bits, base64url), and its SHA-256, which
 * is all the session keeps: a copy of the session is no key to the form.
 */
export function newFormNonce(): { nonce: string; hash: string } {
  const nonce = randomBytes(16).toString('base64url');
  return { nonce, hash: sha256(nonce).toString('base64url') };
}

/** Compares a presented nonce with a stored hash in constant time. */
export function nonceMatches(hash: string, nonce: string): boolean {
  const expected = Buffer.from(hash, 'base64url');
  const actual = sha256(nonce);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * What a private form offers for the purpose the flow waits for: the values to feed, by purpose (a
 * form may answer the prompts that follow, like "current, new, again"), or a refusal to show in the form.
 */
export type SecretForm = (
  purpose: SecretPurpose,
) => { values: Partial<Record<SecretPurpose, string>> } | { refusal: Text };

/** The result of a form's submission. */
export type SecretOutcome =
  /** No flow of this person waits for that nonce (forged, replayed, superseded): nothing changed. */
  | { kind: 'stale' }
  /** The form refused before anything reached the flow (in the person's words); the nonce stays valid for a retry. */
  | { kind: 'refused'; refusal: string }
  /**
   * The flow took the secret(s); `replies` are for the chat. If the flow waits for a secret again
   * (a wrong current password, or the next step), `next` lets the same form go on.
   */
  | (Taken & { replies: LocalizedOutbound[] });

export interface Taken {
  kind: 'taken';
  next?: { purpose: SecretPurpose; nonce: string };
}

/** What a turn decides; the engine adds the replies. */
export type SubmitResult = { kind: 'stale' } | { kind: 'refused'; refusal: Text } | Taken;
