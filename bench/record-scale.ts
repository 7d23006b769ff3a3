import { queryAudit } from '../src/domain/audit.js';
import { listVisibleAgents } from '../src/domain/agents.js';
import { listDirectory, USERS_PAGE_SIZE } from '../src/domain/users.js';
import type { Sql } from '../src/store/db.js';
import { freshDatabase, keptDatabase, openRecord } from './support/db.js';
import { isSeeded, PROBE_EMAIL, SCALE, seedScale } from './support/scale-seed.js';
import type { Sizes } from './support/sizes.js';
import { percentile, timed } from './support/stats.js';

const DATABASE = 'gatehouse_bench';

/** p95 in ms of `work`, run `iterations` times one after another after a tenth as many warm-up runs. */
async function p95(iterations: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.ceil(iterations / 10); i++) await work();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) times.push(await timed(work));
  return percentile(times, 95);
}

async function idOf(sql: Sql, email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/**
 * The record's read paths at scale, through the real domain functions (with their admin checks):
 * `/users` page 1 and page 500, the audit trail of one person and of one action, and the agents a
 * member in 5 of 1,000 groups may use. The seeded database `gatehouse_bench` is kept between runs.
 */
export async function benchRecordScale(sizes: Sizes['scale']): Promise<Record<string, number>> {
  let record = openRecord(await keptDatabase(DATABASE));
  let seedSeconds = 0;
  if (!(await isSeeded(record.sql))) {
    // Missing or half-seeded (an interrupted run): start from an empty database.
    await record.close();
    record = openRecord(await freshDatabase(DATABASE));
    seedSeconds = await seedScale(record.sql);
  }
  try {
    const { sql, store } = record;
    const adminId = await idOf(sql, 'user1@scale.test');
    const otherAdminId = await idOf(sql, 'user2@scale.test');
    const memberId = await idOf(sql, 'user4242@scale.test');
    const probeId = await idOf(sql, PROBE_EMAIL);
    // Page 500 starts after the last person of page 499.
    const [cursor] = await sql<{ id: string }[]>`
      select id from users order by (case when status = 'active' then 0 else 3 end), lower(name), id offset ${499 * USERS_PAGE_SIZE - 1} limit 1`;

    const page1 = await listDirectory(store, { actorId: adminId });
    const page500 = await listDirectory(store, { actorId: adminId, after: cursor!.id });
    if (page1.rows.length !== USERS_PAGE_SIZE || page500.rows.length !== USERS_PAGE_SIZE)
      throw new Error('a /users page came back short');
    const visible = await listVisibleAgents(store, probeId);
    const memberAudit = await queryAudit(store, { actorId: adminId, userId: memberId });
    if (visible.length === 0 || memberAudit.length === 0) throw new Error('the probe queries found nothing');

    const n = sizes.iterations;
    const results = {
      users_page_p95_ms: await p95(n, () => listDirectory(store, { actorId: adminId })),
      users_deep_page_p95_ms: await p95(n, () =>
        listDirectory(store, { actorId: adminId, after: cursor!.id }),
      ),
      audit_member_p95_ms: await p95(n, () => queryAudit(store, { actorId: adminId, userId: memberId })),
      audit_admin_p95_ms: await p95(n, () => queryAudit(store, { actorId: adminId, userId: otherAdminId })),
      audit_action_p95_ms: await p95(n, () =>
        queryAudit(store, { actorId: adminId, action: 'user.role_updated' }),
      ),
      visible_agents_p95_ms: await p95(n, () => listVisibleAgents(store, probeId)),
    };
    return {
      ...results,
      audit_filter_p95_ms: Math.max(
        results.audit_member_p95_ms,
        results.audit_admin_p95_ms,
        results.audit_action_p95_ms,
      ),
      visible_agents_count: visible.length,
      scale_users: SCALE.users,
      scale_audit_rows: SCALE.auditRows,
      scale_seed_seconds: seedSeconds,
      scale_seed_reused: seedSeconds === 0 ? 1 : 0,
    };
  } finally {
    await record.close();
  }
}
