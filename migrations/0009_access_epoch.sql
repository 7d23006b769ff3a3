-- Up Migration

-- A counter that every transaction changing who may use which agent raises once, as it commits: a
-- process may keep the agents a person may use for as long as the counter it has seen since stays
-- the same (src/store/agents.ts). No row until the first change; readers take a missing one as 0.
create table access_epoch (
  one boolean primary key default true check (one),
  n   bigint not null
);

-- Deferred to the commit, so the counter's row is locked last, after every other lock of the
-- transaction (no lock-order cycles with other writers), and once per transaction.
create function access_epoch_raise() returns trigger language plpgsql as $$
begin
  if current_setting('gatehouse.access_epoch_raised', true) is distinct from txid_current()::text then
    perform set_config('gatehouse.access_epoch_raised', txid_current()::text, true);
    insert into access_epoch (one, n) values (true, 1)
      on conflict (one) do update set n = access_epoch.n + 1;
  end if;
  return null;
end $$;

create constraint trigger agents_access_epoch after insert or update or delete on agents
  deferrable initially deferred for each row execute function access_epoch_raise();
create constraint trigger agent_groups_access_epoch after insert or update or delete on agent_groups
  deferrable initially deferred for each row execute function access_epoch_raise();
create constraint trigger group_members_access_epoch after insert or update or delete on group_members
  deferrable initially deferred for each row execute function access_epoch_raise();
create constraint trigger users_access_epoch after update of role, status or delete on users
  deferrable initially deferred for each row execute function access_epoch_raise();

-- Truncating (tests, restores) is a change too.
create function access_epoch_raise_now() returns trigger language plpgsql as $$
begin
  insert into access_epoch (one, n) values (true, 1) on conflict (one) do update set n = access_epoch.n + 1;
  return null;
end $$;
create trigger agents_access_epoch_truncate after truncate on agents
  for each statement execute function access_epoch_raise_now();
create trigger agent_groups_access_epoch_truncate after truncate on agent_groups
  for each statement execute function access_epoch_raise_now();
create trigger group_members_access_epoch_truncate after truncate on group_members
  for each statement execute function access_epoch_raise_now();
create trigger users_access_epoch_truncate after truncate on users
  for each statement execute function access_epoch_raise_now();

-- Down Migration

drop trigger users_access_epoch_truncate on users;
drop trigger group_members_access_epoch_truncate on group_members;
drop trigger agent_groups_access_epoch_truncate on agent_groups;
drop trigger agents_access_epoch_truncate on agents;
drop function access_epoch_raise_now();
drop trigger users_access_epoch on users;
drop trigger group_members_access_epoch on group_members;
drop trigger agent_groups_access_epoch on agent_groups;
drop trigger agents_access_epoch on agents;
drop function access_epoch_raise();
drop table access_epoch;
