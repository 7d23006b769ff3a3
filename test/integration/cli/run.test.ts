import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { runWithRecord } from '../../../src/cli/run.js';

const { url } = await createTestDatabase();
const dataDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-run-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

describe('runWithRecord', () => {
  it('creates the audit key in DATA_DIR when none is set and tells the operator to back it up', async () => {
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr += String(chunk);
      return true;
    });
    const env = { DATABASE_URL: url, DATA_DIR: dataDir };
    expect(await runWithRecord(async () => 0, env)).toBe(0);
    const file = path.join(dataDir, 'audit.key');
    expect(stderr).toBe(
      `Created the audit trail's key in ${file}. Back it up (or set AUDIT_KEY to it) and keep it apart ` +
        'from database backups: without it the trail cannot be verified, and with it and the database ' +
        'the trail could be rewritten.\n',
    );
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await runWithRecord(async () => 0, env)).toBe(0);
    expect(stderr.match(/Created/g)).toHaveLength(1);
  });
});
