import { expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { describeWithRedis, testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { conversationKey } from '../../../src/engine/inbound.js';
import type { SessionStore } from '../../../src/store/sessions.js';
import type { Store } from '../../../src/store/store.js';

const { sql, store } = await createTestDatabase();

/** The record, counting the lookups of a chat's account and telling when each has answered. */
function countingLookups(): { store: Store; lookups: () => number; answered: () => Promise<void> } {
  let lookups = 0;
  let waiting: (() => void) | undefined;
  const identities = {
    ...store.identities,
    getUserByIdentity: async (...args: Parameters<Store['identities']['getUserByIdentity']>) => {
      const user = await store.identities.getUserByIdentity(...args);
      lookups += 1;
      waiting?.();
      return user;
    },
  };
  return {
    store: { ...store, identities },
    lookups: () => lookups,
    answered: () => new Promise<void>((resolve) => (waiting = resolve)),
  };
}

/** A member linked to the private chat `externalId`, talking to an engine on `sessions`, their account's lookups counted. */
async function memberInChat(name: string, externalId: string, sessions: SessionStore) {
  await linkChat(store, await seedUser(store, { name }), externalId);
  const counting = countingLookups();
  return { counting, person: new Person(testEngine(counting.store, sessions), externalId) };
}

const privateChat = (externalId: string) =>
  conversationKey({
    platform: 'telegram',
    sender: { externalId, username: externalId, displayName: externalId },
    chat: { id: externalId, isPrivate: true },
  });

// The speaker's account is read as the update arrives, while the conversation's lock is asked for;
// that read serves only where no earlier holder of the lock can have written after it began.
describeWithRedis('the speaker read before the lock', () => {
  const sessions = testSessions(sql, 'redis');

  it('is read again when another process freed the lock after it began, and sees that process’s unlink', async () => {
    const { counting, person } = await memberInChat('Mira', 'early-1', sessions.open());
    // Another process's update of the same chat holds the lock, about to unlink it.
    const other = await sessions.open().lockAndLoad(privateChat('early-1'), 6_000);
    const readEarly = counting.answered();
    const reply = person.say('hello');
    await readEarly;
    await sql`delete from identities where platform = 'telegram' and external_id = 'early-1'`;
    await other!.release();

    const strangerReply = await new Person(testEngine(store, sessions.open()), 'early-never-linked').say(
      'hello',
    );
    expect(await reply).toBe(strangerReply);
    expect(counting.lookups()).toBe(2);
  });

  it('serves once the lock had been free since before it began', async () => {
    const { counting, person } = await memberInChat('Noor', 'early-2', sessions.open());
    const other = await sessions.open().lockAndLoad(privateChat('early-2'), 6_000);
    await other!.release();

    for (const line of ['hello', '/cancel', 'hello']) {
      // A person's message comes some time after the last release of the lock (another process's, the last reply's).
      await new Promise((resolve) => setTimeout(resolve, 200));
      await person.say(line);
    }
    expect(counting.lookups()).toBe(3);
  });
});

it('reads the speaker once, under the lock, where the session store cannot tell when a lock was freed', async () => {
  const { counting, person } = await memberInChat('Oskar', 'early-3', testSessions(sql, 'postgres').open());
  await person.say('hello');
  expect(counting.lookups()).toBe(1);
});
