import { createHash, randomBytes } from 'node:crypto';

/** The kind prefixes of deep-link payloads; with a 43-character token they fit Telegram's 64. */
export const TOKEN_KINDS = { invite: 'i_', reset: 'r_' } as const;
export type TokenKind = keyof typeof TOKEN_KINDS;

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A fresh token: 32 bytes from the CSPRNG, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The only form the record keeps. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

export function toPayload(kind: TokenKind, token: string): string {
  return TOKEN_KINDS[kind] + token;
}

/** Splits a deep-link payload or a pasted code into its kind and token; undefined if it is neither. */
export function parsePayload(text: string): { kind: TokenKind; token: string } | undefined {
  const trimmed = text.trim();
  for (const [kind, prefix] of Object.entries(TOKEN_KINDS) as [TokenKind, string][]) {
    const token = trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : undefined;
    if (token !== undefined && TOKEN_PATTERN.test(token)) return { kind, token };
  }
  return undefined;
}
