import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import type { SessionData } from '../../../src/engine/turn.js';

const { sql, store } = await createTestDatabase();
const sessions = new PostgresSessionStore(sql);
const engine = testEngine(store, sessions);
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, 'ada');
const KEY = 'telegram:ada:ada';

/** Rewrites the parked flow of Ada's chat as an older release of the bot could have left it. */
async function parkedAs(change: (flow: NonNullable<SessionData['flow']>) => void): Promise<void> {
  const stored = (await sessions.load(KEY))!;
  const session = JSON.parse(stored.data) as SessionData;
  change(session.flow!);
  expect(await sessions.save(KEY, JSON.stringify(session), stored.version, 3600)).toBe(true);
}

async function invites(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from invites`;
  return row!.n;
}

describe('a flow parked by another version of the bot', () => {
  it.each([
    [
      'whose state this version does not have',
      (flow: { snapshot: unknown }) => {
        (flow.snapshot as { value: unknown }).value = 'a-state-since-removed';
      },
    ],
    [
      'of another version',
      (flow: { version: number }) => {
        flow.version += 1;
      },
    ],
  ])('is ended with a word of why when its snapshot is one %s, and does nothing', async (_, change) => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/invite')).toContain('email');
    await parkedAs(change);
    expect(await ada.say('new@example.com')).toContain('That step changed since you started it');
    expect((await sessions.load(KEY))?.data ?? '').toBe('');
    expect(await invites()).toBe(0);
    expect(await ada.say('/invite')).toContain('email');
    await ada.say('/cancel');
  });
});
