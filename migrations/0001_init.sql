-- Up Migration

create extension if not exists pg_trgm;

create table users (
  id             uuid primary key default gen_random_uuid(),
  name           text not null check (char_length(name) between 1 and 100),
  email          text check (email is null or (char_length(email) <= 254 and email = lower(btrim(email)))),
  role           text not null constraint users_role_check check (role in ('admin', 'member')),
  status         text not null default 'active' constraint users_status_check check (status in ('active', 'deactivated')),
  password_hash  text not null,
  invited_by     uuid references users (id) on delete set null,
  created_at     timestamptz not null default now(),
  last_seen_at   timestamptz,
  deactivated_at timestamptz
);
create unique index users_email_key on users (email);
create index users_name_order on users (lower(name), id);
create index users_search on users using gin ((lower(name) || ' ' || coalesce(email, '')) gin_trgm_ops);

-- The first account ever created is an admin, whatever path created it.
create function users_first_is_admin() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('gatehouse.admins'));
  if not exists (select 1 from users) then
    new.role := 'admin';
  end if;
  return new;
end $$;
create trigger users_first_is_admin before insert on users
  for each row execute function users_first_is_admin();

-- At least one active admin, also when two admins act at once: the lock serialises every change
-- that removes an active admin, and the check then sees the other transaction's committed change.
create function users_keep_an_admin() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('gatehouse.admins'));
  if not exists (select 1 from users where role = 'admin' and status = 'active') then
    raise exception 'the last active admin cannot be demoted, deactivated or deleted'
      using errcode = 'GH001';
  end if;
  return null;
end $$;
create trigger users_keep_an_admin_update after update of role, status on users
  for each row when (old.role = 'admin' and old.status = 'active'
                     and (new.role <> 'admin' or new.status <> 'active'))
  execute function users_keep_an_admin();
create trigger users_keep_an_admin_delete after delete on users
  for each row when (old.role = 'admin' and old.status = 'active')
  execute function users_keep_an_admin();

create table identities (
  platform    text not null constraint identities_platform_check check (platform in ('telegram', 'slack', 'console')),
  external_id text not null check (char_length(external_id) between 1 and 200),
  user_id     uuid not null references users (id) on delete cascade,
  username    text check (username is null or char_length(username) <= 200),
  linked_at   timestamptz not null default now(),
  primary key (platform, external_id)
);
create index identities_user on identities (user_id);
create index identities_username on identities (lower(username));

create table groups (
  id         uuid primary key default gen_random_uuid(),
  name       text not null check (char_length(name) between 1 and 64),
  created_at timestamptz not null default now()
);
create unique index groups_name_key on groups (lower(name));

create table group_members (
  group_id uuid not null references groups (id) on delete cascade,
  user_id  uuid not null references users (id) on delete cascade,
  added_at timestamptz not null default now(),
  primary key (group_id, user_id)
);
create index group_members_user on group_members (user_id);

create table invites (
  id          uuid primary key default gen_random_uuid(),
  token_hash  bytea not null unique check (octet_length(token_hash) = 32),
  email       text check (email is null or (char_length(email) <= 254 and email = lower(btrim(email)))),
  role        text not null constraint invites_role_check check (role in ('admin', 'member')),
  label       text check (label is null or char_length(label) between 1 and 100),
  max_uses    integer not null default 1 check (max_uses between 1 and 1000),
  uses        integer not null default 0 check (uses between 0 and max_uses),
  expires_at  timestamptz not null,
  created_by  uuid references users (id) on delete set null,
  created_at  timestamptz not null default now(),
  revoked_at  timestamptz,
  revoked_by  uuid references users (id) on delete set null,
  check (email is null or max_uses = 1)
);
-- One open invite per email: a second is refused until the first is used or revoked.
create unique index invites_open_email on invites (email) where revoked_at is null and uses < max_uses;
create index invites_created on invites (created_at desc, id);

create table invite_groups (
  invite_id uuid not null references invites (id) on delete cascade,
  group_id  uuid not null references groups (id) on delete cascade,
  primary key (invite_id, group_id)
);

create table invite_claims (
  invite_id  uuid not null references invites (id) on delete cascade,
  user_id    uuid references users (id) on delete set null,
  claimed_at timestamptz not null default now()
);
create index invite_claims_invite on invite_claims (invite_id);

create table password_resets (
  id         uuid primary key default gen_random_uuid(),
  user_id    uuid not null references users (id) on delete cascade,
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  created_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz,
  voided_at  timestamptz
);
-- A newer link voids the older one: at most one live link per user.
create unique index password_resets_live on password_resets (user_id) where used_at is null and voided_at is null;

