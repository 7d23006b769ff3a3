import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import { exportAuditCsv, recordAudit } from '../../../src/domain/audit.js';
import { asActor } from '../../../src/domain/actors.js';

const run = promisify(execFile);
const { url, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
for (let i = 0; i < 2_345; i++)
  await recordAudit(store, { action: 'group.created', actor: asActor(admin), details: { group: `G${i}` } });

/** The group names of the rows, in file order (each row's details cell is `{""group"":""G1""}`). */
const groupsOf = (csv: string) => [...csv.matchAll(/""group"":""(G\d+)""/g)].map((m) => m[1]);

describe('the audit trail as CSV', () => {
  it('gives a chat the newest rows up to a bound, oldest first, and says how many there are', async () => {
    const { csv, rows, total } = await exportAuditCsv(store, { actorId: admin.id, maxRows: 1_500 });
    expect({ rows, total }).toEqual({ rows: 1_500, total: 2_345 });
    const groups = groupsOf(csv);
    expect(groups[0]).toBe('G845');
    expect(groups.at(-1)).toBe('G2344');
  });

  it('streams the whole trail, oldest first, from npm run audit-export', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/audit-export.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url,
        REDIS_URL: '',
        LOG_LEVEL: 'silent',
        AUDIT_KEY: store.auditTrail.key.toString('hex'),
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const groups = groupsOf(stdout);
    expect(groups).toHaveLength(2_345);
    expect(groups.slice(0, 2)).toEqual(['G0', 'G1']);
    expect(groups.at(-1)).toBe('G2344');
    expect(stdout.split('\n')[0]).toMatch(/^"id","at","action",/);
    // The chat export of the test before is on the trail too.
    expect(stderr).toBe('Exported 2346 audit rows, oldest first (audited as audit.exported).\n');
    const [exported] = await store.audit.listAudit({ action: 'audit.exported', limit: 1 });
    expect(exported).toMatchObject({
      actorId: null,
      actorName: 'system',
      details: { via: 'server', operator: userInfo().username, rows: 2346 },
    });
  });
});
