import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { recordAudit } from '../../../src/domain/audit.js';

const { sql, store } = await createTestDatabase();

describe('audit log', () => {
  it('chains each row to the previous one and verifies', async () => {
    const first = await recordAudit(store, {
      action: 'group.created',
      actor: 'system',
      details: { name: 'ops' },
    });
    const second = await recordAudit(store, {
      action: 'user.role_updated',
      actor: { id: '00000000-0000-4000-8000-000000000001', name: 'Ada', email: 'ada@example.com' },
      target: { id: '00000000-0000-4000-8000-000000000002', name: 'Bob', email: 'bob@example.com' },
      details: { before: 'member', after: 'admin' },
    });
    expect(BigInt(second.id)).toBeGreaterThan(BigInt(first.id));
    expect(await store.audit.firstBrokenAuditLink()).toBeNull();
  });

  it('keeps one chain when many transactions append at once', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.tx((tx) => recordAudit(tx, { action: 'group.created', actor: 'system', details: { i } })),
      ),
    );
    expect(await store.audit.firstBrokenAuditLink()).toBeNull();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await recordAudit(store, { action: 'group.deleted', actor: 'system' });
    await expect(sql`update audit_log set actor_name = 'mallory'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`).rejects.toThrow(/append-only/);
  });

  it('reports the first row whose content no longer matches its hash', async () => {
    await recordAudit(store, { action: 'agent.created', actor: 'system', details: { name: 'x' } });
    const [target] = await sql<{ id: string }[]>`select id from audit_log order by id limit 1 offset 1`;
    await sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger audit_log_no_update`;
      await tx`update audit_log set actor_name = 'mallory' where id = ${target!.id}`;
      await tx`alter table audit_log enable trigger audit_log_no_update`;
    });
    expect(await store.audit.firstBrokenAuditLink()).toBe(target!.id);
  });

  it('reports a deleted row as a break at the row after it', async () => {
    const { sql: db, store: own } = await createTestDatabase();
    for (const name of ['one', 'two', 'three', 'four'])
      await recordAudit(own, { action: 'group.created', actor: 'system', details: { name } });
    const rows = await db<{ id: string }[]>`select id from audit_log order by id`;
    await db.begin(async (tx) => {
      await tx`alter table audit_log disable trigger audit_log_no_update`;
      await tx`delete from audit_log where id = ${rows[1]!.id}`;
      await tx`alter table audit_log enable trigger audit_log_no_update`;
    });
    expect(await own.audit.firstBrokenAuditLink()).toBe(rows[2]!.id);
  });
});
