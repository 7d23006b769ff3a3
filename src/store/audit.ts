import type { Db } from './db.js';
import type { AuditAction, AuditErasure } from '../domain/enums.js';

/** A row's content as stored: with `sealed`, its names and emails are sealed values (`n.ciphertext`). */
export interface AuditContent {
  action: AuditAction;
  actorId: string | null;
  actorName: string;
  actorEmail: string | null;
  targetId: string | null;
  targetName: string | null;
  targetEmail: string | null;
  details: Record<string, unknown>;
  sealed: boolean;
}

export interface AuditRow extends AuditContent {
  id: string;
  at: Date;
}

/** One row of the chain: its id and hash. The empty trail's link is id 0 with an empty hash. */
export interface ChainLink {
  id: string;
  hash: Buffer;
}

/** A row as appended: the link it extends (`prevHash`) and its own hash. */
export interface ChainedAuditRow extends AuditRow {
  prevHash: Buffer;
  hash: Buffer;
}

/** A stored row as verification reads it: details as the database's JSON text, uncased. */
export interface StoredChainRow extends ChainedAuditRow {
  hashScheme: 'sha256' | 'hmac-sha256';
  detailsJson: string;
  /** For rows of the unkeyed scheme, the SHA-256 the database computes from the row. */
  unkeyedHash: Buffer | null;
}

/** What appending to the trail needs besides a connection. */
export interface AuditTrail {
  readonly key: Buffer;
  readonly erasure: AuditErasure;
  /** The newest link this process appended or read: a guess that saves a round trip, checked by the database. */
  lastLink: ChainLink | undefined;
}

const AUDIT_COLUMNS = [
  'id',
  'at',
  'action',
  'actorId',
  'actorName',
  'actorEmail',
  'targetId',
  'targetName',
  'targetEmail',
  'details',
  'sealed',
] as const;

/**
 * Appends `row` when it extends the chain's current tail; false when another append came first (the
 * table's trigger compares under the chain lock, which this transaction then holds).
 */
export async function appendAuditRow(db: Db, row: ChainedAuditRow): Promise<boolean> {
  const inserted = await db`
    insert into audit_log ${db(
      { ...row, hashScheme: 'hmac-sha256', details: db.json(row.details as Parameters<typeof db.json>[0]) },
      ...AUDIT_COLUMNS,
      'prevHash',
      'hash',
      'hashScheme',
    )}
    returning id`;
  return inserted.length === 1;
}

/** The chain's newest link, read under the chain lock, which is held until the transaction ends. */
export async function lockAuditTail(db: Db): Promise<ChainLink> {
  const [tail] = await db<
    { id: string | null; hash: Buffer | null }[]
  >`select id, hash from audit_chain_tail()`;
  return { id: tail?.id ?? '0', hash: tail?.hash ?? Buffer.alloc(0) };
}

export interface AuditFilter {
  /** Rows where this user is actor or target. */
  userId?: string;
  action?: AuditAction;
  /** Rows older than this id (keyset paging, newest first). */
  beforeId?: string;
  limit: number;
}

/** Newest first. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<AuditRow[]> {
  const conditions = [
    filter.userId ? db`(actor_id = ${filter.userId} or target_id = ${filter.userId})` : undefined,
    filter.action ? db`action = ${filter.action}` : undefined,
    filter.beforeId ? db`id < ${filter.beforeId}` : undefined,
  ].filter((c) => c !== undefined);
  const where = conditions.reduce((acc, c, i) => (i === 0 ? db`where ${c}` : db`${acc} and ${c}`), db``);
  return db<AuditRow[]>`
    select ${db(AUDIT_COLUMNS)} from audit_log ${where} order by id desc limit ${filter.limit}`;
}

/** Up to `limit` rows after `afterId` (or from the first), oldest first: the trail read in chain order. */
export async function listAuditAfter(db: Db, afterId: string | null, limit: number): Promise<AuditRow[]> {
  return db<AuditRow[]>`
    select ${db(AUDIT_COLUMNS)} from audit_log
    ${afterId === null ? db`` : db`where id > ${afterId}`}
    order by id limit ${limit}`;
}

/** Up to `limit` rows with ids in (`afterId`, `toId`], oldest first, with what verifying them needs. */
export async function listChainRows(
  db: Db,
  range: { afterId: string; toId: string | null; limit: number },
): Promise<StoredChainRow[]> {
  return db<StoredChainRow[]>`
    select ${db(AUDIT_COLUMNS.map((c) => `a.${c}`))}, a.details::text as details_json, a.prev_hash, a.hash,
      a.hash_scheme, case when a.hash_scheme = 'sha256' then audit_row_hash(a) end as unkeyed_hash
    from audit_log a
    where a.id > ${range.afterId} ${range.toId === null ? db`` : db`and a.id <= ${range.toId}`}
    order by a.id limit ${range.limit}`;
}

/** The hash of the newest row before `id`; empty when there is none. */
export async function hashBefore(db: Db, id: string): Promise<Buffer> {
  const [row] = await db<{ hash: Buffer }[]>`
    select hash from audit_log where id < ${id} order by id desc limit 1`;
  return row?.hash ?? Buffer.alloc(0);
}

/** The first row hashed with the key, or null when every row predates keyed hashing. */
export async function firstKeyedAuditId(db: Db): Promise<string | null> {
  const [row] = await db<{ id: string | null }[]>`
    select min(id) as id from audit_log where hash_scheme = 'hmac-sha256'`;
  return row?.id ?? null;
}

export async function countAudit(db: Db): Promise<number> {
  const [row] = await db<{ count: number }[]>`select count(*)::int as count from audit_log`;
  return row!.count;
}

/** A person's key for sealing names and emails, `n` numbering them; see the `audit_subject` function. */
export interface AuditSubjectKey {
  n: string;
  key: Buffer;
}

/**
 * The keys of these people (by account, else by email), created with `newKeys[i]` where missing,
 * in the order asked.
 */
export async function auditSubjectKeys(
  db: Db,
  people: { userId: string | null; email: string | null; newKey: Buffer }[],
): Promise<AuditSubjectKey[]> {
  return db<AuditSubjectKey[]>`
    select s.n, s.key
    from unnest(${people.map((p) => p.userId)}::uuid[], ${people.map((p) => p.email)}::text[],
                ${people.map((p) => p.newKey.toString('hex'))}::text[]) with ordinality as p(user_id, email, new_key, i)
    cross join lateral audit_subject(p.user_id, p.email, decode(p.new_key, 'hex')) s
    order by p.i`;
}

/** The keys of subjects `ns` that still exist. */
export async function findAuditSubjectKeys(db: Db, ns: string[]): Promise<AuditSubjectKey[]> {
  return db<AuditSubjectKey[]>`select n, key from audit_subjects where n = any(${ns}::bigint[])`;
}

/** Deletes the keys of a person (their account's and their email's): what was sealed with them stays sealed. */
export async function forgetAuditSubject(
  db: Db,
  person: { userId: string; email: string | null },
): Promise<void> {
  await db`delete from audit_subjects where user_id = ${person.userId} or email = ${person.email}`;
}
