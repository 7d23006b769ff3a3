import type { ListedStatus, Role } from '../domain/enums.js';
import { listInvites } from '../domain/invites.js';
import { listUsers } from '../domain/users.js';
import type { Store } from '../store/store.js';

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
const INVITE_PAGE = 200;

async function userRows(store: Store, actorId: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  let after: string | undefined;
  do {
    const page = await listUsers(store, { actorId, limit: PAGE, ...(after ? { after } : {}) });
    for (const u of page.users) {
      rows.push({
        kind: 'user',
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        groups: u.groups,
        status: u.status === 'active' ? 'Active' : 'Deactivated',
        platforms: u.platforms,
        lastSeenAt: u.lastSeenAt?.toISOString() ?? null,
      });
    }
    after = page.next ?? undefined;
  } while (after && rows.length < MAX_ROWS);
  return rows;
}

async function inviteRows(store: Store, actorId: string): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  let afterId: string | undefined;
  for (let seen = 0; seen < MAX_ROWS; seen += INVITE_PAGE) {
    const page = await listInvites(store, { actorId, limit: INVITE_PAGE, ...(afterId ? { afterId } : {}) });
    for (const invite of page) {
      if (invite.status !== 'Pending' && invite.status !== 'Expired') continue;
      rows.push({
        kind: 'invite',
        id: invite.reference,
        name: invite.label,
        email: invite.email,
        role: invite.role,
        groups: invite.groupNames,
        status: invite.status,
        platforms: [],
        lastSeenAt: null,
      });
    }
    if (page.length < INVITE_PAGE) break;
    afterId = page[page.length - 1]!.id;
  }
  return rows;
}

/**
 * Everyone in the record and the open (pending or expired) invites, as in the admin's Users page.
 * The domain reads check that `actorId` is an active admin: NotAdminError otherwise.
 */
export async function loadUserTable(store: Store, actorId: string): Promise<TableRow[]> {
  const users = await userRows(store, actorId);
  const invites = await inviteRows(store, actorId);
  return [...users, ...invites];
}
