import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { newIdentity, seedUser } from '../../support/seed.js';
import { resetAdmin } from '../../../src/cli/reset-admin.js';
import { verifyPassword } from '../../../src/domain/passwords.js';

const run = promisify(execFile);
const { url, sql, store } = await createTestDatabase();
const firstAdmin = await seedUser(store, { role: 'admin', email: 'first@example.com' });
const env = {
  DATABASE_URL: url,
  REDIS_URL: '',
  LOG_LEVEL: 'silent',
  AUDIT_KEY: store.auditTrail.key.toString('hex'),
};
const severalAdmins = await createTestDatabase();

/** The CLI as an operator runs it: a child process with the database in its environment. */
function resetAdminProcess(args: string[]) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/reset-admin.ts', ...args], {
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

/** The CLI in this process, with what it writes to stdout and stderr. */
async function resetAdminInProcess(args: string[], environment: NodeJS.ProcessEnv = env) {
  return collectOutput((out) => resetAdmin(args, environment, out));
}

async function collectOutput(command: (out: NodeJS.WritableStream) => Promise<number>) {
  const out = new PassThrough();
  let stdout = '';
  out.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const code = await command(out);
  return { code, stdout, stderr };
}

/** Resolves once another connection's `update users` waits for a row lock (polling pg_locks). */
async function untilAnUpdateWaitsForARowLock(): Promise<void> {
  for (;;) {
    const [waiting] = await sql`
      select 1 from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock' and query like 'update users set password_hash%'`;
    if (waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function printedPassword(stdout: string): string {
  const password = /^New password: (\S+)$/m.exec(stdout)?.[1];
  expect(password).toBeDefined();
  return password!;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('npm run reset-admin', () => {
  it('prints a new password for the named user once, logs out their chats and exits 0', async () => {
    const user = await seedUser(store, { email: 'ops@example.com' });
    const chat = newIdentity();
    await store.identities.insertIdentity({ ...chat, userId: user.id });
    const { code, stdout, stderr } = await resetAdminProcess(['--email', 'ops@example.com']);
    expect(code).toBe(0);
    const password = printedPassword(stdout);
    expect(stdout).toBe(
      `Password reset for: ops@example.com\nNew password: ${password}\nEvery chat linked to this account was logged out.\n`,
    );
    expect(stderr).not.toContain(password);
    expect(await verifyPassword((await store.users.getPasswordHash(user.id))!, password)).toBe(true);
    expect(await store.identities.getIdentity(chat)).toBeUndefined();
  }, 60_000);

  it('says plainly when the email is unknown and exits 1 without a stack trace', async () => {
    const { code, stdout, stderr } = await resetAdminProcess(['--email', 'nobody@example.com']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('no user matches nobody@example.com\n');
  }, 60_000);

  it('resets the first admin when no email is given', async () => {
    const { code, stdout } = await resetAdminInProcess([]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Password reset for: first@example\.com\n/);
    const hash = await store.users.getPasswordHash(firstAdmin.id);
    expect(await verifyPassword(hash!, printedPassword(stdout))).toBe(true);
  });

  it('picks the earliest active admin when the earliest admin is deactivated', async () => {
    const { store: several } = severalAdmins;
    const earliest = await seedUser(several, { role: 'admin', email: 'earliest@example.com' });
    const second = await seedUser(several, { role: 'admin', email: 'second@example.com' });
    await seedUser(several, { role: 'admin', email: 'third@example.com' });
    await several.users.setStatus(earliest.id, 'deactivated');
    const { code, stdout } = await resetAdminInProcess([], { ...env, DATABASE_URL: severalAdmins.url });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Password reset for: second@example\.com\n/);
    const hash = await several.users.getPasswordHash(second.id);
    expect(await verifyPassword(hash!, printedPassword(stdout))).toBe(true);
    expect(await several.users.getPasswordHash(earliest.id)).toBe('not-a-real-hash');
  });

  it('fails in one line, prints no password and changes nothing when the account is erased meanwhile', async () => {
    const user = await seedUser(store, { email: 'leaving@example.com' });
    let reset: Promise<{ code: number; stdout: string; stderr: string }> | undefined;
    // The erasure holds the row while the reset reads it; it commits once the reset waits to write.
    await store.tx(async (tx) => {
      await tx.erasure.deleteUser(user.id);
      reset = resetAdminInProcess(['--email', 'leaving@example.com']);
      await untilAnUpdateWaitsForARowLock();
    });
    const { code, stdout, stderr } = await reset!;
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'leaving@example.com was erased while its password was being reset; nothing changed\n',
    );
    const [audited] = await sql<{ count: number }[]>`
      select count(*)::int as count from audit_log where target_id = ${user.id}`;
    expect(audited!.count).toBe(0);
  }, 60_000);

  it('prints its usage for --help and refuses unknown options', async () => {
    const help = await resetAdminInProcess(['--help'], {});
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run reset-admin/);
    const unknown = await resetAdminInProcess(['--mail', 'x@example.com']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/Unknown option '--mail'[^\n]*\nUsage: npm run reset-admin/);
  });

  it('names a bad setting in one line and exits 1', async () => {
    const { code, stdout, stderr } = await resetAdminInProcess([], { DATABASE_URL: 'mysql://db/x' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('DATABASE_URL must start with postgres: or postgresql:\n');
  });
});
