import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import type { AuditRow } from '../store/audit.js';
import { asActor, asTarget } from './actors.js';
import { openAuditRows, recordAudit } from './audit.js';
import { UnknownUserError } from './errors.js';

const WITHHELD = '(withheld)';
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[^\s@<>"'(),;:]+/gu;

/** Everything the record holds about one person, as they may take it away. */
export interface OwnDataExport {
  exportedAt: string;
  account: {
    id: string;
    name: string;
    email: string | null;
    role: string;
    status: string;
    createdAt: string;
    lastSeenAt: string | null;
    deactivatedAt: string | null;
  };
  chats: { platform: string; externalId: string; username: string | null; linkedAt: string }[];
  groups: string[];
  personalContext: Record<string, string>;
  personalAgents: { name: string; description: string; instructions: string; hidden: boolean }[];
  invitesIssued: {
    id: string;
    role: string;
    label: string | null;
    forAnEmail: boolean;
    uses: number;
    maxUses: number;
    groups: string[];
    createdAt: string;
    expiresAt: string;
    revokedAt: string | null;
  }[];
  auditTrail: {
    id: string;
    at: string;
    action: string;
    actor: { you: boolean; name: string; email?: string | null };
    target: { you: boolean; name: string | null; email?: string | null } | null;
    details: unknown;
  }[];
}

/** Replaces every email in `value` but the person's own, so an export never names another's address. */
function withoutOthersEmails(value: unknown, own: string | null): unknown {
  if (typeof value === 'string')
    return value.replace(EMAIL, (match) => (own !== null && match.toLowerCase() === own ? match : WITHHELD));
  if (Array.isArray(value)) return value.map((v) => withoutOthersEmails(v, own));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutOthersEmails(v, own)]));
  return value;
}

function auditEntry(row: AuditRow, user: UserRow): OwnDataExport['auditTrail'][number] {
  const actorIsYou = row.actorId === user.id;
  const targetIsYou = row.targetId === user.id;
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    action: row.action,
    actor: actorIsYou
      ? { you: true, name: row.actorName, email: row.actorEmail }
      : { you: false, name: row.actorName },
    target:
      row.targetId === null && row.targetName === null
        ? null
        : targetIsYou
          ? { you: true, name: row.targetName, email: row.targetEmail }
          : { you: false, name: row.targetName },
    details: withoutOthersEmails(row.details, user.email),
  };
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);

/**
 * A person's own data as JSON: account, chats, groups, personal context, personal agents, invites they
 * issued and the audit rows about them. Never a password or token hash, never another person's email.
 * Open to deactivated people too. Audited as `user.exported`.
 */
export async function exportOwnData(store: Store, input: { userId: string }): Promise<OwnDataExport> {
  return store.tx(async (tx) => {
    const user = await tx.users.getUserById(input.userId);
    if (!user) throw new UnknownUserError(input.userId);
    const [identities, groups, personalContext, agents, invites, audit] = await Promise.all([
      tx.identities.listIdentities(user.id),
      tx.groups.listUserGroupNames(user.id),
      tx.context.getPersonalContext(user.id),
      tx.agents.listPersonalAgents(user.id),
      tx.dataExport.listIssuedInvites(user.id),
      tx.dataExport.listAuditAbout(user.id).then((rows) => openAuditRows(tx, rows)),
    ]);
    const exported: OwnDataExport = {
      exportedAt: new Date().toISOString(),
      account: {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        status: user.status,
        createdAt: user.createdAt.toISOString(),
        lastSeenAt: iso(user.lastSeenAt),
        deactivatedAt: iso(user.deactivatedAt),
      },
      chats: identities.map((i) => ({
        platform: i.platform,
        externalId: i.externalId,
        username: i.username,
        linkedAt: i.linkedAt.toISOString(),
      })),
      groups,
      personalContext,
      personalAgents: agents.map((a) => ({
        name: a.name,
        description: a.description,
        instructions: a.instructions,
        hidden: a.deletedAt !== null,
      })),
      invitesIssued: invites.map((i) => ({
        id: i.id,
        role: i.role,
        label: i.label === null ? null : (withoutOthersEmails(i.label, user.email) as string),
        forAnEmail: i.forAnEmail,
        uses: i.uses,
        maxUses: i.maxUses,
        groups: i.groupNames,
        createdAt: i.createdAt.toISOString(),
        expiresAt: i.expiresAt.toISOString(),
        revokedAt: iso(i.revokedAt),
      })),
      auditTrail: audit.map((row) => auditEntry(row, user)),
    };
    await recordAudit(tx, {
      action: 'user.exported',
      actor: asActor(user),
      target: asTarget(user),
      details: { auditRows: audit.length, invites: invites.length },
    });
    return exported;
  });
}
