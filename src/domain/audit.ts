import type { Store } from '../store/store.js';
import type { AuditRow } from '../store/audit.js';
import type { AuditAction } from './enums.js';

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
