import type { Text } from '../src/i18n/message.js';

/** What a person can send into a flow: typed text, a tapped choice, or a secret from a private prompt. */
export type FlowEvent =
  { type: 'text'; text: string } | { type: 'choose'; value: string } | { type: 'secret'; value: string };

/** A button: `value` comes back as a `choose` event. */
export interface Choice {
  label: Text;
  value: string;
  /** Tapping it runs this command instead (`/delete <id>`), leaving the flow as any command does. */
  command?: string;
}

/** The identity a flow acts for: a chat account on one platform. */
export interface FlowIdentity {
  platform: 'telegram' | 'slack' | 'console';
  externalId: string;
  username: string | null;
}

/**
 * Why a secret is asked for: a new password (claim, reset, new-password) must pass the policy, which
 * a form can check before it closes; the others are checked against the record.
 */
export type SecretPurpose =
  'claim' | 'reset' | 'new-password' | 'confirm-password' | 'login' | 'current-password';

/** What leaves a flow: words, a private secret prompt, a failure for the engine to word, a file. */
export type FlowEmitted =
  | { type: 'reply'; text: Text; choices?: Choice[][]; private?: boolean }
  | { type: 'askSecret'; prompt: Text; purpose: SecretPurpose }
  | { type: 'failed'; error: unknown }
  | { type: 'file'; name: string; mimeType: string; content: string; caption: Text };

/** The placeholder of a named effect: the engine provides the real one with `machine.provide`. */
export function notProvided(name: string): never {
  throw new Error(`the effect ${name} was not provided`);
}

/** The `code` of a domain error carried out of an invoke, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}

/** The input field a domain error refused (a ValidationError's `field`), if it names one. */
export function errorField(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'field' in error && typeof error.field === 'string') {
    return error.field;
  }
  return undefined;
}

/** A loose shape check for typed emails; the domain validates them for real. */
export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text.trim());
}
