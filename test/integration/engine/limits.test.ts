import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../../support/seed.js';
import { createAdminInvite } from '../../../src/domain/invites.js';
import { hashPassword } from '../../../src/domain/passwords.js';
import { issueResetLink } from '../../../src/domain/resets.js';
import { ATTEMPT_LIMITS } from '../../../src/engine/limits.js';

const { sql, store } = await createTestDatabase();

async function lockoutRows() {
  return sql<
    { targetId: string | null; details: Record<string, unknown> }[]
  >`select target_id, details from audit_log where action = 'auth.locked_out' order by id`;
}
const sessions = testSessions(sql);
const engines = [testEngine(store, sessions.open()), testEngine(store, sessions.open())];
const admin = await seedUser(store, { role: 'admin' });

/** An account with a real password, for the password limits. */
async function accountWithPassword(email: string) {
  const user = await seedUser(store, { email });
  await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
  return user;
}

/** One /login run from `chat`: email, then a password; the reply to the password. */
async function login(chat: Person, email: string, password: string): Promise<string> {
  const started = await chat.say('/login');
  if (/Too many/.test(started)) return started;
  await chat.say(email);
  const reply = await chat.say(password);
  await chat.say('/cancel');
  return reply;
}

/** `/password` from a linked chat: the reply to the current password (the flow is left at once). */
async function currentPassword(chat: Person, password: string, asForm = false): Promise<string> {
  const started = await chat.say('/password');
  if (/Too many/.test(started)) return started;
  const reply = asForm ? await chat.secret(password) : await chat.say(password);
  await chat.say('/cancel');
  return reply;
}

await accountWithPassword('owner@example.com');

describe('attempt limits', () => {
  it('locks a chat out of /login after too many wrong passwords, across processes, and not other chats', async () => {
    for (let i = 0; i < ATTEMPT_LIMITS.password.perChat; i++) {
      const mallory = new Person(engines[i % 2]!, 'mallory');
      expect(await login(mallory, 'owner@example.com', `wrong-Guess-${i}0`)).toMatch(/do not match/);
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
    for (let i = 0; i < ATTEMPT_LIMITS.code.perChat; i++) {
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
    expect(replies.filter((r) => /not valid/.test(r))).toHaveLength(ATTEMPT_LIMITS.code.perChat);
    expect(replies.slice(ATTEMPT_LIMITS.code.perChat).every((r) => /Too many wrong attempts/.test(r))).toBe(
      true,
    );
    const rows = (await lockoutRows()).slice(before.length);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ kind: 'code', by: 'this chat', chat: 'flood', limit: 20 });
    expect(await flood.say('/help')).not.toMatch(/Too many/);
  });

  it('lets a newcomer open a valid invite and reset link after a dozen chats sent wrong codes', async () => {
    for (let chat = 0; chat < 12; chat++) {
      const thrower = new Person(engines[chat % 2]!, `thrower-${chat}`);
      for (let i = 0; i <= ATTEMPT_LIMITS.code.perChat; i++)
        await thrower.say(`/start i_${String(chat * 100 + i).padStart(43, 'D')}`);
    }
    const invite = await createAdminInvite(store);
    expect(await new Person(engines[0]!, 'newcomer').say(`/start ${invite.payload}`)).toMatch(
      /You've been invited/,
    );
    const forgetful = await seedUser(store);
    const reset = await issueResetLink(store, { actorId: admin.id, userId: forgetful.id });
    expect(await new Person(engines[1]!, 'forgetful').say(`/start ${reset.payload}`)).toMatch(
      /set a new password/,
    );
  });

  it('lets the owner /login from a clean chat after a dozen chats guessed the password', async () => {
    const target = await accountWithPassword('target@example.com');
    for (let chat = 0; chat < 12; chat++) {
      const guesser = new Person(engines[chat % 2]!, `guesser-${chat}`);
      for (let i = 0; i < ATTEMPT_LIMITS.password.perChat - 1; i++)
        await login(guesser, 'target@example.com', `wrong-Guess-${chat}-${i}0`);
    }
    const guesser = new Person(engines[0]!, 'guesser-0');
    expect(await login(guesser, 'target@example.com', GOOD_PASSWORD)).toMatch(/Too many wrong attempts/);
    const byAccount = (await lockoutRows()).filter((r) => r.targetId === target.id);
    expect(byAccount).toHaveLength(1);
    expect(byAccount[0]!.details).toMatchObject({ kind: 'password', by: 'account' });

    const ownerPhone = new Person(engines[1]!, 'target-phone');
    await ownerPhone.say('/login');
    await ownerPhone.say('target@example.com');
    expect(await ownerPhone.say(GOOD_PASSWORD)).toMatch(/Welcome back/);
  });

  it('limits a chat that joins a guessed account at once: a clean chat gets one wrong password', async () => {
    await accountWithPassword('besieged@example.com');
    for (let i = 0; i < ATTEMPT_LIMITS.password.perTarget; i++)
      await login(new Person(engines[i % 2]!, `siege-${i}`), 'besieged@example.com', `wrong-Guess-${i}0`);
    const latecomer = new Person(engines[0]!, 'siege-late');
    expect(await login(latecomer, 'besieged@example.com', 'wrong-Guess-late0')).toMatch(/do not match/);
    expect(await login(latecomer, 'besieged@example.com', GOOD_PASSWORD)).toMatch(/Too many wrong attempts/);
  });

  it('counts wrong current passwords at /password per account, across chats and platforms', async () => {
    const changer = await accountWithPassword('changer@example.com');
    await linkChat(store, changer, 'changer-phone');
    await linkChat(store, changer, 'changer-laptop', 'console');
    await linkChat(store, changer, 'changer-tablet');
    const phone = new Person(engines[0]!, 'changer-phone');
    const laptop = new Person(engines[1]!, 'changer-laptop', 'console');
    for (let i = 0; i < 4; i++)
      await login(new Person(engines[i % 2]!, `stranger-${i}`), 'changer@example.com', `wrong-Guess-${i}0`);
    for (let i = 0; i < 3; i++) await currentPassword(phone, `wrong-Current-${i}0`);
    for (let i = 0; i < ATTEMPT_LIMITS.password.perTarget - 7; i++)
      expect(await currentPassword(laptop, `wrong-Current-${i}1`, true)).toMatch(/not your current password/);

    expect(await currentPassword(phone, GOOD_PASSWORD)).toMatch(/Too many wrong attempts/);
    expect(await currentPassword(laptop, GOOD_PASSWORD, true)).toMatch(/Too many wrong attempts/);
    const rows = (await lockoutRows()).filter((r) => r.targetId === changer.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.details).toMatchObject({ kind: 'password', by: 'account' });

    const tablet = new Person(engines[0]!, 'changer-tablet');
    expect(await currentPassword(tablet, GOOD_PASSWORD)).toMatch(/new password/);
  });

  it('stops a linked chat guessing its current password over restarted runs, the right one too', async () => {
    const guessed = await accountWithPassword('guessed@example.com');
    await linkChat(store, guessed, 'guessed-phone');
    const phone = new Person(engines[1]!, 'guessed-phone');
    const replies: string[] = [];
    for (let i = 0; i < ATTEMPT_LIMITS.password.perChat; i++)
      replies.push(await currentPassword(phone, `wrong-Current-${i}0`));
    expect(replies.every((r) => /not your current password/.test(r))).toBe(true);
    expect(await currentPassword(phone, GOOD_PASSWORD)).toMatch(/Too many wrong attempts/);
    expect(await phone.say('/password')).toMatch(/Too many wrong attempts/);
  });
});
