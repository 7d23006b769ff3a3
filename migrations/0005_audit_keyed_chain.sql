-- Up Migration

-- A chain the database alone cannot forge. From here on the application appends each row with an
-- HMAC-SHA256 of its content and the previous row's hash, under a key the database never sees
-- (AUDIT_KEY). Rows written before keep their unkeyed SHA-256 ('sha256') and still verify as such;
-- the first keyed row covers the last unkeyed hash, so they cannot be rewritten unnoticed either.
alter table audit_log add column hash_scheme text not null default 'sha256'
  constraint audit_log_hash_scheme_check check (hash_scheme in ('sha256', 'hmac-sha256'));
alter table audit_log alter column hash_scheme drop default;
-- True when names and emails in the row are sealed with their person's key (AUDIT_ERASURE=forget).
alter table audit_log add column sealed boolean not null default false;
alter table audit_log alter column sealed drop default;

-- The newest row, read under the chain lock: a new snapshot after the lock sees every committed row.
create function audit_chain_tail(out id bigint, out hash bytea) language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('gatehouse.audit_chain'));
  select a.id, a.hash into id, hash from audit_log a order by a.id desc limit 1;
end $$;

-- The application proposes the next id and the hash it links to. A proposal made from a stale view
-- of the tail inserts nothing (the insert returns no row): the caller reads the tail and tries again.
-- Ids are taken under the chain lock, so id order is chain order.
create or replace function audit_log_chain() returns trigger language plpgsql as $$
declare
  tail record;
begin
  if new.hash_scheme is distinct from 'hmac-sha256' or new.id is null or new.hash is null then
    raise exception 'audit rows are appended by the application, with their id and keyed hash'
      using errcode = 'GH003';
  end if;
  select * into tail from audit_chain_tail();
  if new.id is distinct from coalesce(tail.id, 0) + 1
     or new.prev_hash is distinct from coalesce(tail.hash, '\x'::bytea) then
    return null;
  end if;
  return new;
end $$;

drop sequence audit_log_id_seq;

-- AUDIT_ERASURE=forget: names and emails in audit rows are encrypted with a key per person, found by
-- account or, before there is one, by email. Erasing the person deletes the key: their rows stay as
-- written (the chain holds) and read as "erased person #n".
create table audit_subjects (
  n       bigint generated always as identity primary key,
  user_id uuid unique,
  email   text unique,
  key     bytea not null check (octet_length(key) = 32),
  check (user_id is not null or email is not null)
);

-- The subject of an account or an email, created with `new_key` when there is none. An account takes
-- over the subject its email had before it existed (an invite), so one person keeps one number.
create function audit_subject(p_user_id uuid, p_email text, new_key bytea)
returns table (n bigint, key bytea) language plpgsql as $$
begin
  if p_user_id is not null then
    return query select s.n, s.key from audit_subjects s where s.user_id = p_user_id;
    if found then return; end if;
    return query update audit_subjects s set user_id = p_user_id
      where s.email = p_email and s.user_id is null returning s.n, s.key;
    if found then return; end if;
  else
    return query select s.n, s.key from audit_subjects s where s.email = p_email;
    if found then return; end if;
  end if;
  return query insert into audit_subjects as s (user_id, email, key) values (p_user_id, p_email, new_key)
    on conflict do nothing returning s.n, s.key;
  if found then return; end if;
  -- Another transaction created it meanwhile (or the email is another account's): read or make ours.
  return query select s.n, s.key from audit_subjects s
    where (p_user_id is not null and s.user_id = p_user_id) or (p_user_id is null and s.email = p_email);
  if found or p_user_id is null then return; end if;
  return query insert into audit_subjects as s (user_id, key) values (p_user_id, new_key)
    on conflict (user_id) do update set key = s.key returning s.n, s.key;
end $$;

-- Down Migration

drop function audit_subject;
drop table audit_subjects;
create sequence audit_log_id_seq owned by audit_log.id;
select setval('audit_log_id_seq', coalesce(max(id), 0) + 1, false) from audit_log;
create or replace function audit_log_chain() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('gatehouse.audit_chain'));
  new.id := nextval('audit_log_id_seq');
  new.at := clock_timestamp();
  new.prev_hash := coalesce((select hash from audit_log order by id desc limit 1), '\x'::bytea);
  new.hash := audit_row_hash(new);
  return new;
end $$;
drop function audit_chain_tail;
alter table audit_log drop column sealed;
alter table audit_log drop column hash_scheme;
