import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import { exportAuditCsv, queryAudit, recordAudit } from '../../../src/domain/audit.js';
import { verifyAuditChain } from '../../../src/domain/audit-chain.js';
import { asActor, asTarget } from '../../../src/domain/actors.js';
import { createInvites } from '../../../src/domain/invites.js';
import { exportOwnData } from '../../../src/domain/data-export.js';
import { eraseSelf, eraseUser } from '../../../src/domain/erasure.js';
import { changeRole, renameUser } from '../../../src/domain/users.js';
import { createStore, type Store } from '../../../src/store/store.js';
import type { Sql } from '../../../src/store/db.js';

/** One record per story, so each starts from an empty trail. */
const [shown, erasedByAdmin, selfErased, exported, kept] = await Promise.all(
  Array.from({ length: 5 }, () => createTestDatabase()),
);

/** Every audit row as stored, for comparing before and after. */
const storedRows = (sql: Sql) => sql`select * from audit_log order by id`;

/** A record where Ada (admin) invites bob@example.com, who joins, is renamed and promoted. */
async function storyOfBob(store: Store) {
  const ada = await seedUser(store, { role: 'admin', name: 'Ada Admin', email: 'ada@example.com' });
  await createInvites(store, {
    actorId: ada.id,
    emails: ['bob@example.com'],
    role: 'member',
    groupNames: [],
  });
  const bob = await seedUser(store, { name: 'Bob Builder', email: 'bob@example.com' });
  await recordAudit(store, { action: 'user.claimed', actor: asActor(bob), target: asTarget(bob) });
  await renameUser(store, { userId: bob.id, name: 'Robert Builder' });
  await changeRole(store, { actorId: ada.id, userId: bob.id, role: 'admin' });
  return { ada, bob };
}

describe('AUDIT_ERASURE=forget', () => {
  it('stores no name or email in the clear, and shows them while the person exists', async () => {
    const { sql } = shown!;
    const store = createStore(sql, { key: Buffer.alloc(32, 1), erasure: 'forget' });
    const { ada } = await storyOfBob(store);
    const raw = JSON.stringify(await storedRows(sql));
    for (const personal of ['Ada Admin', 'ada@example.com', 'Bob Builder', 'Robert', 'bob@example.com'])
      expect(raw).not.toContain(personal);
    const rows = await queryAudit(store, { actorId: ada.id, limit: 10 });
    expect(rows.map((r) => [r.action, r.actorName, r.targetName, r.targetEmail])).toEqual([
      ['user.role_updated', 'Ada Admin', 'Robert Builder', 'bob@example.com'],
      ['user.renamed', 'Bob Builder', 'Bob Builder', 'bob@example.com'],
      ['user.claimed', 'Bob Builder', 'Bob Builder', 'bob@example.com'],
      ['user.invited', 'Ada Admin', null, 'bob@example.com'],
    ]);
    expect(rows[1]!.details).toEqual({ before: 'Bob Builder', after: 'Robert Builder' });
  });

  it('makes an erased person “erased person #n” everywhere, the same n, without touching a row', async () => {
    const { sql } = erasedByAdmin!;
    const store = createStore(sql, { key: Buffer.alloc(32, 2), erasure: 'forget' });
    const { ada, bob } = await storyOfBob(store);
    const carl = await seedUser(store, { role: 'admin', name: 'Carl Cole', email: 'carl@example.com' });
    const before = await storedRows(sql);
    await eraseUser(store, { actorId: ada.id, userId: bob.id, successorId: carl.id });

    expect((await storedRows(sql)).slice(0, before.length)).toEqual(before);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
    const rows = await queryAudit(store, { actorId: ada.id, limit: 10 });
    const bobs = new Set<string>();
    const erased = (value: string | null) => {
      expect(value).toMatch(/^erased person #\d+$/);
      bobs.add(value!);
    };
    const [erasure, role, renamed, claimed, invited] = rows;
    expect(erasure).toMatchObject({ action: 'user.erased', actorName: 'Ada Admin', targetEmail: null });
    erased(erasure!.targetName);
    expect(erasure!.details).toMatchObject({ agentsTo: { name: 'Carl Cole', email: 'carl@example.com' } });
    expect(role).toMatchObject({ actorName: 'Ada Admin', actorEmail: 'ada@example.com', targetEmail: null });
    erased(role!.targetName);
    erased(renamed!.actorName);
    erased(renamed!.details.before as string);
    erased(renamed!.details.after as string);
    expect(renamed!.actorEmail).toBeNull();
    erased(claimed!.targetName);
    erased(invited!.targetName);
    expect(invited!.targetEmail).toBeNull();
    expect(bobs.size).toBe(1);

    const { csv } = await exportAuditCsv(store, { actorId: ada.id });
    expect(csv).not.toMatch(/Bob|Robert|bob@/);
    expect(csv).toContain(`"${[...bobs][0]}",,`);
  });

  it('forgets a person who erases themselves, and another erased person gets another number', async () => {
    const store = createStore(selfErased!.sql, { key: Buffer.alloc(32, 3), erasure: 'forget' });
    const ada = await seedUser(store, { role: 'admin', name: 'Ada Admin' });
    const [dan, eve] = [await seedUser(store, { name: 'Dan' }), await seedUser(store, { name: 'Eve' })];
    await renameUser(store, { userId: dan.id, name: 'Daniel' });
    await renameUser(store, { userId: eve.id, name: 'Evelyn' });
    await eraseSelf(store, { userId: dan.id });
    await eraseSelf(store, { userId: eve.id });
    const names = (await queryAudit(store, { actorId: ada.id, action: 'user.renamed' })).map(
      (r) => r.actorName,
    );
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    for (const name of names) expect(name).toMatch(/^erased person #\d+$/);
  });

  it('leaves a person’s own export readable until they are erased', async () => {
    const store = createStore(exported!.sql, { key: Buffer.alloc(32, 4), erasure: 'forget' });
    const { bob } = await storyOfBob(store);
    const data = await exportOwnData(store, { userId: bob.id });
    expect(data.auditTrail.find((r) => r.action === 'user.renamed')).toMatchObject({
      actor: { you: true, name: 'Bob Builder', email: 'bob@example.com' },
      details: { before: 'Bob Builder', after: 'Robert Builder' },
    });
  });
});

describe('AUDIT_ERASURE=keep', () => {
  it('keeps an erased person’s name and email in the rows about them', async () => {
    const store = createStore(kept!.sql, { key: Buffer.alloc(32, 5), erasure: 'keep' });
    const { ada, bob } = await storyOfBob(store);
    await eraseUser(store, { actorId: ada.id, userId: bob.id, successorId: null });
    const rows = await queryAudit(store, { actorId: ada.id, limit: 10 });
    expect(rows[0]).toMatchObject({
      action: 'user.erased',
      targetName: 'Robert Builder',
      targetEmail: 'bob@example.com',
    });
    expect(rows.find((r) => r.action === 'user.renamed')!.details).toEqual({
      before: 'Bob Builder',
      after: 'Robert Builder',
    });
  });
});
