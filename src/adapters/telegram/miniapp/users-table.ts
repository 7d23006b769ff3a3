import type { ListedStatus, Role } from '../../../domain/enums.js';
import type { Engine } from '../../../engine/engine.js';
import type { Inbound } from '../../../engine/inbound.js';

/** One line of the admin's table: an account, or an invite nobody has claimed yet. */
export interface TableRow {
  kind: 'user' | 'invite';
  /** The user's id (for the chat panel), or the invite's short reference. */
  id: string;
  name: string | null;
  email: string | null;
  role: Role;
  groups: string[];
  status: ListedStatus;
  platforms: string[];
  lastSeenAt: string | null;
}

/** A team this size is far beyond what the table is for; it stops there rather than grow without end. */
const MAX_ROWS = 5000;
const PAGE = 100;

/**
 * Everyone in the record and the open (pending or expired) invites, as in the admin's Users page:
 * Active, Pending, Expired, Deactivated, each by name. The engine checks that `origin` is an active
 * admin's: NotAdminError otherwise.
 */
export async function loadUserTable(
  engine: Pick<Engine, 'directoryPage'>,
  origin: Inbound,
): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  let after: string | undefined;
  do {
    const page = await engine.directoryPage(origin, { limit: PAGE, ...(after ? { after } : {}) });
    for (const row of page.rows) {
      rows.push({
        kind: row.kind,
        id: row.kind === 'invite' ? row.id.slice(0, 8) : row.id,
        name: row.name,
        email: row.email,
        role: row.role,
        groups: row.groups,
        status: row.status,
        platforms: row.platforms,
        lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
      });
    }
    after = page.next ?? undefined;
  } while (after && rows.length < MAX_ROWS);
  return rows;
}
