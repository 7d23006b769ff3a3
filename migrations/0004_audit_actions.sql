-- Up Migration

-- The allowed audit actions are rows of a table that the migration runner fills from AUDIT_ACTIONS
-- (src/domain/enums.ts) after every run, so a new action needs no migration; a foreign key keeps
-- the trail to that list. Actions already in the trail are kept so the key holds for every row.
create table audit_actions (
  action text primary key check (action ~ '^[a-z_]+\.[a-z_]+$')
);
insert into audit_actions (action) select distinct action from audit_log;
alter table audit_log drop constraint audit_log_action_check;
alter table audit_log add constraint audit_log_action_fkey foreign key (action) references audit_actions (action);

-- Down Migration

alter table audit_log drop constraint audit_log_action_fkey;
alter table audit_log add constraint audit_log_action_check check (action in (
  'user.invited', 'user.invite_blocked', 'user.invite_revoked', 'user.invite_resent',
  'user.setup_invite_created', 'user.claimed', 'user.role_updated', 'user.groups_updated',
  'user.updated', 'user.deleted', 'user.renamed', 'user.password_changed',
  'user.password_reset_issued', 'user.password_reset_completed', 'user.password_reset_by_cli',
  'user.identity_linked', 'user.identity_unlinked', 'user.context_updated',
  'user.exported', 'user.erased', 'auth.locked_out',
  'group.created', 'group.deleted', 'agent.created', 'agent.access_updated', 'agent.deleted')) not valid;
drop table audit_actions;
