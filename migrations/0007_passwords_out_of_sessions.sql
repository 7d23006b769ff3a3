-- Up Migration

-- A new password typed in a chat waits here for its confirmation (and, at /password, for the last
-- question), so its hash is kept in the record, never in a session snapshot.
create table staged_passwords (
  id            uuid primary key default gen_random_uuid(),
  password_hash text not null,
  expires_at    timestamptz not null
);
create index staged_passwords_expires_at on staged_passwords (expires_at);

-- Down Migration

drop table staged_passwords;
