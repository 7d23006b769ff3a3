import type { Sql } from '../../src/store/db.js';

export interface Team {
  adminId: string;
  adminTelegramId: number;
  /** Members with a linked Telegram identity, in the order of their Telegram ids. */
  members: { userId: string; telegramId: number }[];
}

export const ADMIN_TELEGRAM_ID = 90_000;
const FIRST_MEMBER_TELEGRAM_ID = 100_000;

/**
 * An admin and `members` members, each with a linked Telegram identity and a personal Smithers;
 * `groups` groups with every member in two of them; 10 agents open to all and 20 restricted to one
 * group each. Written in bulk SQL (the domain functions are not what is measured here).
 */
export async function seedTeam(sql: Sql, options: { members: number; groups?: number }): Promise<Team> {
  const groups = options.groups ?? 20;
  const [admin] = await sql<{ id: string }[]>`
    insert into users (name, email, role, password_hash)
    values ('Bench Admin', 'admin@bench.test', 'admin', 'not-a-real-hash') returning id`;
  await sql`
    insert into identities (platform, external_id, user_id, username)
    values ('telegram', ${String(ADMIN_TELEGRAM_ID)}, ${admin!.id}, 'bench_admin')`;
  const members = await sql<{ userId: string; telegramId: number }[]>`
    with made as (
      insert into users (name, email, role, password_hash)
      select 'Member ' || i, 'member' || i || '@bench.test', 'member', 'not-a-real-hash'
      from generate_series(1, ${options.members}) i
      returning id, email
    ), numbered as (
      select id, substring(email from 'member(\\d+)@')::int as i from made
    ), linked as (
      insert into identities (platform, external_id, user_id, username)
      select 'telegram', (${FIRST_MEMBER_TELEGRAM_ID} + i)::text, id, 'member' || i from numbered
      returning user_id, external_id
    )
    select user_id, external_id::int as telegram_id from linked order by external_id::int`;
  await sql`insert into groups (name) select 'Team ' || g from generate_series(1, ${groups}) g`;
  await sql`
    insert into group_members (group_id, user_id)
    select g.id, u.id from users u
    join groups g on g.name in (
      'Team ' || (1 + (substring(u.email from 'member(\\d+)@')::int % ${groups})),
      'Team ' || (1 + ((substring(u.email from 'member(\\d+)@')::int * 7 + 3) % ${groups})))
    where u.role = 'member'
    on conflict do nothing`;
  await sql`
    insert into agents (name, description, visibility, created_by)
    select 'Open agent ' || a, 'Answers questions about topic ' || a, 'all', ${admin!.id}
    from generate_series(1, 10) a`;
  await sql`
    insert into agents (name, description, visibility, created_by)
    select 'Team agent ' || a, 'Knows the work of team ' || (1 + a % ${groups}), 'restricted', ${admin!.id}
    from generate_series(1, 20) a`;
  await sql`
    insert into agent_groups (agent_id, group_id)
    select a.id, g.id from agents a
    join groups g on g.name = 'Team ' || (1 + substring(a.name from 'Team agent (\\d+)')::int % ${groups})
    where a.name like 'Team agent %'`;
  await sql`
    insert into agents (name, description, visibility, owner_id, created_by)
    select 'Smithers', 'Your onboarding guide', 'restricted', id, id from users where role = 'member'`;
  await sql`analyze`;
  return { adminId: admin!.id, adminTelegramId: ADMIN_TELEGRAM_ID, members: [...members] };
}
