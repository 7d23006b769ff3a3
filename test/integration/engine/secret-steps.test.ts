import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../../support/seed.js';
import { createAdminInvite } from '../../../src/domain/invites.js';
import { hashPassword } from '../../../src/domain/passwords.js';

/**
 * Every way back into a password step asks for the secret with a hidden prompt (the last reply is
 * a secret prompt), so the next line is taken as the secret and, on Telegram, deleted.
 */

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const NEW_PASSWORD = 'copper-Meadow-Window-77';
const TYPO = 'copper-Meadow-Window-78';

async function accountWithPassword(email: string, chat?: string) {
  const user = await seedUser(store, { email });
  await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
  if (chat) await linkChat(store, user, chat);
  return user;
}

/** The transcript ends with a hidden prompt for a secret. */
const endsWithSecretPrompt = /\(secret\)$/;

describe('password steps', () => {
  it('asks only for the password again after a wrong /login password', async () => {
    await accountWithPassword('lea@example.com');
    const chat = new Person(engine, 'lea-phone');
    await chat.say('/login');
    await chat.say('lea@example.com');
    const wrong = await chat.say('wrong-Guess-0001');
    expect(wrong).toMatch(/do not match[\s\S]*Your password\? \(secret\)$/);
    expect(wrong).not.toMatch(/email address/);
    expect(await chat.say(GOOD_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*Welcome back/);
  });

  it('answers a command typed during a password step, then asks for the password again', async () => {
    await accountWithPassword('max@example.com');
    const chat = new Person(engine, 'max-phone');
    await chat.say('/login');
    await chat.say('max@example.com');
    const help = await chat.say('/help');
    expect(help.split('\n').length).toBeGreaterThan(2);
    expect(help).toMatch(/Your password\? \(secret\)$/);
    expect(await chat.say('/nosuchcommand')).toMatch(endsWithSecretPrompt);
    expect(await chat.say('/skip')).toMatch(endsWithSecretPrompt);
    expect(await chat.say(GOOD_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*Welcome back/);
  });

  it('asks for the password again, hidden, after a command in the console', async () => {
    await accountWithPassword('noa@example.com');
    const terminal = new Person(engine, 'noa', 'console');
    await terminal.say('/login');
    await terminal.say('noa@example.com');
    expect(await terminal.say('/help')).toMatch(/Your password\? \(secret\)$/);
    expect(await terminal.secret('wrong-Guess-0002')).toMatch(/do not match[\s\S]*\(secret\)$/);
    expect(await terminal.secret(GOOD_PASSWORD)).toMatch(/Welcome back/);
  });

  it('ends the password step at /cancel without asking again', async () => {
    await accountWithPassword('ora@example.com');
    const chat = new Person(engine, 'ora-phone');
    await chat.say('/login');
    await chat.say('ora@example.com');
    const cancelled = await chat.say('/cancel');
    expect(cancelled).toMatch(/Cancelled/);
    expect(cancelled).not.toMatch(/secret/);
    expect(await chat.say('a visible line')).not.toMatch(/message deleted/);
  });

  it('asks again, hidden, after a stale button during a password step', async () => {
    await accountWithPassword('pia@example.com');
    const chat = new Person(engine, 'pia-phone');
    await chat.say('/login');
    await chat.say('pia@example.com');
    expect(await chat.press('oldrun.yes')).toMatch(/This button has expired[\s\S]*\(secret\)$/);
    expect(await chat.say(GOOD_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*Welcome back/);
  });

  it('asks again, hidden, after a wrong current password, a mismatch and an expired staged password', async () => {
    await accountWithPassword('quinn@example.com', 'quinn-phone');
    const chat = new Person(engine, 'quinn-phone');
    await chat.say('/password');
    expect(await chat.say('wrong-Current-01')).toMatch(/not your current password[\s\S]*\(secret\)$/);
    expect(await chat.say('/help')).toMatch(/current password\? \(secret\)$/);
    await chat.say(GOOD_PASSWORD);
    await chat.say(NEW_PASSWORD);
    expect(await chat.say(TYPO)).toMatch(/differ[\s\S]*new password[\s\S]*\(secret\)$/);
    await chat.say(NEW_PASSWORD);
    await sql`update staged_passwords set expires_at = now() - interval '1 second'`;
    expect(await chat.say(NEW_PASSWORD)).toMatch(/did not keep your new password[\s\S]*\(secret\)$/);
    expect(await chat.say(NEW_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*once more\. \(secret\)$/);
    expect(await chat.say('/profile')).toMatch(/once more\. \(secret\)$/);
    expect(await chat.say(NEW_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*Log out your other chats/);
  });

  it('never shows a secret prompt in a group, where a command answered privately came from', async () => {
    await accountWithPassword('vic@example.com', 'vic-phone');
    const chat = new Person(engine, 'vic-phone');
    await chat.say('/password');
    const fromGroup = await engine.handle({
      platform: 'telegram',
      sender: { externalId: 'vic-phone', username: 'vic', displayName: 'Vic', privateChatId: 'vic-phone' },
      chat: { id: 'team-room', isPrivate: false },
      messageId: '1',
      command: { name: 'profile', args: '' },
    });
    expect(fromGroup.some((r) => r.type === 'secretPrompt')).toBe(false);
    expect(await chat.say(GOOD_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*new password/);
  });

  it('asks again, hidden, when an earlier button of a claim is tapped during its password step', async () => {
    const invite = await createAdminInvite(store);
    const chat = new Person(engine, 'wren-phone');
    await chat.say(`/start ${invite.payload}`);
    await chat.say('Wren');
    const skip = chat.last.flatMap((r) => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []))[0]!;
    expect(await chat.tap('Skip')).toMatch(/choose a password[\s\S]*\(secret\)$/);
    expect(await chat.press(skip.action)).toMatch(/choose a password[\s\S]*\(secret\)$/);
    expect(await chat.say(NEW_PASSWORD)).toMatch(/^\(message deleted\)\n[\s\S]*once more\. \(secret\)$/);
  });

  it('takes a password typed after its step expired for what it may be: not used, and deleted', async () => {
    await accountWithPassword('ivy@example.com');
    const shortLived = testEngine(store, sessions, { sessionTtlSeconds: 1 });
    const chat = new Person(shortLived, 'ivy-phone');
    await chat.say('/login');
    expect(await chat.say('ivy@example.com')).toMatch(endsWithSecretPrompt);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const late = await chat.say(GOOD_PASSWORD);
    expect(late).toMatch(/^\(message deleted\)\nThat step expired, so I didn't use what you just sent/);
    expect(
      await store.identities.getUserByIdentity({ platform: 'telegram', externalId: 'ivy-phone' }),
    ).toBeUndefined();
    // Only the first text after the expiry is taken for a password; the chat then goes on as usual.
    expect(await chat.say('hello')).not.toMatch(/message deleted/);
  });
});
