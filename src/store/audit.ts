import type { Db } from './db.js';
import type { AuditAction } from '../domain/enums.js';

export interface AuditEntry {
  action: AuditAction;
  actorId: string | null;
  actorName: string;
  actorEmail: string | null;
  targetId: string | null;
  targetName: string | null;
  targetEmail: string | null;
  details: Record<string, unknown>;
}

export interface AuditRow extends AuditEntry {
  id: string;
  at: Date;
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
];

/** Appends one row; the table's trigger numbers it and chains its hash to the previous row. */
export async function insertAudit(db: Db, entry: AuditEntry): Promise<AuditRow> {
  const [row] = await db`
    insert into audit_log ${db(
      { ...entry, details: db.json(entry.details as Parameters<typeof db.json>[0]) },
      'action',
      'actorId',
      'actorName',
      'actorEmail',
      'targetId',
      'targetName',
      'targetEmail',
      'details',
    )}
    returning ${db(AUDIT_COLUMNS)}`;
  return row as AuditRow;
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

/** The id of the first row whose hash or link to its predecessor does not verify, or null. */
export async function firstBrokenAuditLink(db: Db): Promise<string | null> {
  const [row] = await db<{ id: string }[]>`
    select id from (
      select id, hash, prev_hash, audit_row_hash(a) as computed,
             lag(hash, 1, '\\x'::bytea) over (order by id) as expected_prev
      from audit_log a
    ) chain
    where hash <> computed or prev_hash <> expected_prev
    order by id limit 1`;
  return row?.id ?? null;
}

export async function countAudit(db: Db): Promise<number> {
  const [row] = await db<{ count: number }[]>`select count(*)::int as count from audit_log`;
  return row!.count;
}
