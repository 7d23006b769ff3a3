import argon2 from 'argon2';
import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, seedUser } from '../../support/seed.js';
import { createInvites } from '../../../src/domain/invites.js';
import { ATTEMPT_LIMITS } from '../../../src/engine/limits.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const admin = await seedUser(store, { role: 'admin' });
await seedUser(store, { email: 'taken@example.com' });

/** An invite for anyone with the link, good for several people. */
async function openInvite(): Promise<string> {
  const [issued] = await createInvites(store, {
    actorId: admin.id,
    emails: [],
    role: 'member',
    groupNames: [],
    maxUses: 10,
  });
  return issued!.payload;
}

/** A claimant of `payload` who has given a name and waits for the email question's answer. */
async function atEmail(chat: string, payload: string): Promise<Person> {
  const person = new Person(engine, chat);
  await person.say(`/start ${payload}`);
  await person.say('Nova');
  return person;
}

/** Offers `email`, then the password twice: the reply to the second password. */
async function offer(person: Person, email: string): Promise<string> {
  const asked = await person.say(email);
  if (!/choose a password/.test(asked)) return asked;
  await person.say(GOOD_PASSWORD);
  return person.say(GOOD_PASSWORD);
}

const accountOf = (chat: string) =>
  store.identities.getUserByIdentity({ platform: 'telegram', externalId: chat });

describe('claiming an invite', () => {
  it('runs argon2id once for a claim: one hash for the password typed twice, no verify', async () => {
    const hash = vi.spyOn(argon2, 'hash');
    const verify = vi.spyOn(argon2, 'verify');
    try {
      const person = await atEmail('counted', await openInvite());
      await person.tap('Skip');
      await person.say(GOOD_PASSWORD);
      expect(await person.say(GOOD_PASSWORD)).toMatch(/Your account is ready/);
      expect(hash).toHaveBeenCalledTimes(1);
      expect(verify).not.toHaveBeenCalled();
    } finally {
      hash.mockRestore();
      verify.mockRestore();
    }
  });

  it('asks again for a name with a line break, then goes on', async () => {
    const person = new Person(engine, 'lined');
    await person.say(`/start ${await openInvite()}`);
    expect(await person.say('Ada\nLovelace')).toMatch(/name of 1 to 100 characters, on one line/);
    expect(await person.say('Ada Lovelace')).toMatch(/email address/);
    await person.tap('Skip');
    await person.say(GOOD_PASSWORD);
    expect(await person.say(GOOD_PASSWORD)).toMatch(/Your account is ready/);
    expect((await accountOf('lined'))?.name).toBe('Ada Lovelace');
  });

  it('refuses a taken email in the same words as a malformed one, and asks for the email only', async () => {
    const person = await atEmail('neutral', await openInvite());
    const malformed = await person.say('not-an-email');
    const taken = await offer(person, 'Taken@Example.com');
    expect(taken).toContain(malformed.split('\n')[0]);
    expect(taken).not.toMatch(/belongs|account exists|already/i);
    expect(await person.say('nova@example.com')).toMatch(/Your account is ready/);
    expect((await accountOf('neutral'))?.email).toBe('nova@example.com');
  });

  it('counts refused emails per invite and chat: then only Skip goes on, and other chats are untouched', async () => {
    const payload = await openInvite();
    const prober = await atEmail('prober', payload);
    expect(await offer(prober, 'taken@example.com')).toMatch(/cannot be used/);
    for (let i = 1; i < ATTEMPT_LIMITS.email.perChatAndTarget; i++)
      expect(await prober.say('taken@example.com')).toMatch(/cannot be used/);
    expect(await prober.say('free-one@example.com')).toMatch(/Too many wrong attempts/);
    const [lockout] = await sql`select details from audit_log where action = 'auth.locked_out'`;
    expect(lockout!.details).toMatchObject({ kind: 'email', by: 'this chat and invite', chat: 'prober' });
    expect(await prober.tap('Skip')).toMatch(/Your account is ready/);
    expect((await accountOf('prober'))?.email).toBeNull();

    const neighbour = await atEmail('neighbour', payload);
    expect(await offer(neighbour, 'free-two@example.com')).toMatch(/Your account is ready/);
  });
});
