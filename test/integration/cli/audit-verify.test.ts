import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { recordAudit, type AuditAppend } from '../../../src/domain/audit.js';
import { auditVerify } from '../../../src/cli/audit-verify.js';

const run = promisify(execFile);
const { url, sql, store } = await createTestDatabase();
const env = {
  DATABASE_URL: url,
  REDIS_URL: '',
  LOG_LEVEL: 'silent',
  AUDIT_KEY: store.auditTrail.key.toString('hex'),
};
const rows: AuditAppend[] = [];
for (let i = 0; i < 6; i++)
  rows.push(
    await recordAudit(store, { action: 'group.created', actor: 'system', details: { group: `G${i}` } }),
  );

async function verifyInProcess(args: string[]) {
  const out = new PassThrough();
  let stdout = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await auditVerify(args, env, out);
  return { code, stdout };
}

describe('npm run audit-verify', () => {
  it('says the trail verifies, where keyed hashing began and the last row, and exits 0', async () => {
    const { code, stdout } = await verifyInProcess([]);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'The audit trail verifies: 6 rows checked, each follows the one before it.',
        `Keyed hashing (HMAC-SHA256) began at row ${rows[0]!.id}; any row before it carries an unkeyed SHA-256.`,
        `Last row checked: ${rows[5]!.id}, hash ${rows[5]!.hash}.`,
        '',
      ].join('\n'),
    );
  });

  it('lists every broken row and exits 1; a range checks only its rows', async () => {
    await sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger audit_log_no_update`;
      await tx`update audit_log set actor_name = 'mallory' where id in ${tx([rows[1]!.id, rows[4]!.id])}`;
      await tx`alter table audit_log enable trigger audit_log_no_update`;
    });
    const { stdout, stderr, code } = await run(
      process.execPath,
      ['--import', 'tsx', 'src/cli/audit-verify.ts'],
      { env: { ...process.env, ...env } },
    ).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      `Row ${rows[1]!.id} does not match its hash: changed after it was written (or hashed with another key).`,
      `Row ${rows[4]!.id} does not match its hash: changed after it was written (or hashed with another key).`,
      '2 of 6 rows checked do not verify.',
    ]);
    const range = await verifyInProcess(['--from', rows[2]!.id, '--to', rows[3]!.id]);
    expect(range.code).toBe(0);
    expect(range.stdout).toMatch(/^The audit trail verifies: 2 rows checked/);
  }, 60_000);

  it('asks whether the key is the right one when every row fails', async () => {
    const out = new PassThrough();
    let stdout = '';
    out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await auditVerify([], { ...env, AUDIT_KEY: 'ab'.repeat(32) }, out);
    expect(code).toBe(1);
    expect(stdout).toMatch(/Every row checked fails: is AUDIT_KEY \(or DATA_DIR\/audit\.key\) the key/);
  });

  it('refuses a range that is not made of row ids', async () => {
    const { code, stdout } = await verifyInProcess(['--from', 'yesterday']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
  });
});
