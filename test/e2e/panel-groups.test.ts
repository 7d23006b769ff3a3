import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { withBothPlatforms } from '../support/platforms.js';
import { linkChat, seedUser } from '../support/seed.js';
import { readable as slackReadable, SlackUser } from '../support/slack-user.js';
import { readable, TelegramUser } from '../support/telegram-user.js';
import type { TelegramCall } from '../fakes/telegram-server.js';
import { addToGroup, createGroup } from '../../src/domain/groups.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const platforms = withBothPlatforms(testEngine(store, sessions), pino({ level: 'silent' }));
const { telegram, slack } = platforms;

const olivia = await seedUser(store, { role: 'admin', name: 'Olivia', email: 'olivia@example.com' });
await linkChat(store, olivia, '31');
await linkChat(store, olivia, 'T1:UOLIVIA', 'slack');
const robert = await seedUser(store, { name: 'Robert', email: 'robert@example.com' });
await linkChat(store, robert, '32');
const carla = await seedUser(store, { name: 'Carla', email: 'carla@example.com' });
await linkChat(store, carla, 'T1:UCARLA', 'slack');
for (const name of ['Field Sales', 'Design', 'Engineering'])
  await createGroup(store, { actorId: olivia.id, name });
await addToGroup(store, { actorId: olivia.id, groupName: 'Design', userId: robert.id });

type Keyboard = { inline_keyboard?: { text: string; callback_data?: string }[][] } | undefined;
const keyboardOf = (markup: unknown) =>
  ((markup as Keyboard)?.inline_keyboard ?? []).map((row) => row.map((b) => b.text));
const callbackData = (calls: TelegramCall[]) =>
  calls
    .flatMap((c) => ((c.params.reply_markup as Keyboard)?.inline_keyboard ?? []).flat())
    .map((b) => b.callback_data ?? '');
const edits = (calls: TelegramCall[]) => calls.filter((c) => c.method.startsWith('editMessage'));
const sent = (calls: TelegramCall[]) => calls.filter((c) => c.method === 'sendMessage');
const groupsOf = (userId: string) => store.groups.listUserGroupNames(userId);

describe("the person panel's groups on Telegram", () => {
  it('are toggled on the card in place, ticked from the groups the person is in, and saved on Done', async () => {
    const admin = new TelegramUser(platforms.bot.bot, telegram, 31, 'Olivia');
    await admin.say('/user robert@example.com');
    const card = telegram.lastMessageIn(31)!;
    expect(card.text).toMatch(/\nGroups: Design\n/);

    await admin.tap('Groups');
    expect(sent(admin.lastCalls)).toEqual([]);
    expect(edits(admin.lastCalls).map((c) => c.params.message_id)).toEqual([card.messageId]);
    expect(card.text).toBe(
      'Which groups should Robert be in? Selected: Design. Tap groups to select or unselect them, then Done; ' +
        'or send all the names, separated by commas.',
    );
    expect(keyboardOf(card.replyMarkup)).toEqual([
      ['✓ Design', 'Engineering'],
      ['Field Sales'],
      ['Done', 'Cancel'],
    ]);

    await admin.tap('Engineering');
    await admin.tap('✓ Design');
    expect(card.text).toMatch(/^Which groups should Robert be in\? Selected: Engineering\. /);
    expect(keyboardOf(card.replyMarkup)).toEqual([
      ['Design', '✓ Engineering'],
      ['Field Sales'],
      ['Done', 'Cancel'],
    ]);
    expect(await groupsOf(robert.id)).toEqual(['Design']);
    for (const data of callbackData(telegram.calls)) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);

    const from = telegram.calls.length;
    await admin.tap('Done');
    expect(sent(admin.lastCalls).filter((c) => String(c.params.chat_id) === '31')).toEqual([]);
    expect(card.text).toMatch(
      /^Robert <robert@example\.com>\nRole: member\nStatus: Active\nGroups: Engineering\n[\s\S]*\n\n✓ Groups of Robert: Engineering\. \(by Olivia\)$/,
    );
    expect(await groupsOf(robert.id)).toEqual(['Engineering']);
    await vi.waitFor(() =>
      expect(readable(telegram.calls.slice(from).filter((c) => String(c.params.chat_id) === '32'))).toBe(
        'Olivia changed your groups: you are now in Engineering. Your groups decide which agents you can use.',
      ),
    );
    await admin.tap('Done');
  });
});

describe("the person panel's groups on Slack", () => {
  it('are toggled in the replaced message and saved on Done', async () => {
    const admin = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UOLIVIA');
    expect(await admin.command('user carla@example.com')).toMatch(/\nGroups: none\n/);

    const from = slack.calls.length;
    expect(await admin.click('Groups')).toBe(
      'Which groups should Carla be in? None selected yet. Tap groups to select or unselect them, then Done; ' +
        'or send all the names, separated by commas. [Design] [Engineering] [Field Sales] [Done] [Cancel]',
    );
    expect(slack.since(from, 'respond').map((c) => c.body.replace_original)).toEqual([true]);
    expect(await admin.click('Field Sales')).toMatch(
      /Selected: Field Sales\. [\s\S]*\[Design\] \[Engineering\] \[✓ Field Sales\]/,
    );
    expect(await admin.click('Design')).toMatch(
      /Selected: Field Sales, Design\. [\s\S]*\[✓ Design\] \[Engineering\] \[✓ Field Sales\]/,
    );
    expect(await groupsOf(carla.id)).toEqual([]);

    const done = slack.calls.length;
    await admin.click('Done');
    expect(slackReadable(slack.since(done, 'respond'))).toMatch(
      /^Carla <carla@example\.com>\nRole: member\nStatus: Active\nGroups: Design, Field Sales\n[\s\S]*✓ Groups of Carla: Design, Field Sales\. \(by Olivia\) \[Make admin\]/,
    );
    expect(slack.since(done, 'chat.postMessage').filter((c) => c.body.channel === 'DUOLIVIA')).toEqual([]);
    expect(await groupsOf(carla.id)).toEqual(['Design', 'Field Sales']);
    await admin.click('Done');
  });
});
