import { describe, expect, it } from 'vitest';
import { canonicalJson, keyedRowHash } from '../../../src/domain/audit-chain.js';
import type { AuditRow } from '../../../src/store/audit.js';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const PREV = Buffer.from('a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdefabcd', 'hex');
const ROW: AuditRow = {
  id: '42',
  at: new Date('2025-03-01T12:34:56.789Z'),
  action: 'user.role_updated',
  actorId: '00000000-0000-4000-8000-000000000001',
  actorName: 'Ada Lovelace',
  actorEmail: 'ada@example.com',
  targetId: '00000000-0000-4000-8000-000000000002',
  targetName: 'Bob "the builder" Ñúñez',
  targetEmail: null,
  details: { before: 'member', after: 'admin', nested: { z: 1, a: [true, null, 'x'] } },
  sealed: false,
};

describe('keyedRowHash', () => {
  // Computed independently (Python's hmac and json) from the format the README describes.
  it('gives the pinned hash for a known row and key, so written rows keep verifying', () => {
    expect(keyedRowHash(KEY, PREV, ROW).toString('hex')).toBe(
      'a9a3bbda3d72841120ded37cd52a78389c683fb0f11f3337e9c5a124e74260f7',
    );
  });

  it('does not depend on the order of keys in details', () => {
    const reordered = {
      ...ROW,
      details: { nested: { a: [true, null, 'x'], z: 1 }, after: 'admin', before: 'member' },
    };
    expect(keyedRowHash(KEY, PREV, reordered)).toEqual(keyedRowHash(KEY, PREV, ROW));
  });

  it.each([
    ['the key', () => keyedRowHash(Buffer.alloc(32), PREV, ROW)],
    ['the previous hash', () => keyedRowHash(KEY, Buffer.alloc(32), ROW)],
    ['a name', () => keyedRowHash(KEY, PREV, { ...ROW, actorName: 'Ada  Lovelace' })],
    ['an empty email for a missing one', () => keyedRowHash(KEY, PREV, { ...ROW, targetEmail: '' })],
    [
      'the time by a millisecond',
      () => keyedRowHash(KEY, PREV, { ...ROW, at: new Date(ROW.at.getTime() + 1) }),
    ],
    ['whether names are sealed', () => keyedRowHash(KEY, PREV, { ...ROW, sealed: true })],
    ['a detail', () => keyedRowHash(KEY, PREV, { ...ROW, details: { ...ROW.details, after: 'member' } })],
  ])('changes with %s', (_, hash) => {
    expect(hash()).not.toEqual(keyedRowHash(KEY, PREV, ROW));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops what JSON drops', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[2,{"f":1}]},"b":1}',
    );
  });
});
