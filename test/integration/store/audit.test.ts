import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { recordAudit } from '../../../src/domain/audit.js';
import type { ChainedAuditRow } from '../../../src/store/audit.js';

const { sql, store } = await createTestDatabase();

function proposal(id: string, prevHash: Buffer): ChainedAuditRow {
  return {
    id,
    at: new Date(),
    action: 'group.created',
    actorId: null,
    actorName: 'system',
    actorEmail: null,
    targetId: null,
    targetName: null,
    targetEmail: null,
    details: {},
    sealed: false,
    prevHash,
    hash: Buffer.alloc(32, 9),
  };
}

describe('audit_log', () => {
  it('inserts nothing when a row is proposed after a link that is no longer the tail', async () => {
    const first = await recordAudit(store, { action: 'group.created', actor: 'system' });
    await recordAudit(store, { action: 'group.deleted', actor: 'system' });
    const stale = proposal(String(BigInt(first.id) + 1n), Buffer.from(first.hash, 'hex'));
    expect(await store.audit.appendAuditRow(stale)).toBe(false);
    const tail = await store.tx((tx) => tx.audit.lockAuditTail());
    expect(await store.audit.appendAuditRow(proposal(String(BigInt(tail.id) + 2n), tail.hash))).toBe(false);
    expect(await store.audit.appendAuditRow(proposal(String(BigInt(tail.id) + 1n), tail.hash))).toBe(true);
  });

  it('refuses a row hashed without the key', async () => {
    const tail = await store.tx((tx) => tx.audit.lockAuditTail());
    await expect(sql`
      insert into audit_log (id, at, action, actor_name, details, sealed, prev_hash, hash, hash_scheme)
      values (${String(BigInt(tail.id) + 1n)}, now(), 'group.created', 'mallory', '{}', false,
              ${tail.hash}, ${Buffer.alloc(32)}, 'sha256')`).rejects.toThrow(/appended by the application/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await recordAudit(store, { action: 'group.deleted', actor: 'system' });
    await expect(sql`update audit_log set actor_name = 'mallory'`).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`).rejects.toThrow(/append-only/);
  });
});
