/** Every closed list of the record, once; the database CHECKs are compared with these by a drift test. */

export const ROLES = ['admin', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const USER_STATUSES = ['active', 'deactivated'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** What an admin sees in the list: accounts and invites side by side. */
export const LISTED_STATUSES = ['Active', 'Pending', 'Expired', 'Deactivated'] as const;
export type ListedStatus = (typeof LISTED_STATUSES)[number];

export const INVITE_STATUSES = ['Pending', 'Expired', 'Used up', 'Revoked'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];

export const PLATFORMS = ['telegram', 'slack', 'console'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const AGENT_VISIBILITIES = ['all', 'restricted'] as const;
export type AgentVisibility = (typeof AGENT_VISIBILITIES)[number];

export const AGENT_DELETED_REASONS = ['deleted', 'deactivated'] as const;
export type AgentDeletedReason = (typeof AGENT_DELETED_REASONS)[number];

export const AUDIT_ACTIONS = [
  'user.invited',
  'user.invite_blocked',
  'user.invite_revoked',
  'user.invite_resent',
  'user.setup_invite_created',
  'user.claimed',
  'user.role_updated',
  'user.groups_updated',
  'user.updated',
  'user.deleted',
  'user.renamed',
  'user.password_changed',
  'user.password_reset_issued',
  'user.password_reset_completed',
  'user.password_reset_by_cli',
  'user.identity_linked',
  'user.identity_unlinked',
  'user.context_updated',
  'user.exported',
  'user.erased',
  'auth.locked_out',
  'audit.exported',
  'auth.password_failed',
  'group.created',
  'group.deleted',
  'agent.created',
  'agent.access_updated',
  'agent.deleted',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What the audit trail does with an erased person's name and email: keep them, or make them unreadable. */
export const AUDIT_ERASURE_MODES = ['keep', 'forget'] as const;
export type AuditErasure = (typeof AUDIT_ERASURE_MODES)[number];

/** What Smithers may remember about a person: their personal context, each field bounded. */
export const CONTEXT_FIELDS = ['role', 'work', 'team', 'language', 'style', 'focus', 'notes'] as const;
export type ContextField = (typeof CONTEXT_FIELDS)[number];

export const ORGANISATION_FIELDS = ['company', 'about', 'teams', 'terms'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];
