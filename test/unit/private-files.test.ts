import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePrivateDir, warnAboutSharedKeyFiles, writePrivateFile } from '../../src/private-files.js';

const scratch = () => mkdtempSync(path.join(tmpdir(), 'gatehouse-files-'));

describe('private files', () => {
  it('writes a secret only its owner may read, also over a file that others could read', async () => {
    const file = path.join(scratch(), 'audit.key');
    writeFileSync(file, 'old', { mode: 0o644 });
    await writePrivateFile(file, 'new secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('makes a directory, and one that existed, its owner’s alone', async () => {
    const dir = path.join(scratch(), 'data', 'files');
    await makePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await makePrivateDir(path.dirname(dir));
    expect(statSync(path.dirname(dir)).mode & 0o777).toBe(0o700);
  });

  it('leaves a shared directory such as /tmp as it is', async () => {
    const shared = path.join(scratch(), 'shared');
    mkdirSync(shared);
    chmodSync(shared, 0o1777);
    await makePrivateDir(shared);
    expect(statSync(shared).mode & 0o7777).toBe(0o1777);
  });

  it('warns once for each key file that others may read, and says how to fix it', async () => {
    const dir = scratch();
    const shared = path.join(dir, 'shared.key');
    const group = path.join(dir, 'group.key');
    const own = path.join(dir, 'own.key');
    writeFileSync(shared, 'x', { mode: 0o644 });
    writeFileSync(group, 'x', { mode: 0o640 });
    writeFileSync(own, 'x', { mode: 0o600 });
    const warnings: string[] = [];
    await warnAboutSharedKeyFiles([shared, group, own, path.join(dir, 'absent.key')], (w) =>
      warnings.push(w),
    );
    expect(warnings).toEqual([
      `${shared} holds a secret but its permissions are 0644: run \`chmod 600 ${shared}\` so only its owner can read it`,
      `${group} holds a secret but its permissions are 0640: run \`chmod 600 ${group}\` so only its owner can read it`,
    ]);
  });
});
