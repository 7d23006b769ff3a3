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

/** The whole trail, oldest first, as CSV (read in pages of 1,000). Admins only. */
export async function exportAuditCsv(store: Store, input: { actorId: string }): Promise<string> {
  await requireActiveAdmin(store, input.actorId);
  const rows: AuditRow[] = [];
  for (let beforeId: string | undefined; ;) {
    const page = await store.audit.listAudit({ limit: 1000, ...(beforeId ? { beforeId } : {}) });
    rows.push(...page);
    if (page.length < 1000) break;
    beforeId = page[page.length - 1]!.id;
  }
  rows.reverse();
  return stringify(
    rows.map((r) => [
      r.id,
      r.at.toISOString(),
      r.action,
      r.actorName,
      r.actorEmail,
      r.targetName,
      r.targetEmail,
      JSON.stringify(r.details),
      r.actorId,
      r.targetId,
    ]),
    { header: true, columns: CSV_COLUMNS, cast: { string: neutraliseFormula } },
  );
}

/** A cell a spreadsheet would run as a formula is written as text. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
