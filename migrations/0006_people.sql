-- Up Migration

-- An invite keeps the validity it was made with, so a resend gives it the same length again.
alter table invites add column valid_days integer not null default 7 check (valid_days between 1 and 90);
update invites set valid_days =
  greatest(1, least(90, round(extract(epoch from expires_at - created_at) / 86400)::int));

-- An invite or a reset link lives only while its issuer is an active admin. From now on losing the
-- rights revokes them in the same transaction; these are the ones issued before that rule.
update invites i set revoked_at = now()
where i.revoked_at is null and i.uses < i.max_uses and i.created_by is not null
  and not exists (select 1 from users u where u.id = i.created_by and u.role = 'admin' and u.status = 'active');
update password_resets r set voided_at = now()
where r.used_at is null and r.voided_at is null
  and not exists (select 1 from users u where u.id = r.created_by and u.role = 'admin' and u.status = 'active');

-- A chat @username names one identity per platform: the one that showed it last. Older duplicates
-- (handles people gave up and others took) are forgotten.
update identities i set username = null
where i.username is not null and exists (
  select 1 from identities o
  where o.platform = i.platform and lower(o.username) = lower(i.username)
    and (o.linked_at, o.external_id) > (i.linked_at, i.external_id));
create unique index identities_platform_username on identities (platform, lower(username))
  where username is not null;

-- The admin's list: active people first, deactivated last, then by name.
create index users_listed_order on users ((case when status = 'active' then 0 else 3 end), lower(name), id);

-- Down Migration

drop index if exists users_listed_order;
drop index if exists identities_platform_username;
alter table invites drop column if exists valid_days;
