import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import { verifyPassword } from '../../../src/domain/passwords.js';

const run = promisify(execFile);
const { url, store } = await createTestDatabase();

function resetAdmin(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/reset-admin.ts', ...args], {
    env: { ...process.env, DATABASE_URL: url, REDIS_URL: '', LOG_LEVEL: 'silent' },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

describe('npm run reset-admin', () => {
  it('prints a new password for the named user, once, and it works', async () => {
    const user = await seedUser(store, { role: 'admin', email: 'ops@example.com' });
    const { code, stdout } = await resetAdmin(['--email', 'ops@example.com']);
    expect(code).toBe(0);
    const password = stdout.match(/^New password: (\S+)$/m)?.[1];
    expect(stdout).toContain('Password reset for: ops@example.com');
    expect(await verifyPassword((await store.users.getPasswordHash(user.id))!, password!)).toBe(true);
  }, 60_000);

  it('says plainly when the email is unknown, without a stack trace', async () => {
    const { code, stdout, stderr } = await resetAdmin(['--email', 'nobody@example.com']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('no user matches nobody@example.com');
  }, 60_000);
});
