import type { Store } from '../store/store.js';
import type { AuditRow } from '../store/audit.js';
import { stringify } from 'csv-stringify/sync';
import type { AuditAction } from './enums.js';
import { requireActiveAdmin } from './actors.js';

/** Who acted: a person (as the record knows them at that moment) or the system itself. */
export type Actor = { id: string; name: string; email: string | null } | 'system';

export interface AuditTarget {
  id: string | null;
  name: string | null;
  email: string | null;
}

/** Appends one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(
  store: Store,
  entry: { action: AuditAction; actor: Actor; target?: AuditTarget; details?: Record<string, unknown> },
): Promise<AuditRow> {
  const actor = entry.actor === 'system' ? { id: null, name: 'system', email: null } : entry.actor;
  return store.audit.insertAudit({
    action: entry.action,
    actorId: actor.id,
    actorName: actor.name,
    actorEmail: actor.email,
    targetId: entry.target?.id ?? null,
    targetName: entry.target?.name ?? null,
    targetEmail: entry.target?.email ?? null,
    details: entry.details ?? {},
  });
}

export type { AuditRow };

export const AUDIT_PAGE_MAX = 200;

/** The audit trail for admins, newest first, optionally about one user (as actor or target) or one action. */
export async function queryAudit(
  store: Store,
  input: { actorId: string; userId?: string; action?: AuditAction; limit?: number; beforeId?: string },
): Promise<AuditRow[]> {
  await requireActiveAdmin(store, input.actorId);
  return store.audit.listAudit({
    limit: Math.min(Math.max(input.limit ?? 20, 1), AUDIT_PAGE_MAX),
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.beforeId ? { beforeId: input.beforeId } : {}),
  });
}

const CSV_COLUMNS = [
  'id',
  'at',
  'action',
  'actor_name',
  'actor_email',
  'target_name',
  'target_email',
  'details',
  'actor_id',
  'target_id',
];

/** What a chat export holds at most: a file that chat platforms accept and memory can hold. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
const EXPORT_PAGE = 1000;

export const AUDIT_CSV_OPTIONS = { header: true, columns: CSV_COLUMNS, cast: { string: neutraliseFormula } };

/** One audit row as a CSV record, in the order of `CSV_COLUMNS`. */
export function auditCsvRecord(r: AuditRow): (string | null)[] {
  return [
    String(r.id),
    r.at.toISOString(),
    r.action,
    r.actorName,
    r.actorEmail,
    r.targetName,
    r.targetEmail,
    JSON.stringify(r.details),
    r.actorId,
    r.targetId,
  ];
}

/**
 * The trail as CSV for a chat: its newest `maxRows` entries (default 50,000), oldest first, read in
 * pages of 1,000; `total` says how many there are in all. Admins only. The whole trail, however long,
 * streams from `npm run audit-export` on the server.
 */
export async function exportAuditCsv(
  store: Store,
  input: { actorId: string; maxRows?: number },
): Promise<{ csv: string; rows: number; total: number }> {
  await requireActiveAdmin(store, input.actorId);
  const max = input.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const rows: AuditRow[] = [];
  for (let beforeId: string | undefined; rows.length < max;) {
    const limit = Math.min(EXPORT_PAGE, max - rows.length);
    const page = await store.audit.listAudit({ limit, ...(beforeId ? { beforeId } : {}) });
    rows.push(...page);
    if (page.length < limit) break;
    beforeId = page[page.length - 1]!.id;
  }
  rows.reverse();
  const total = rows.length < max ? rows.length : await store.audit.countAudit();
  return { csv: stringify(rows.map(auditCsvRecord), AUDIT_CSV_OPTIONS), rows: rows.length, total };
}

/**
 * Writes the whole trail, oldest first, as CSV to `out`, a page at a time, so its length does not
 * matter; returns the number of rows. For operators (`npm run audit-export`), who need no account.
 */
export async function streamAuditCsv(store: Store, out: NodeJS.WritableStream): Promise<number> {
  let written = 0;
  for (let afterId: string | null = null; ;) {
    const page = await store.audit.listAuditAfter(afterId, EXPORT_PAGE);
    if (page.length === 0 && written > 0) break;
    const chunk = stringify(page.map(auditCsvRecord), { ...AUDIT_CSV_OPTIONS, header: written === 0 });
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    written += page.length;
    if (page.length < EXPORT_PAGE) break;
    afterId = page[page.length - 1]!.id;
  }
  return written;
}

/** A cell a spreadsheet would run as a formula is written as text. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
