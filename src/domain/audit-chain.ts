import { createHmac } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { AuditContent, AuditRow, ChainedAuditRow, ChainLink, StoredChainRow } from '../store/audit.js';

/** Names the format of the keyed hash; a new format needs a new name (and a new `hash_scheme`). */
const KEYED_FORMAT = 'gatehouse.audit.hmac-sha256.v1';

/** JSON with object keys sorted at every depth, so the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (typeof v !== 'object' || v === null) return v;
    const entries = Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, inner]) => [k, sorted(inner)]));
  };
  return JSON.stringify(sorted(JSON.parse(JSON.stringify(value)) as unknown));
}

/**
 * A row's keyed hash: HMAC-SHA256 under `key` over the previous row's hash and the row's content.
 * Every keyed row ever written depends on this exact serialisation; a fixture test pins it.
 */
export function keyedRowHash(key: Buffer, prevHash: Buffer, row: AuditRow): Buffer {
  const content = [
    KEYED_FORMAT,
    row.id,
    row.at.toISOString(),
    row.action,
    row.actorId,
    row.actorName,
    row.actorEmail,
    row.targetId,
    row.targetName,
    row.targetEmail,
    row.sealed,
  ];
  return createHmac('sha256', key)
    .update(prevHash)
    .update(`${JSON.stringify(content)}\n${canonicalJson(row.details)}`)
    .digest();
}

/** What an append returns: the row's id, time and hash (hex). */
export interface AuditAppend {
  id: string;
  at: Date;
  hash: string;
}

/**
 * Appends `content` to the chain. Usually one round trip: the row is proposed after the last link
 * this process saw and the database refuses it if that is stale; then the tail is read under the
 * chain lock and the row appended after it.
 */
export async function appendToChain(store: Store, content: AuditContent): Promise<AuditAppend> {
  const trail = store.auditTrail;
  const append = async (s: Store, tail: ChainLink): Promise<ChainedAuditRow | undefined> => {
    const row = { ...content, id: String(BigInt(tail.id) + 1n), at: new Date() };
    const chained = { ...row, prevHash: tail.hash, hash: keyedRowHash(trail.key, tail.hash, row) };
    if (!(await s.audit.appendAuditRow(chained))) return undefined;
    trail.lastLink = { id: chained.id, hash: chained.hash };
    return chained;
  };
  const guessed = trail.lastLink && (await append(store, trail.lastLink));
  const row =
    guessed ||
    (await store.tx(async (tx) => {
      const appended = await append(tx, await tx.audit.lockAuditTail());
      if (!appended) throw new Error('the audit chain moved while this transaction held its lock');
      return appended;
    }));
  return { id: row.id, at: row.at, hash: row.hash.toString('hex') };
}

/** A row that does not verify, and why. */
export interface BrokenAuditRow {
  id: string;
  /**
   * `content`: the row does not match its hash (changed after it was written, or another key);
   * `link`: it does not follow the row before it (a row was removed, inserted or rewritten);
   * `unkeyed`: it carries the old unkeyed hash although keyed hashing had begun.
   */
  reason: 'content' | 'link' | 'unkeyed';
}

export interface AuditVerification {
  /** Rows checked. */
  rows: number;
  broken: BrokenAuditRow[];
  /** The first row hashed with a key; rows before it carry the unkeyed SHA-256 of older versions. */
  keyedFrom: string | null;
  /** The newest row checked, to note down: a later check can then tell if rows after it vanished. */
  last: { id: string; hash: string } | null;
}

const VERIFY_PAGE = 1000;

const sameBytes = (a: Buffer | null, b: Buffer): boolean => a !== null && a.equals(b);

function brokenReason(
  row: StoredChainRow,
  expectedPrev: Buffer,
  key: Buffer,
  keyedFrom: string | null,
): BrokenAuditRow['reason'] | undefined {
  if (!sameBytes(row.prevHash, expectedPrev)) return 'link';
  if (row.hashScheme === 'sha256') {
    if (keyedFrom !== null && BigInt(row.id) > BigInt(keyedFrom)) return 'unkeyed';
    return sameBytes(row.unkeyedHash, row.hash) ? undefined : 'content';
  }
  const stored = { ...row, details: JSON.parse(row.detailsJson) as Record<string, unknown> };
  return sameBytes(keyedRowHash(key, row.prevHash, stored), row.hash) ? undefined : 'content';
}

/**
 * Checks the trail, or the rows with ids from `from` to `to`, against its hashes: every row must
 * follow the one before it and match its own hash (keyed rows with `key`, default the store's).
 * Lists every broken row, not only the first; a page of rows at a time, so length does not matter.
 */
export async function verifyAuditChain(
  store: Store,
  options: { key?: Buffer; from?: string; to?: string } = {},
): Promise<AuditVerification> {
  const key = options.key ?? store.auditTrail.key;
  const keyedFrom = await store.audit.firstKeyedAuditId();
  let expectedPrev =
    options.from === undefined ? Buffer.alloc(0) : await store.audit.hashBefore(options.from);
  const result: AuditVerification = { rows: 0, broken: [], keyedFrom, last: null };
  for (let afterId = options.from === undefined ? '0' : String(BigInt(options.from) - 1n); ;) {
    const page = await store.audit.listChainRows({ afterId, toId: options.to ?? null, limit: VERIFY_PAGE });
    for (const row of page) {
      const reason = brokenReason(row, expectedPrev, key, keyedFrom);
      if (reason) result.broken.push({ id: row.id, reason });
      expectedPrev = row.hash;
    }
    result.rows += page.length;
    const newest = page.at(-1);
    if (newest) result.last = { id: newest.id, hash: newest.hash.toString('hex') };
    if (!newest || page.length < VERIFY_PAGE) return result;
    afterId = newest.id;
  }
}
