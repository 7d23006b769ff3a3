import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { withBothPlatforms } from '../support/platforms.js';
import { SlackUser } from '../support/slack-user.js';
import { TelegramUser } from '../support/telegram-user.js';
import { GOOD_PASSWORD, seedUser } from '../support/seed.js';
import { hashPassword } from '../../src/domain/passwords.js';

/**
 * A password step recovered through the real adapters: after a wrong /login password, and after a
 * command typed while the bot waits for the password, the next password is still taken hidden.
 */

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, testSessions(sql).open());
const platforms = withBothPlatforms(engine, pino({ level: 'silent' }));

async function account(email: string): Promise<void> {
  const user = await seedUser(store, { email });
  await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
}

describe('password steps over the real adapters', () => {
  it('on Telegram, deletes the password typed after a wrong one and after /help, and takes it', async () => {
    const { telegram } = platforms;
    await account('rita@example.com');
    const rita = new TelegramUser(platforms.bot.bot, telegram, 81, 'Rita');
    const deleted = () => ({
      method: 'deleteMessage',
      params: { chat_id: 81, message_id: rita.lastMessageId },
    });

    await rita.say('/login');
    expect(await rita.say('rita@example.com')).toMatch(/Your password\?[\s\S]*delete/);
    const wrong = await rita.say('wrong-Guess-0001');
    expect(rita.lastCalls).toContainEqual(deleted());
    expect(wrong).toMatch(/do not match[\s\S]*Your password\?/);
    expect(wrong).not.toMatch(/email address\?/);

    const help = await rita.say('/help');
    expect(help).toMatch(/\/login/);
    expect(help.trimEnd()).toMatch(/Your password\?[^\n]*\n*[^\n]*delete[^\n]*$/);
    const welcomed = await rita.say(GOOD_PASSWORD);
    expect(rita.lastCalls[0]).toEqual(deleted());
    expect(welcomed).toMatch(/Welcome back/);
  });

  it('on Slack, offers the private form again after a wrong password and after help', async () => {
    await account('sam@example.com');
    const sam = new SlackUser(platforms.slack, platforms.slackEventsUrl, 'T1', 'USAM');
    await sam.command('login');
    expect(await sam.dmText('sam@example.com')).toMatch(/Enter it privately/);
    await sam.click('Enter it privately');
    expect((await sam.submitSecret('wrong-Guess-0002')).replies).toMatch(
      /do not match[\s\S]*Enter it privately/,
    );
    expect(await sam.command('help')).toMatch(/Your password\?[\s\S]*\[Enter it privately\]$/);
    await sam.click('Enter it privately');
    expect((await sam.submitSecret(GOOD_PASSWORD)).replies).toMatch(/Welcome back/);
  });
});
