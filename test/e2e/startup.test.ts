import { spawn } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';

/** `npm start` as an operator meets it: a start that cannot work says why in one line and exits 1. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { url } = await createTestDatabase();

async function listening(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function portOf(server: Server): number {
  return (server.address() as { port: number }).port;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = await listening();
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const taken = await listening();
afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

/** Runs `src/main.ts` in the terminal-chat mode (no platform set) with stdin closed, to its exit. */
async function start(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gatehouse-start-')),
      PORT: String(await closedPort()),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('starting Gatehouse', () => {
  it.each([
    ['a bad setting', () => ({ PORT: 'eighty' }), /^Configuration error: PORT must be a port number/],
    [
      'a port in use',
      () => ({ DATABASE_URL: url, PORT: String(portOf(taken)) }),
      new RegExp(`^Port ${portOf(taken)} is already in use .*set PORT to a free port$`),
    ],
    [
      'an unreachable DATABASE_URL',
      async () => ({ DATABASE_URL: `postgres://gatehouse:s3cret-pw@127.0.0.1:${await closedPort()}/record` }),
      /^Cannot use the database at DATABASE_URL \(127\.0\.0\.1:\d+\/record\): nothing answers there\. .*unset DATABASE_URL/,
    ],
    [
      'an unreachable REDIS_URL',
      async () => ({ DATABASE_URL: url, REDIS_URL: `redis://:s3cret-pw@127.0.0.1:${await closedPort()}` }),
      /^Cannot use Redis at REDIS_URL \(127\.0\.0\.1:\d+\): nothing answers there\. .*unset REDIS_URL/,
    ],
  ])('stops on %s with one line saying what to do, and exit code 1', async (_, env, line) => {
    const { code, stdout, stderr } = await start(await env());
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr.trimEnd()).toMatch(line);
    expect(stderr + stdout).not.toMatch(/s3cret-pw|\n\s+at /);
    expect(stdout).not.toMatch(/first admin/);
  });

  it('keeps DATA_DIR to its own user, and warns once about a key file others may read', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-private-'));
    writeFileSync(path.join(dataDir, 'postgres-password'), 'not-used-with-a-database-url\n', { mode: 0o644 });
    const { code, stdout, stderr } = await start({ DATABASE_URL: url, DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/Whoever opens this invite becomes the first admin/);
    expect(stderr.match(/postgres-password holds a secret but its permissions are 0644/g)).toHaveLength(1);
    expect(stderr).toMatch(/chmod 600/);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'gatehouse.log')).mode & 0o777).toBe(0o600);
  });
});
