import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { createEmptyDatabase } from '../../support/empty-database.js';
import { recordContents } from '../../support/record-contents.js';
import { GOOD_PASSWORD, seedUser } from '../../support/seed.js';
import { claimInvite } from '../../../src/domain/claims.js';
import { createInvites } from '../../../src/domain/invites.js';
import { hashToken } from '../../../src/domain/tokens.js';
import { backupRecord } from '../../../src/store/backup.js';
import { restoreRecord } from '../../../src/store/restore.js';
import { createStore } from '../../../src/store/store.js';
import { recordAudit } from '../../../src/domain/audit.js';
import { verifyAuditChain } from '../../../src/domain/audit-chain.js';
import type { Sql } from '../../../src/store/db.js';

const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-backup-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Backs the record of `sql` up into a file, and where to find it. */
async function backUp(sql: Sql, name: string): Promise<string> {
  const file = path.join(dir, `${name}.jsonl.gz`);
  await backupRecord(sql, createWriteStream(file));
  return file;
}

/** Counts of rows that break what one claim writes together, in a restored record. */
async function brokenClaims(sql: Sql) {
  const [row] = await sql`
    select
      (select count(*) from invite_claims c where not exists (select from users u where u.id = c.user_id))::int
        as claims_without_account,
      (select count(*) from users u where u.invited_by is not null and (
         not exists (select from invite_claims c where c.user_id = u.id)
         or not exists (select from identities i where i.user_id = u.id)
         or not exists (select from agents a where a.owner_id = u.id)
         or not exists (select from audit_log a where a.action = 'user.claimed' and a.target_id = u.id)))::int
        as accounts_without_their_claim,
      (select count(*) from audit_log a
       where a.action = 'user.claimed' and not exists (select from users u where u.id = a.target_id))::int
        as audit_rows_without_their_change,
      (select count(*) from invites i
       where i.uses <> (select count(*) from invite_claims c where c.invite_id = i.id))::int
        as invites_with_other_uses`;
  return row;
}

describe('backupRecord', () => {
  it('reads every table in one snapshot: what commits while it runs is in no table of the archive', async () => {
    const { sql, store } = await createTestDatabase();
    const ada = await seedUser(store, { role: 'admin', name: 'Ada' });
    const [{ token } = { token: '' }] = await createInvites(store, {
      actorId: ada.id,
      emails: [],
      role: 'member',
      groupNames: [],
      maxUses: 100,
    });
    const claim = (i: number) =>
      claimInvite(store, {
        tokenHash: hashToken(token),
        name: `Person ${i}`,
        password: GOOD_PASSWORD,
        email: `p${i}@example.com`,
        identity: { platform: 'telegram', externalId: `claimant-${i}`, username: null },
      });
    await Promise.all([0, 1, 2].map(claim));

    // Another session holds password_resets, which claims never touch: the backup stops there,
    // its snapshot taken and half of the tables read, while the claims below commit.
    let holding!: () => void;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const blocker = sql.begin(async (tx) => {
      await tx`lock table password_resets in access exclusive mode`;
      holding();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await held;
    const backup = backUp(sql, 'during-claims');
    await vi.waitFor(
      async () => {
        const [waiting] = await sql<{ count: number }[]>`
          select count(*)::int as count from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock' and query like '%password_resets%'`;
        expect(waiting!.count).toBe(1);
      },
      { timeout: 20_000, interval: 20 },
    );
    await Promise.all([3, 4, 5, 6].map(claim));
    release();
    await blocker;

    const target = await createEmptyDatabase();
    await restoreRecord(target.url, target.sql, await backup);
    expect(await brokenClaims(target.sql)).toEqual({
      claimsWithoutAccount: 0,
      accountsWithoutTheirClaim: 0,
      auditRowsWithoutTheirChange: 0,
      invitesWithOtherUses: 0,
    });
    const names = await target.sql<{ name: string }[]>`select name from users order by name`;
    expect(names.map((n) => n.name)).toEqual(['Ada', 'Person 0', 'Person 1', 'Person 2']);
    const restored = createStore(target.sql, { key: store.auditTrail.key, erasure: 'keep' });
    expect((await verifyAuditChain(restored)).broken).toEqual([]);
    const [{ count } = { count: 0 }] = await sql<
      { count: number }[]
    >`select count(*)::int as count from users`;
    expect(count).toBe(8);
  }, 60_000);

  it('keeps every value exactly, over many batches: quotes, backslashes, tabs, new lines, empty texts, nulls, big numbers', async () => {
    const { sql, store } = await createTestDatabase();
    const odd = 'Quote "me", back\\slash \\\\ (paren) {brace}\ttab\nnew line\r\\N';
    const user = await seedUser(store, { name: odd, email: null });
    await store.context.setPersonalContext(user.id, { notes: `${odd} é ✓ \u2028`, n: '' });
    await sql`update personal_context set fields = fields || '{"big": 123456789012345678901234567890.5}'`;
    await store.agents.insertAgent({
      name: 'Odd',
      description: '',
      instructions: odd.repeat(50),
      visibility: 'all',
      ownerId: null,
      createdBy: user.id,
    });
    for (let g = 1; g <= 2500; g++)
      await recordAudit(store, {
        action: 'group.created',
        actor: { id: user.id, name: odd, email: null },
        details: { group: `${odd}${g}` },
      });

    const target = await createEmptyDatabase();
    await restoreRecord(target.url, target.sql, await backUp(sql, 'odd-values'));
    const { sessions: _, staged_passwords: _s, ...restored } = await recordContents(target.sql);
    const { sessions: __, staged_passwords: __s, ...original } = await recordContents(sql);
    expect(restored).toEqual(original);
    expect(original.users).toHaveLength(1);
    expect(original.audit_log).toHaveLength(2500);
  }, 60_000);
});
