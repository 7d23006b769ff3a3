-- Up Migration

-- Brute force: reaching an attempt limit is audited once per window.
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in (
  'user.invited', 'user.invite_blocked', 'user.invite_revoked', 'user.invite_resent',
  'user.setup_invite_created', 'user.claimed', 'user.role_updated', 'user.groups_updated',
  'user.updated', 'user.deleted', 'user.renamed', 'user.password_changed',
  'user.password_reset_issued', 'user.password_reset_completed', 'user.password_reset_by_cli',
  'user.identity_linked', 'user.identity_unlinked', 'user.context_updated',
  'user.exported', 'user.erased', 'auth.locked_out',
  'group.created', 'group.deleted', 'agent.created', 'agent.access_updated', 'agent.deleted'));

-- Down Migration

alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_check check (action in (
  'user.invited', 'user.invite_blocked', 'user.invite_revoked', 'user.invite_resent',
  'user.setup_invite_created', 'user.claimed', 'user.role_updated', 'user.groups_updated',
  'user.updated', 'user.deleted', 'user.renamed', 'user.password_changed',
  'user.password_reset_issued', 'user.password_reset_completed', 'user.password_reset_by_cli',
  'user.identity_linked', 'user.identity_unlinked', 'user.context_updated',
  'user.exported', 'user.erased',
  'group.created', 'group.deleted', 'agent.created', 'agent.access_updated', 'agent.deleted')) not valid;
