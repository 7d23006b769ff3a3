import type { Sql } from '../../src/store/db.js';

/** Bump when the seeded shape changes, so a kept database is seeded again. */
const SEED_VERSION = '4';

export const SCALE = {
  users: 100_000,
  admins: 20,
  groups: 1_000,
  sharedAgents: 1_000,
  openAgents: 100,
  personalAgents: 9_000,
  auditRows: 1_000_000,
} as const;

/** The member whose visible agents are measured: in exactly 5 groups, owning a personal agent. */
export const PROBE_EMAIL = 'user50001@scale.test';

const AUDIT_ACTIONS = [
  'user.invited',
  'user.claimed',
  'user.role_updated',
  'user.groups_updated',
  'user.renamed',
  'user.password_changed',
  'user.identity_linked',
  'user.context_updated',
  'agent.access_updated',
  'user.deleted',
];
/** Actions a person does to their own account; the rest are an admin's. */
const SELF_ACTIONS = [
  'user.claimed',
  'user.password_changed',
  'user.identity_linked',
  'user.context_updated',
];

const log = (line: string) => process.stderr.write(`  record scale: ${line}\n`);

/**
 * Seeds (once) 100,000 users with Telegram identities, 1,000 groups (two per person, five for the
 * probe), 10,000 agents (1,000 shared, 100 of them open to all, the rest restricted to three
 * groups each; 9,000 personal) and 1,000,000 audit rows. The audit rows are written with the
 * table's triggers off (the chain is keyed and appended by the application one row at a time, far
 * too slow for a million): ids in order and a hash per row of the right size, but a chain that does
 * not verify. The benchmarks read them; none verifies the chain.
 */
export async function isSeeded(sql: Sql): Promise<boolean> {
  const [table] = await sql`select to_regclass('bench_seed') as name`;
  if (!table?.name) return false;
  const [done] = await sql`select 1 from bench_seed where version = ${SEED_VERSION}`;
  return done !== undefined;
}

/** Seeds an empty, migrated database; returns the seconds it took. */
export async function seedScale(sql: Sql): Promise<number> {
  const start = performance.now();
  await sql`create table bench_seed (version text primary key, done_at timestamptz not null)`;

  log(`${SCALE.users} users and their identities`);
  await sql`
    insert into users (name, email, role, status, password_hash, created_at, last_seen_at, deactivated_at)
    select initcap(substr(md5(i::text), 1, 6)) || ' ' || initcap(substr(md5((i * 31)::text), 1, 9)),
           'user' || i || '@scale.test',
           case when i <= ${SCALE.admins} then 'admin' else 'member' end,
           case when i > ${SCALE.admins} and i % 50 = 0 then 'deactivated' else 'active' end,
           'not-a-real-hash',
           now() - (i % 700) * interval '1 day',
           case when i % 7 = 0 then null else now() - (i % 90) * interval '1 hour' end,
           case when i > ${SCALE.admins} and i % 50 = 0 then now() else null end
    from generate_series(1, ${SCALE.users}) i`;
  await sql`
    insert into identities (platform, external_id, user_id, username)
    select 'telegram', (1000000 + substring(email from 'user(\\d+)@')::int)::text, id,
           'tg_' || substring(email from 'user(\\d+)@')
    from users`;

  log(`${SCALE.groups} groups, two per person (five for the probe)`);
  await sql`insert into groups (name) select 'Group ' || lpad(g::text, 4, '0') from generate_series(1, ${SCALE.groups}) g`;
  await sql`
    with numbered as (select id, substring(email from 'user(\\d+)@')::int as n from users),
         picks as (
           select id, 1 + (n * 7) % ${SCALE.groups} as g from numbered
           union select id, 1 + (n * 13 + 5) % ${SCALE.groups} from numbered
           union select u.id, p.g from users u, (values (11), (222), (433), (644), (855)) p (g)
           where u.email = ${PROBE_EMAIL})
    insert into group_members (group_id, user_id)
    select g.id, picks.id from picks join groups g on g.name = 'Group ' || lpad(picks.g::text, 4, '0')`;
  await sql`delete from group_members m using users u, groups g
            where m.user_id = u.id and m.group_id = g.id and u.email = ${PROBE_EMAIL}
              and g.name not in ('Group 0011', 'Group 0222', 'Group 0433', 'Group 0644', 'Group 0855')`;

  log(`${SCALE.sharedAgents + SCALE.personalAgents} agents`);
  const [admin] = await sql<{ id: string }[]>`select id from users where email = 'user1@scale.test'`;
  await sql`
    insert into agents (name, description, visibility, created_by)
    select 'Agent ' || lpad(a::text, 4, '0'), 'Knows about subject ' || a,
           case when a <= ${SCALE.openAgents} then 'all' else 'restricted' end, ${admin!.id}
    from generate_series(1, ${SCALE.sharedAgents}) a`;
  await sql`
    with restricted as (select id, substring(name from 'Agent (\\d+)')::int as a from agents
                        where visibility = 'restricted' and owner_id is null),
         picks as (select id, 1 + (a * 3) % ${SCALE.groups} as g from restricted
                   union select id, 1 + (a * 7 + 1) % ${SCALE.groups} from restricted
                   union select id, 1 + (a * 11 + 2) % ${SCALE.groups} from restricted)
    insert into agent_groups (agent_id, group_id)
    select picks.id, g.id from picks join groups g on g.name = 'Group ' || lpad(picks.g::text, 4, '0')`;
  await sql`
    insert into agents (name, description, visibility, owner_id, created_by)
    select 'Smithers', 'Your onboarding guide', 'restricted', id, id from users
    where substring(email from 'user(\\d+)@')::int < ${SCALE.personalAgents} or email = ${PROBE_EMAIL}`;

  const chunk = 100_000;
  for (let from = 1; from <= SCALE.auditRows; from += chunk) {
    log(`audit rows ${from.toLocaleString('en')}–${(from + chunk - 1).toLocaleString('en')} (triggers off)`);
    await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`
      with rows as (
        select i, (${AUDIT_ACTIONS}::text[])[1 + (i * 7) % ${AUDIT_ACTIONS.length}] as action,
               1 + (i::bigint * 7919) % ${SCALE.users} as target, 1 + (i / 10) % ${SCALE.admins} as admin
        from generate_series(${from}::int, ${Math.min(from + chunk - 1, SCALE.auditRows)}::int) i)
      insert into audit_log (id, at, action, actor_id, actor_name, actor_email, target_id, target_name,
                             target_email, details, prev_hash, hash, hash_scheme, sealed)
      select r.i, now() - (${SCALE.auditRows} - r.i) * interval '1 second', r.action,
             case when r.action = any(${SELF_ACTIONS}::text[]) then t.id else a.id end,
             case when r.action = any(${SELF_ACTIONS}::text[]) then t.name else a.name end,
             case when r.action = any(${SELF_ACTIONS}::text[]) then t.email else a.email end,
             t.id, t.name, t.email, jsonb_build_object('n', r.i),
             sha256(convert_to((r.i - 1)::text, 'UTF8')), sha256(convert_to(r.i::text, 'UTF8')),
             'hmac-sha256', false
      from rows r
      join users t on t.email = 'user' || r.target || '@scale.test'
      join users a on a.email = 'user' || r.admin || '@scale.test'
      order by r.i`;
    });
  }
  log('vacuum analyze');
  await sql`vacuum analyze`;
  await sql`insert into bench_seed (version, done_at) values (${SEED_VERSION}, now())`;
  return (performance.now() - start) / 1000;
}
