import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../../support/seed.js';
import { closeEndedPasswordWindows } from '../../../src/domain/password-failures.js';
import { hashPassword } from '../../../src/domain/passwords.js';
import { ATTEMPT_LIMITS } from '../../../src/engine/limits.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);

interface Row {
  action: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

async function rowsAbout(filter: { userId?: string; chat?: string }): Promise<Row[]> {
  const rows = await sql<Row[]>`
    select action, target_id, details from audit_log
    where action in ('auth.password_failed', 'auth.locked_out') order by id`;
  return rows.filter((r) =>
    filter.userId
      ? r.targetId === filter.userId
      : r.targetId === null && JSON.stringify(r.details.chats) === JSON.stringify([filter.chat]),
  );
}

async function account(email: string) {
  const user = await seedUser(store, { email });
  await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
  return user;
}

async function login(chat: string, email: string, password: string): Promise<string> {
  const person = new Person(engine, chat);
  await person.say('/login');
  await person.say(email);
  const reply = await person.say(password);
  await person.say('/cancel');
  return reply;
}

/** The window's time is up, as if its quarter of an hour had passed (the limits' own counters stay). */
async function endWindows(): Promise<void> {
  await sql`update password_failure_windows set closes_at = now() - interval '1 second'`;
}

describe('failed passwords in the audit trail', () => {
  it('writes one row when an account window opens, and its count and chats when the next attempt closes it', async () => {
    const uma = await account('uma@example.com');
    await linkChat(store, uma, 'uma-phone');
    await login('x-1', 'uma@example.com', 'wrong-Guess-10');
    await login('x-2', 'uma@example.com', 'wrong-Guess-20');
    await login('x-2', 'uma@example.com', 'wrong-Guess-21');
    const phone = new Person(engine, 'uma-phone');
    await phone.say('/password');
    expect(await phone.say('wrong-Current-30')).toMatch(/not your current password/);
    const open = await rowsAbout({ userId: uma.id });
    expect(open).toEqual([
      {
        action: 'auth.password_failed',
        targetId: uma.id,
        details: expect.objectContaining({ window: 'opened', attempts: 1, chats: ['telegram:x-1'] }),
      },
    ]);

    await endWindows();
    expect(await login('x-3', 'uma@example.com', GOOD_PASSWORD)).toMatch(/Welcome back/);
    const [, summary] = await rowsAbout({ userId: uma.id });
    expect(summary).toMatchObject({
      action: 'auth.password_failed',
      details: {
        window: 'closed',
        attempts: 4,
        via: ['login', 'current-password'],
        chats: ['telegram:x-1', 'telegram:x-2', 'telegram:uma-phone'],
        chatCount: 3,
      },
    });
  });

  it('writes the rows of an unknown email per chat, naming no account', async () => {
    await login('y-1', 'nobody@example.com', 'wrong-Guess-10');
    await login('y-1', 'no-one@example.com', 'wrong-Guess-11');
    await login('y-2', 'nobody@example.com', 'wrong-Guess-20');
    expect(await rowsAbout({ chat: 'telegram:y-1' })).toHaveLength(1);
    expect(await rowsAbout({ chat: 'telegram:y-2' })).toHaveLength(1);
    await endWindows();
    expect(await closeEndedPasswordWindows(store)).toBeGreaterThanOrEqual(2);
    const y1 = await rowsAbout({ chat: 'telegram:y-1' });
    expect(y1.map((r) => r.details)).toEqual([
      expect.objectContaining({ window: 'opened', attempts: 1 }),
      expect.objectContaining({ window: 'closed', attempts: 2, via: ['login'] }),
    ]);
    expect(await rowsAbout({ chat: 'telegram:y-2' })).toHaveLength(1);
  });

  it('writes a lockout row when the limit is reached, and how many attempts it suppressed when it ends', async () => {
    const vic = await account('vic@example.com');
    for (let i = 0; i < ATTEMPT_LIMITS.password.perTarget; i++)
      await login(`z-${i}`, 'vic@example.com', `wrong-Guess-${i}0`);
    for (let i = 0; i < 3; i++)
      expect(await login(`z-${i}`, 'vic@example.com', GOOD_PASSWORD)).toMatch(/Too many wrong attempts/);
    const during = await rowsAbout({ userId: vic.id });
    expect(during.map((r) => [r.action, r.details.lockout ?? r.details.window])).toEqual([
      ['auth.password_failed', 'opened'],
      ['auth.locked_out', 'started'],
    ]);
    expect(during[1]!.details).toMatchObject({
      kind: 'password',
      by: 'account',
      limit: ATTEMPT_LIMITS.password.perTarget,
      attempts: ATTEMPT_LIMITS.password.perTarget,
      chatCount: ATTEMPT_LIMITS.password.perTarget,
    });

    await endWindows();
    await closeEndedPasswordWindows(store);
    const [, , ended] = await rowsAbout({ userId: vic.id });
    expect(ended).toMatchObject({
      action: 'auth.locked_out',
      details: { lockout: 'ended', attempts: ATTEMPT_LIMITS.password.perTarget, suppressed: 3 },
    });
  });

  it('opens one window, with one row, for many wrong passwords at once from many chats', async () => {
    const wes = await account('wes@example.com');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(`burst-${i}`, 'wes@example.com', `wrong-Guess-${i}0`)),
    );
    expect(await rowsAbout({ userId: wes.id })).toHaveLength(1);
    const [window] =
      await sql`select failures, chats from password_failure_windows where user_id = ${wes.id}`;
    expect(window).toMatchObject({ failures: 8 });
    expect((window!.chats as string[]).length).toBe(8);
  });
});
