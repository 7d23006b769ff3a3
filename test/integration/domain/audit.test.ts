import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import {
  AUDIT_DETAILS_MAX_BYTES,
  exportAuditCsv,
  queryAudit,
  recordAudit,
} from '../../../src/domain/audit.js';
import { asActor } from '../../../src/domain/actors.js';

const { store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });

/** The records of a CSV text (RFC 4180, ending in a newline), each field with whether it was quoted. */
function parseCsv(csv: string): { value: string; quoted: boolean }[][] {
  const records: { value: string; quoted: boolean }[][] = [];
  let record: { value: string; quoted: boolean }[] = [];
  for (let i = 0; ;) {
    let value = '';
    const quoted = csv[i] === '"';
    if (quoted) {
      for (i += 1; !(csv[i] === '"' && csv[i + 1] !== '"'); i += 1) {
        if (csv[i] === '"') i += 1;
        value += csv[i];
      }
      i += 1;
    } else {
      while (csv[i] !== ',' && csv[i] !== '\n') value += csv[i++];
    }
    record.push({ value, quoted });
    if (csv[i++] === ',') continue;
    records.push(record);
    record = [];
    if (i >= csv.length) return records;
  }
}

describe('recordAudit', () => {
  it('keeps small details as they are', async () => {
    await recordAudit(store, { action: 'group.created', actor: asActor(admin), details: { group: 'ops' } });
    const [row] = await queryAudit(store, { actorId: admin.id, limit: 1 });
    expect(row!.details).toEqual({ group: 'ops' });
  });

  it('cuts details longer than 2 KB to their start and says how long they were', async () => {
    const notes = 'é'.repeat(3000) + '"quoted"';
    await recordAudit(store, { action: 'user.context_updated', actor: asActor(admin), details: { notes } });
    const [row] = await queryAudit(store, { actorId: admin.id, limit: 1 });
    const original = JSON.stringify({ notes });
    expect(Buffer.byteLength(JSON.stringify(row!.details))).toBeLessThanOrEqual(AUDIT_DETAILS_MAX_BYTES);
    expect(row!.details).toEqual({
      truncatedFrom: Buffer.byteLength(original),
      start: expect.any(String) as string,
    });
    const start = row!.details.start as string;
    expect(original.startsWith(start)).toBe(true);
    expect(Buffer.byteLength(start)).toBeGreaterThan(AUDIT_DETAILS_MAX_BYTES - 100);
  });
});

describe('/audit export', () => {
  it('quotes every text field and writes formula-like cells as text', async () => {
    const csvAdmin = await seedUser(store, { role: 'admin', name: '=HYPERLINK("http://x")' });
    const targets = ['+49 30 1234', '-1+1', '@SUM(A1)', '\tTabbed', '\rReturned'];
    for (const name of targets)
      await recordAudit(store, {
        action: 'user.renamed',
        actor: asActor(csvAdmin),
        target: { id: null, name, email: '=evil@example.com' },
      });
    const { csv } = await exportAuditCsv(store, { actorId: csvAdmin.id });
    const [header, ...records] = parseCsv(csv);
    expect(header!.every((f) => f.quoted)).toBe(true);
    const renamed = records.filter((r) => r[2]!.value === 'user.renamed');
    expect(renamed).toHaveLength(targets.length);
    for (const record of renamed) {
      expect(record.every((f) => f.quoted || f.value === '')).toBe(true);
      expect(record[3]!.value).toBe(`'=HYPERLINK("http://x")`);
      expect(record[6]!.value).toBe(`'=evil@example.com`);
    }
    expect(renamed.map((r) => r[5]!.value)).toEqual(targets.map((t) => `'${t}`));
  });

  it('is audited with who exported and how many rows', async () => {
    const { rows } = await exportAuditCsv(store, { actorId: admin.id });
    const [row] = await queryAudit(store, { actorId: admin.id, limit: 1 });
    expect(row).toMatchObject({
      action: 'audit.exported',
      actorId: admin.id,
      actorName: 'Ada',
      details: { rows, via: 'chat' },
    });
  });
});
