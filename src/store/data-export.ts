import type { Db } from './db.js';
import { inviteGroupNames } from './invite-group-names.js';
import type { AuditRow } from './audit.js';
import type { Role } from '../domain/enums.js';

/** An invite as its issuer may take it away: never the invitee's email, only whether there was one. */
export interface IssuedInviteRow {
  id: string;
  role: Role;
  label: string | null;
  forAnEmail: boolean;
  maxUses: number;
  uses: number;
  groupNames: string[];
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Every invite `userId` issued, oldest first. */
export async function listIssuedInvites(db: Db, userId: string): Promise<IssuedInviteRow[]> {
  return db<IssuedInviteRow[]>`
    select i.id, i.role, i.label, i.email is not null as for_an_email, i.max_uses, i.uses,
      ${inviteGroupNames(db)} as group_names,
      i.created_at, i.expires_at, i.revoked_at
    from invites i where i.created_by = ${userId}
    order by i.created_at, i.id`;
}

/** Every audit row with `userId` as actor or target, in chain order. */
export async function listAuditAbout(db: Db, userId: string): Promise<AuditRow[]> {
  return db<AuditRow[]>`
    select * from audit_log where actor_id = ${userId}
    union
    select * from audit_log where target_id = ${userId}
    order by id`;
}
