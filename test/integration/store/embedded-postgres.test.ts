import { appendFile, chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../../../src/store/embedded-postgres.js';

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const dataDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-embedded-'));
// Run as root, the server runs as its own user, which must be able to enter DATA_DIR.
await chmod(dataDir, 0o755);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function answers(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

describe('startEmbeddedPostgres', () => {
  it('uses the server already running for the same DATA_DIR, and leaves it running when done', async () => {
    const port = await freePort();
    const bot = await startEmbeddedPostgres(dataDir, { port });
    try {
      const command = await startEmbeddedPostgres(dataDir, { port });
      expect(command.url).toBe(bot.url);
      await command.stop();
      expect(await answers(bot.url)).toBe(true);
    } finally {
      await bot.stop();
    }
    expect(await answers(bot.url)).toBe(false);
  }, 180_000);

  it('says in one line why its server did not start', async () => {
    await appendFile(path.join(dataDir, 'postgres', 'postgresql.conf'), '\nnot a setting\n');
    const refusal = await startEmbeddedPostgres(dataDir, { port: await freePort() }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect((refusal as Error).message).toMatch(
      /^the embedded PostgreSQL did not start: configuration file ".*postgresql\.conf" contains errors$/,
    );
  }, 180_000);
});
