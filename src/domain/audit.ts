import type { Store } from '../store/store.js';
import type { AuditRow } from '../store/audit.js';
import { stringify } from 'csv-stringify/sync';
import type { AuditAction } from './enums.js';
import { asActor, requireActiveAdmin } from './actors.js';
import { appendToChain, type AuditAppend } from './audit-chain.js';
import { openAuditRows, sealContent } from './audit-seal.js';

export { openAuditRows, personal } from './audit-seal.js';

/** Who acted: a person (as the record knows them at that moment) or the system itself. */
export type Actor = { id: string; name: string; email: string | null } | 'system';

export interface AuditTarget {
  id: string | null;
  name: string | null;
  email: string | null;
}

/** How long a row's details may be, as JSON; longer ones keep their start (see `capDetails`). */
export const AUDIT_DETAILS_MAX_BYTES = 2048;

/**
 * Details within `AUDIT_DETAILS_MAX_BYTES`: longer ones become `{ truncatedFrom, start }`, the length
 * they had and as much of their JSON text as fits, so one oversized value cannot bloat the trail.
 */
function capDetails(details: Record<string, unknown>): Record<string, unknown> {
  const json = JSON.stringify(details);
  const bytes = Buffer.byteLength(json);
  if (bytes <= AUDIT_DETAILS_MAX_BYTES) return details;
  let room = AUDIT_DETAILS_MAX_BYTES - Buffer.byteLength(JSON.stringify({ truncatedFrom: bytes, start: '' }));
  let start = '';
  for (const char of json) {
    room -= Buffer.byteLength(JSON.stringify(char)) - 2;
    if (room < 0) break;
    start += char;
  }
  return { truncatedFrom: bytes, start };
}

/**
 * Appends one audit row to the hash chain and returns its id and hash; call it inside the transaction
 * of the change it records. Names and emails in details go through `personal(person, value)`, so that
 * AUDIT_ERASURE=forget can seal them. Details longer than 2 KB as JSON are cut to their start.
 */
export async function recordAudit(
  store: Store,
  entry: { action: AuditAction; actor: Actor; target?: AuditTarget; details?: Record<string, unknown> },
): Promise<AuditAppend> {
  const actor = entry.actor === 'system' ? undefined : entry.actor;
  const content = await sealContent(
    store,
    {
      action: entry.action,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? 'system',
      actorEmail: actor?.email ?? null,
      targetId: entry.target?.id ?? null,
      targetName: entry.target?.name ?? null,
      targetEmail: entry.target?.email ?? null,
      details: entry.details ?? {},
    },
    { ...(actor ? { actor } : {}), ...(entry.target ? { target: entry.target } : {}) },
  );
  return appendToChain(store, { ...content, details: capDetails(content.details) });
}

export type { AuditRow, AuditAppend };

export const AUDIT_PAGE_MAX = 200;

/** The audit trail for admins, newest first, optionally about one user (as actor or target) or one action. */
export async function queryAudit(
  store: Store,
  input: { actorId: string; userId?: string; action?: AuditAction; limit?: number; beforeId?: string },
): Promise<AuditRow[]> {
  await requireActiveAdmin(store, input.actorId);
  const rows = await store.audit.listAudit({
    limit: Math.min(Math.max(input.limit ?? 20, 1), AUDIT_PAGE_MAX),
    ...(input.userId ? { userId: input.userId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.beforeId ? { beforeId: input.beforeId } : {}),
  });
  return openAuditRows(store, rows);
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

/** Every text field quoted; a cell a spreadsheet would run as a formula (= + - @, tab, CR) starts with '. */
const AUDIT_CSV_OPTIONS = { header: true, columns: CSV_COLUMNS, quoted_string: true, escape_formulas: true };

/** One audit row as a CSV record, in the order of `CSV_COLUMNS`. */
function auditCsvRecord(r: AuditRow): (string | null)[] {
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
 * pages of 1,000; `total` says how many there are in all. Admins only; audited as `audit.exported`.
 * The whole trail, however long, streams from `npm run audit-export` on the server.
 */
export async function exportAuditCsv(
  store: Store,
  input: { actorId: string; maxRows?: number },
): Promise<{ csv: string; rows: number; total: number }> {
  const actor = await requireActiveAdmin(store, input.actorId);
  const max = input.maxRows ?? AUDIT_EXPORT_MAX_ROWS;
  const rows: AuditRow[] = [];
  for (let beforeId: string | undefined; rows.length < max;) {
    const limit = Math.min(EXPORT_PAGE, max - rows.length);
    const page = await store.audit.listAudit({ limit, ...(beforeId ? { beforeId } : {}) });
    rows.push(...(await openAuditRows(store, page)));
    if (page.length < limit) break;
    beforeId = page[page.length - 1]!.id;
  }
  rows.reverse();
  const total = rows.length < max ? rows.length : await store.audit.countAudit();
  await recordAudit(store, {
    action: 'audit.exported',
    actor: asActor(actor),
    details: { via: 'chat', rows: rows.length, total },
  });
  return { csv: stringify(rows.map(auditCsvRecord), AUDIT_CSV_OPTIONS), rows: rows.length, total };
}

/**
 * Writes the whole trail, oldest first, as CSV to `out`, a page at a time, so its length does not
 * matter; returns the number of rows. For operators (`npm run audit-export`), who need no account:
 * audited as `audit.exported` by the system, with the operator's name on the server.
 */
export async function streamAuditCsv(
  store: Store,
  out: NodeJS.WritableStream,
  input: { operator: string },
): Promise<number> {
  let written = 0;
  for (let afterId: string | null = null; ;) {
    const page = await openAuditRows(store, await store.audit.listAuditAfter(afterId, EXPORT_PAGE));
    if (page.length === 0 && written > 0) break;
    const chunk = stringify(page.map(auditCsvRecord), { ...AUDIT_CSV_OPTIONS, header: written === 0 });
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
    written += page.length;
    if (page.length < EXPORT_PAGE) break;
    afterId = page[page.length - 1]!.id;
  }
  await recordAudit(store, {
    action: 'audit.exported',
    actor: 'system',
    details: { via: 'server', operator: input.operator, rows: written },
  });
  return written;
}
