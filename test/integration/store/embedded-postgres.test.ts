import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { reachableBy, startEmbeddedPostgres } from '../../../src/store/embedded-postgres.js';
import { postgresAnswers } from '../../support/postgres-answers.js';

/** The database `npm start` runs when DATABASE_URL is unset, for root and for an ordinary user. */

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Temporary directories of this file, clusters included (about 40 MB each), removed after it. */
const made: string[] = [];
function scratch(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A user that owns nothing here: only the "others" permission bits apply to it. */
const STRANGER = { uid: 54_321, gid: 54_321 };

describe('reachableBy', () => {
  it('needs every directory on the way to let the user pass', async () => {
    const top = scratch('gatehouse-reach-');
    const inner = path.join(top, 'app', 'data');
    mkdirSync(inner, { recursive: true });
    chmodSync(top, 0o711);
    chmodSync(path.join(top, 'app'), 0o755);
    expect(await reachableBy(STRANGER, inner)).toBe(true);
    chmodSync(path.join(top, 'app'), 0o700);
    expect(await reachableBy(STRANGER, inner)).toBe(false);
    expect(await reachableBy({ uid: process.getuid!(), gid: -1 }, inner)).toBe(true);
  });
});

describe('startEmbeddedPostgres', () => {
  it('runs from a DATA_DIR only its user can enter, with a random password only that user can read, and keeps the record across restarts', async () => {
    // Like a clone under /root: nobody but its owner may enter the directory above DATA_DIR.
    const home = scratch('gatehouse-home-');
    chmodSync(home, 0o700);
    const dataDir = path.join(home, 'app', 'data');
    const serverHome = scratch('gatehouse-server-home-');
    chmodSync(serverHome, 0o755);
    const port = await freePort();
    const asRoot = process.getuid?.() === 0;
    const modesAbove = () => [tmpdir(), path.dirname(serverHome)].map((dir) => statSync(dir).mode);
    const before = modesAbove();

    const first = await startEmbeddedPostgres(dataDir, { port, serverHome });
    try {
      const sql = postgres(first.url, { max: 1, onnotice: () => {} });
      await sql`create table kept (note text)`;
      await sql`insert into kept values ('still here')`;
      const [where] = await sql<{ dir: string }[]>`select current_setting('data_directory') as dir`;
      await sql.end();
      // PostgreSQL refuses root: as root its own user runs it, from where that user can reach.
      expect(where!.dir).toBe(
        asRoot ? path.join(serverHome, dataDir, 'postgres') : path.join(dataDir, 'postgres'),
      );
      expect(statSync(first.clusterDir).mode & 0o777).toBe(0o700);
      if (asRoot) expect(statSync(first.clusterDir).uid).not.toBe(0);
    } finally {
      await first.stop();
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'postgres-password')).mode & 0o777).toBe(0o600);
    expect(first.url).not.toContain('gatehouse-embedded');

    // Nothing outside what it made changes mode on the way (/tmp stays world-writable and sticky).
    expect(modesAbove()).toEqual(before);

    const again = await startEmbeddedPostgres(dataDir, { port, serverHome });
    try {
      const sql = postgres(again.url, { max: 1, onnotice: () => {} });
      expect(await sql`select note from kept`).toEqual([{ note: 'still here' }]);
      await sql.end();
    } finally {
      await again.stop();
    }

    // DATA_DIR replaced, the cluster kept (as root it lives elsewhere): one line that says what to do.
    rmSync(path.join(dataDir, 'postgres-password'));
    await expect(startEmbeddedPostgres(dataDir, { port, serverHome })).rejects.toThrow(
      /^The embedded database in .* does not take the password in .*postgres-password \(was DATA_DIR replaced\?\)/,
    );
  });

  it('says in one line that its port is taken, instead of failing somewhere later', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const serverHome = scratch('gatehouse-server-home-');
    chmodSync(serverHome, 0o755);
    try {
      await expect(
        startEmbeddedPostgres(path.join(scratch('gatehouse-taken-'), 'data'), {
          port,
          serverHome,
        }),
      ).rejects.toThrow(new RegExp(`^The embedded database's port ${port} is in use .*set DATABASE_URL$`));
    } finally {
      server.close();
    }
  });

  it('uses the server already running for the same DATA_DIR, and leaves it running when done', async () => {
    const dataDir = path.join(scratch('gatehouse-beside-'), 'data');
    const serverHome = scratch('gatehouse-server-home-');
    chmodSync(serverHome, 0o755);
    const port = await freePort();
    const bot = await startEmbeddedPostgres(dataDir, { port, serverHome });
    try {
      const command = await startEmbeddedPostgres(dataDir, { port, serverHome });
      expect(command.url).toBe(bot.url);
      await command.stop();
      expect(await postgresAnswers(bot.url)).toBe(true);
    } finally {
      await bot.stop();
    }
    expect(await postgresAnswers(bot.url)).toBe(false);
  });
});
