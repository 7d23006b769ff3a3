import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, seedUser } from '../../support/seed.js';
import { hashPassword } from '../../../src/domain/passwords.js';
import { ATTEMPT_LIMITS } from '../../../src/engine/limits.js';

const { sql, store } = await createTestDatabase();

async function lockoutRows() {
  return sql<
    { details: unknown }[]
  >`select details from audit_log where action = 'auth.locked_out' order by id`;
}
const sessions = testSessions(sql);
const engines = [testEngine(store, sessions.open()), testEngine(store, sessions.open())];
await seedUser(store, { role: 'admin' });
const owner = await seedUser(store, { email: 'owner@example.com' });
await store.users.setPasswordHash(owner.id, await hashPassword(GOOD_PASSWORD));

describe('attempt limits', () => {
  it('locks a chat out of /login after too many wrong passwords, across processes, and not other chats', async () => {
    for (let i = 0; i < ATTEMPT_LIMITS.login.max; i++) {
      const mallory = new Person(engines[i % 2]!, 'mallory');
      await mallory.say('/login');
      await mallory.say('owner@example.com');
      expect(await mallory.say(`wrong-Guess-${i}0`)).toMatch(/do not match|Too many/);
      await mallory.say('/cancel');
    }
    expect(await new Person(engines[0]!, 'mallory').say('/login')).toMatch(/Too many wrong attempts/);
    const honest = new Person(engines[1]!, 'owner-phone');
    await honest.say('/login');
    await honest.say('owner@example.com');
    expect(await honest.say(GOOD_PASSWORD)).toMatch(/Welcome back/);
  });

  it('stops the right password too once locked, so guessing cannot be finished', async () => {
    const mallory = new Person(engines[0]!, 'mallory');
    expect(await mallory.say('/login')).toMatch(/Too many wrong attempts/);
    expect(
      (await store.identities.getIdentity({ platform: 'telegram', externalId: 'mallory' })) ?? null,
    ).toBeNull();
  });

  it('locks a chat out of guessing invite codes', async () => {
    const guesser = new Person(engines[1]!, 'guesser');
    for (let i = 0; i < ATTEMPT_LIMITS.code.max; i++) {
      const code = `i_${String(i).padStart(43, 'A')}`;
      expect(await guesser.say(`/start ${code}`)).toMatch(/not valid/);
    }
    expect(await guesser.say(`/start i_${'B'.repeat(43)}`)).toMatch(/Too many wrong attempts/);
  });

  it('locks out a thousand wrong codes from one chat and audits the burst once', async () => {
    const flood = new Person(engines[0]!, 'flood');
    const before = await lockoutRows();
    const replies: string[] = [];
    for (let i = 0; i < 1000; i++)
      replies.push(await new Person(engines[i % 2]!, 'flood').say(`/claim i_${String(i).padStart(43, 'C')}`));
    expect(replies.filter((r) => /not valid/.test(r))).toHaveLength(ATTEMPT_LIMITS.code.max);
    expect(replies.slice(ATTEMPT_LIMITS.code.max).every((r) => /Too many wrong attempts/.test(r))).toBe(true);
    const rows = (await lockoutRows()).slice(before.length);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ attempts: 'code', by: 'this chat', chat: 'flood', limit: 20 });
    expect(await flood.say('/help')).not.toMatch(/Too many/);
  });

  it('slows guessing from many chats together, and audits reaching that limit once', async () => {
    let i = 0;
    for (; i < ATTEMPT_LIMITS.code.overall; i++) {
      const reply = await new Person(engines[i % 2]!, `crowd-${i}`).say(
        `/start i_${String(i).padStart(43, 'D')}`,
      );
      if (/Too many/.test(reply)) break;
    }
    expect(i).toBeLessThan(ATTEMPT_LIMITS.code.overall);
    expect(await new Person(engines[0]!, 'newcomer').say(`/start i_${'E'.repeat(43)}`)).toMatch(
      /Too many wrong attempts/,
    );
    const everyone = (await lockoutRows()).filter((r) => (r.details as { by: string }).by === 'everyone');
    expect(everyone).toHaveLength(1);
  });
});