create table agents (
  id             uuid primary key default gen_random_uuid(),
  name           text not null check (char_length(name) between 1 and 64),
  description    text not null default '' check (char_length(description) <= 500),
  instructions   text not null default '' check (char_length(instructions) <= 8000),
  visibility     text not null default 'all' constraint agents_visibility_check check (visibility in ('all', 'restricted')),
  owner_id       uuid references users (id) on delete cascade,
  created_by     uuid references users (id) on delete restrict,
  created_at     timestamptz not null default now(),
  deleted_at     timestamptz,
  deleted_reason text constraint agents_deleted_reason_check check (deleted_reason in ('deleted', 'deactivated')),
  check ((deleted_at is null) = (deleted_reason is null))
);
create unique index agents_shared_name on agents (lower(name)) where owner_id is null and deleted_at is null;
create unique index agents_personal_name on agents (owner_id, lower(name)) where owner_id is not null and deleted_at is null;
create index agents_owner on agents (owner_id) where owner_id is not null;
create index agents_created_by on agents (created_by);

create table agent_groups (
  agent_id uuid not null references agents (id) on delete cascade,
  group_id uuid not null references groups (id) on delete cascade,
  primary key (agent_id, group_id)
);
create index agent_groups_group on agent_groups (group_id);

create table personal_context (
  user_id    uuid primary key references users (id) on delete cascade,
  fields     jsonb not null default '{}' check (jsonb_typeof(fields) = 'object' and octet_length(fields::text) <= 4096),
  updated_at timestamptz not null default now()
);

create table organisation_context (
  id         boolean primary key default true check (id),
  fields     jsonb not null default '{}' check (jsonb_typeof(fields) = 'object' and octet_length(fields::text) <= 8192),
  updated_at timestamptz not null default now()
);

-- The embedded session store, used when REDIS_URL is unset.
create table sessions (
  key        text primary key,
  version    bigint not null,
  data       text not null,
  expires_at timestamptz not null
);
create index sessions_expiry on sessions (expires_at);

-- The audit trail. No foreign keys: rows keep the names and emails they were written with and
-- outlive the accounts they describe. Each row's hash covers its content and the previous hash.
create table audit_log (
  id           bigint primary key,
  at           timestamptz not null,
  action       text not null constraint audit_log_action_check check (action in (
                 'user.invited', 'user.invite_blocked', 'user.invite_revoked', 'user.invite_resent',
                 'user.setup_invite_created', 'user.claimed', 'user.role_updated', 'user.groups_updated',
                 'user.updated', 'user.deleted', 'user.renamed', 'user.password_changed',
                 'user.password_reset_issued', 'user.password_reset_completed', 'user.password_reset_by_cli',
                 'user.identity_linked', 'user.identity_unlinked', 'user.context_updated',
                 'group.created', 'group.deleted', 'agent.created', 'agent.access_updated', 'agent.deleted')),
  actor_id     uuid,
  actor_name   text not null,
  actor_email  text,
  target_id    uuid,
  target_name  text,
  target_email text,
  details      jsonb not null default '{}',
  prev_hash    bytea not null,
  hash         bytea not null
);
create sequence audit_log_id_seq owned by audit_log.id;
create index audit_log_actor on audit_log (actor_id, id desc);
create index audit_log_target on audit_log (target_id, id desc);
create index audit_log_action on audit_log (action, id desc);

create function audit_row_hash(r audit_log) returns bytea language sql stable as $$
  select sha256(r.prev_hash || convert_to(concat_ws(chr(31),
    r.id::text, to_char(r.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), r.action,
    coalesce(r.actor_id::text, ''), r.actor_name, coalesce(r.actor_email, ''),
    coalesce(r.target_id::text, ''), coalesce(r.target_name, ''), coalesce(r.target_email, ''),
    r.details::text), 'UTF8'))
$$;

-- Ids are taken under the chain lock so that id order is chain order even when transactions
-- commit in another order than they began.
create function audit_log_chain() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('gatehouse.audit_chain'));
  new.id := nextval('audit_log_id_seq');
  new.at := clock_timestamp();
  new.prev_hash := coalesce((select hash from audit_log order by id desc limit 1), '\x'::bytea);
  new.hash := audit_row_hash(new);
  return new;
end $$;
create trigger audit_log_chain before insert on audit_log
  for each row execute function audit_log_chain();

create function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only' using errcode = 'GH002';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();

-- Down Migration

drop table if exists audit_log, sessions, organisation_context, personal_context, agent_groups, agents,
  password_resets, invite_claims, invite_groups, invites, group_members, groups, identities, users cascade;
drop function if exists audit_log_chain, audit_log_refuse_change, audit_row_hash, users_keep_an_admin,
  users_first_is_admin;
drop sequence if exists audit_log_id_seq;

