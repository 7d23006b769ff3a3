-- Up Migration

-- A new password waiting to be typed again is kept as HMAC-SHA256 under a key only the conversation's
-- session holds; its argon2id hash replaces the digest once the second typing matches, so a password
-- typed twice is hashed once. Rows staged before are unusable now (the ids their sessions hold carry
-- no key), so they are dropped: those people are asked for their new password again.
delete from staged_passwords;
alter table staged_passwords
  add column digest bytea check (octet_length(digest) = 32),
  alter column password_hash drop not null,
  add constraint staged_passwords_digest_or_hash check ((digest is null) <> (password_hash is null));

-- Down Migration

delete from staged_passwords where password_hash is null;
alter table staged_passwords
  drop constraint staged_passwords_digest_or_hash,
  alter column password_hash set not null,
  drop column digest;
