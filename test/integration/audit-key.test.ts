import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditKeyPath, loadAuditKey } from '../../src/audit-key.js';

const root = await mkdtemp(path.join(tmpdir(), 'gatehouse-audit-key-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('loadAuditKey', () => {
  it('creates a key in DATA_DIR on first start, readable by its owner only, and says so once', async () => {
    const dataDir = path.join(root, 'first', 'data');
    const created: string[] = [];
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => loadAuditKey({ DATA_DIR: dataDir }, (file) => created.push(file))),
    );
    expect(created).toEqual([auditKeyPath(dataDir)]);
    expect(new Set(keys.map((k) => k.toString('hex'))).size).toBe(1);
    expect(keys[0]).toHaveLength(32);
    expect((await stat(auditKeyPath(dataDir))).mode & 0o777).toBe(0o600);
    expect((await readFile(auditKeyPath(dataDir), 'utf8')).trim()).toBe(keys[0]!.toString('hex'));
    const again = await loadAuditKey({ DATA_DIR: dataDir }, () => created.push('again'));
    expect(again).toEqual(keys[0]);
    expect(created).toHaveLength(1);
  });

  it('uses AUDIT_KEY when it is set and writes nothing', async () => {
    const dataDir = path.join(root, 'configured');
    const key = await loadAuditKey({ DATA_DIR: dataDir, AUDIT_KEY: 'AB'.repeat(32) }, () => {
      throw new Error('nothing should be created');
    });
    expect(key.toString('hex')).toBe('ab'.repeat(32));
    await expect(stat(dataDir)).rejects.toThrow(/ENOENT/);
  });

  it('names the file when it does not hold a key', async () => {
    const dataDir = path.join(root, 'damaged');
    await loadAuditKey({ DATA_DIR: dataDir }, () => {});
    await writeFile(auditKeyPath(dataDir), 'not a key\n');
    await expect(loadAuditKey({ DATA_DIR: dataDir }, () => {})).rejects.toThrow(
      `${auditKeyPath(dataDir)} must hold the audit key as 64 hexadecimal digits`,
    );
  });
});
