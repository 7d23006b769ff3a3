import { PassThrough, Writable } from 'node:stream';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testEngine } from '../../support/engine.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { runConsole } from '../../../src/adapters/console/console.js';
import { createSetupInvite } from '../../../src/domain/invites.js';

const GOOD = 'violet-Harbor-Lantern-42';

/** The console, driven line by line; `until` waits for text on the screen. */
async function terminal() {
  const { sql, store } = await createTestDatabase();
  const engine = testEngine(store, new PostgresSessionStore(sql));
  const input = new PassThrough();
  let screen = '';
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      screen += chunk.toString();
      done();
    },
  });
  const filesDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-console-'));
  const finished = runConsole(engine, { input, output, filesDir });
  let read = 0;
  const until = async (pattern: RegExp): Promise<string> => {
    for (let i = 0; i < 300; i++) {
      const fresh = screen.slice(read);
      if (pattern.test(fresh)) {
        read = screen.length;
        return fresh;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`never saw ${pattern} in:\n${screen.slice(read)}`);
  };
  return { store, sql, input, until, finished, screen: () => screen };
}

describe('console chat', () => {
  it('lets the operator become the first admin, with the password typed unseen, and switch persona', async () => {
    const t = await terminal();
    const setup = await createSetupInvite(t.store);
    await t.until(/operator> /);
    t.input.write(`/start ${setup.payload}\n`);
    await t.until(/What should we call you/);
    t.input.write('Olivia\n');
    expect(await t.until(/\[1\] Skip/)).toMatch(/email address/);
    t.input.write('1\n');
    expect(await t.until(/password, hidden\)> /)).toMatch(/choose a password/);
    t.input.write(`${GOOD}\n`);
    expect(await t.until(/password, hidden\)> /)).toMatch(/once more/);
    t.input.write(`${GOOD}\n`);
    expect(await t.until(/Welcome aboard/)).not.toContain(GOOD);
    t.input.write('/skip\n');
    await t.until(/Skipped/);
    t.input.write('/help\n');
    expect(await t.until(/\/invite/)).toMatch(/admin/);
    t.input.write('/as bob\n');
    await t.until(/You are now bob[\s\S]*bob> /);
    t.input.write('/invites\n');
    expect(await t.until(/not signed in/)).toBeTruthy();
    t.input.write('/quit\n');
    await t.finished;
    expect(t.screen()).not.toContain(GOOD);
    const [user] = await t.sql`select name, role from users`;
    expect(user).toMatchObject({ name: 'Olivia', role: 'admin' });
  });
});
