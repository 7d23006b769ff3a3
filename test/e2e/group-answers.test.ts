import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { withBothPlatforms } from '../support/platforms.js';
import { linkChat, seedUser } from '../support/seed.js';
import { SlackUser } from '../support/slack-user.js';
import { readable, TelegramUser } from '../support/telegram-user.js';
import type { TelegramCall } from '../fakes/telegram-server.js';
import { createInvites } from '../../src/domain/invites.js';

const GROUP = -100777;
const NOTICE = "I've sent you the details in a private message.";
const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const platforms = withBothPlatforms(testEngine(store, sessions), pino({ level: 'silent' }));
const { telegram, slack } = platforms;

const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, '11');
await linkChat(store, admin, 'T1:UADA', 'slack');
await seedUser(store, { name: 'Bob', email: 'bob@example.com' });
await createInvites(store, {
  actorId: admin.id,
  emails: ['carol@example.com'],
  role: 'member',
  groupNames: [],
});

function inChat(calls: TelegramCall[], chatId: number): TelegramCall[] {
  return calls.filter((c) => String(c.params.chat_id) === String(chatId));
}

describe('admin output asked for in a Telegram group', () => {
  const ada = () => new TelegramUser(platforms.bot.bot, telegram, 11, 'Ada');

  it.each([
    ['/users', /Bob · bob@example\.com/],
    ['/user bob@example.com', /Bob &lt;bob@example\.com&gt;[\s\S]*\[Reset password link\]/],
    ['/deactivate bob@example.com', /Deactivate Bob &lt;bob@example\.com&gt;\?/],
    ['/invites', /carol@example\.com/],
    ['/audit', /user\.invited/],
    ['/profile', /Ada &lt;ada@example\.com&gt;/],
  ])('answers %s in the private chat and only says so in the group', async (command, content) => {
    const asker = ada();
    await asker.say(command, GROUP);
    expect(readable(inChat(asker.lastCalls, 11))).toMatch(content);
    expect(readable(inChat(asker.lastCalls, GROUP))).toBe(NOTICE);
  });

  it('sends /export as a file to the private chat', async () => {
    const asker = ada();
    await asker.say('/export', GROUP);
    const files = asker.lastCalls.filter((c) => c.method === 'sendDocument');
    expect(files.map((c) => String(c.params.chat_id))).toEqual(['11']);
    expect(readable(inChat(asker.lastCalls, GROUP))).toBe(NOTICE);
  });

  it("runs a person's panel asked for in a group in the private chat, where its buttons work", async () => {
    const asker = ada();
    await asker.say('/user bob@example.com', GROUP);
    expect(await asker.tap('Groups', 11)).toMatch(/Which groups should Bob be in\?/);
    expect(inChat(asker.lastCalls, GROUP)).toEqual([]);
    expect(await asker.tap('Cancel', 11)).toMatch(/Bob &lt;bob@example\.com&gt;/);
  });

  it.each([
    ['/users', 'sendMessage'],
    ['/user bob@example.com', 'sendMessage'],
    ['/export', 'sendDocument'],
  ])(
    'gives the group only a button to the private chat when %s cannot be sent there',
    async (command, method) => {
      telegram.failNext(
        method,
        { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" },
        (params) => String(params.chat_id) === '11',
      );
      const asker = ada();
      await asker.say(command, GROUP);
      const group = inChat(asker.lastCalls, GROUP);
      expect(readable(group)).toMatch(/cannot message you privately yet[\s\S]*\[Open a private chat\]/);
      expect(JSON.stringify(group)).not.toMatch(/@example\.com|Reset password/);
    },
  );
});

describe('admin output asked for in a Slack channel', () => {
  it('stays ephemeral: nothing is posted to the channel, and the panel works there', async () => {
    const ada = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UADA');
    const from = slack.calls.length;
    expect(await ada.command('users', 'CGENERAL')).toMatch(/Bob · bob@example\.com/);
    expect(await ada.command('user bob@example.com', 'CGENERAL')).toMatch(/\[Reset password link\]/);
    expect(await ada.click('Groups')).toMatch(/Which groups should Bob be in\?/);
    const calls = slack.since(from);
    expect(calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'CGENERAL')).toEqual([]);
    const responses = calls.filter((c) => c.method === 'respond');
    expect(responses.length).toBeGreaterThanOrEqual(3);
    expect(responses.every((c) => c.body.response_type === 'ephemeral')).toBe(true);
  });
});
