-- Up Migration

-- A new password typed in a chat waits here for its confirmation (and, at /password, for the last
-- question), so its hash is kept in the record, never in a session snapshot.
create table staged_passwords (
  id            uuid primary key default gen_random_uuid(),
  password_hash text not null,
  expires_at    timestamptz not null
);
create index staged_passwords_expires_at on staged_passwords (expires_at);

-- Wrong passwords are audited per window: one open window per account (or per chat for an unknown
-- email). The audit trail is append-only, so the window's running count lives here until it closes.
create table password_failure_windows (
  subject    text primary key,
  user_id    uuid references users (id) on delete cascade,
  opened_at  timestamptz not null default now(),
  closes_at  timestamptz not null,
  failures   integer not null default 1,
  refused    integer not null default 0,
  locked_at  timestamptz,
  via        text[] not null,
  chats      text[] not null
);
create index password_failure_windows_closes_at on password_failure_windows (closes_at);

-- Down Migration

drop table password_failure_windows;
drop table staged_passwords;
