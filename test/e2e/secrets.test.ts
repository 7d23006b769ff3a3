import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { SlackUser } from '../support/slack-user.js';
import { TelegramUser } from '../support/telegram-user.js';
import { withBothPlatforms } from '../support/platforms.js';
import { createLogger } from '../../src/log.js';
import { createSetupInvite } from '../../src/domain/invites.js';

/**
 * The whole life of two accounts on both platforms, with every log line (at trace level), every
 * message the bot sent and every session snapshot kept, then searched for the secrets used: no
 * password anywhere, and each token only in the one message to the admin who asked for it.
 */

const PASSWORDS = {
  weak: 'password1234',
  ada: 'violet-Harbor-Lantern-42',
  bob: 'amber-Quarry-Falcon-77',
  bobChanged: 'cobalt-Meadow-Trumpet-19',
  bobReset: 'silver-Canyon-Walrus-63',
};

const { sql, store } = await createTestDatabase();
const stored = testSessions(sql);
const sessions = stored.open();
const logLines: string[] = [];
const log = createLogger('trace', { destination: { write: (line: string) => void logLines.push(line) } });
const engine = testEngine(store, sessions, {}, log);
const platforms = withBothPlatforms(engine, log);
const { telegram, slack } = platforms;
const snapshots: string[] = [];

/** Every value the session store holds for this file, as text. */
async function snapshot(): Promise<void> {
  snapshots.push(...(await stored.dump()));
}

function payloadIn(text: string): string {
  const match = /start=([A-Za-z0-9_-]+)/.exec(text) ?? /\b([ir]_[A-Za-z0-9_-]{20,})/.exec(text);
  if (!match?.[1]) throw new Error(`no link in:\n${text}`);
  return match[1];
}

describe('secrets', () => {
  it('never appear in logs, messages or sessions, except each link in the message to its admin', async () => {
    const ada = new TelegramUser(platforms.bot.bot, telegram, 71, 'Ada');
    const bob = new TelegramUser(platforms.bot.bot, telegram, 72, 'Bob');
    const carol = new TelegramUser(platforms.bot.bot, telegram, 73, 'Carol');
    const step = async (said: Promise<string>) => {
      const reply = await said;
      await snapshot();
      return reply;
    };

    const setup = await createSetupInvite(store);
    await step(ada.say(`/start ${setup.payload}`));
    await step(ada.say('Ada'));
    await step(ada.say('ada@example.com'));
    expect(await step(ada.say(PASSWORDS.weak))).toMatch(/common or breached/);
    expect(await step(ada.say(PASSWORDS.ada))).toMatch(/once more/);
    expect(await step(ada.say(PASSWORDS.ada))).toMatch(/Your account is ready/);
    await step(ada.say('/skip'));

    await step(ada.say('/invite bob@example.com member'));
    const inviteMessage = await step(ada.tap('Create'));
    const bobInvite = payloadIn(inviteMessage);
    await step(bob.say(`/start ${bobInvite}`));
    await step(bob.say('Bob'));
    expect(await step(bob.say(PASSWORDS.bob))).toMatch(/once more/);
    expect(await step(bob.say(PASSWORDS.bob))).toMatch(/Your account is ready/);
    await step(bob.say('/skip'));

    await step(bob.say('/password'));
    await step(bob.say(PASSWORDS.bob));
    await step(bob.say(PASSWORDS.bobChanged));
    expect(await step(bob.say(PASSWORDS.bobChanged))).toMatch(/Log out your other chats too/);
    expect(await step(bob.tap('No'))).toMatch(/changed/i);

    const resetMessage = await step(ada.say('/resetpassword bob@example.com'));
    const bobReset = payloadIn(resetMessage);
    await step(bob.say(`/start ${bobReset}`));
    expect(await step(bob.say(PASSWORDS.bobReset))).toMatch(/once more/);
    expect(await step(bob.say(PASSWORDS.bobReset))).toMatch(/Your new password is set/);

    await step(carol.say('/login'));
    await step(carol.say('bob@example.com'));
    expect(await step(carol.say('wrong-Guess-0000'))).toMatch(/do not match/);
    await step(carol.say('/login'));
    await step(carol.say('bob@example.com'));
    expect(await step(carol.say(PASSWORDS.bobReset))).toMatch(/Welcome back/);

    const slackAda = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UADA');
    await step(slackAda.command('login'));
    await step(slackAda.dmText('ada@example.com'));
    await slackAda.click('Enter it privately');
    expect((await slackAda.submitSecret(PASSWORDS.ada)).replies).toMatch(/Welcome back/);
    await snapshot();
    const slackInvite = await step(slackAda.command('invite dan@example.com member'));
    expect(slackInvite).toMatch(/Invite dan@example\.com/);
    const slackLink = payloadIn(await step(slackAda.click('Create')));

    const messages = [
      ...telegram.calls.map((c) => JSON.stringify(c.params)),
      ...slack.calls.map((c) => JSON.stringify(c.body)),
    ];
    const everything = {
      logs: logLines.join('\n'),
      messages: messages.join('\n'),
      sessions: snapshots.join('\n'),
    };
    expect(logLines.length).toBeGreaterThan(20);
    expect(snapshots.length).toBeGreaterThan(20);
    for (const [where, text] of Object.entries(everything))
      for (const [which, password] of Object.entries(PASSWORDS))
        expect(text.includes(password), `${which} password in ${where}`).toBe(false);

    for (const [which, payload] of Object.entries({ bobInvite, bobReset, slackLink })) {
      const token = payload.slice(2);
      expect(everything.logs.includes(token), `${which} in logs`).toBe(false);
      expect(everything.sessions.includes(token), `${which} in sessions`).toBe(false);
      const carriers = messages.filter((m) => m.includes(token));
      expect(carriers, `${which} in messages`).toHaveLength(1);
    }
    const toAda = (m: string) =>
      m.includes('"chat_id":71') || m.includes('"channel":"DUADA"') || m.includes('UADA');
    expect(messages.filter((m) => m.includes(bobInvite.slice(2))).every(toAda)).toBe(true);
    expect(messages.filter((m) => m.includes(bobReset.slice(2))).every(toAda)).toBe(true);
  });
});
