import { describe, expect, it } from 'vitest';
import { hashToken, newToken, parsePayload, toPayload } from '../../../src/domain/tokens.js';

describe('tokens', () => {
  it('are 43 base64url characters from 32 random bytes, never repeated', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('fit a Telegram start payload with their kind prefix and round-trip', () => {
    const token = newToken();
    for (const kind of ['invite', 'reset'] as const) {
      const payload = toPayload(kind, token);
      expect(payload.length).toBeLessThanOrEqual(64);
      expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parsePayload(` ${payload} `)).toEqual({ kind, token });
    }
  });

  it('rejects anything else', () => {
    for (const junk of [
      '',
      'i_',
      'i_short',
      `x_${newToken()}`,
      `i_${newToken()}x`,
      `i_${newToken().slice(1)}!`,
    ]) {
      expect(parsePayload(junk)).toBeUndefined();
    }
  });

  it('hash to 32 bytes of SHA-256', () => {
    expect(hashToken('abc').toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
