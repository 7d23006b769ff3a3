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
import { createGroup } from '../../src/domain/groups.js';
import { createInvites } from '../../src/domain/invites.js';
import { changeRole } from '../../src/domain/users.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const platforms = withBothPlatforms(
  testEngine(store, sessions, { teamName: 'Acme Robotics' }),
  pino({ level: 'silent' }),
);
const { telegram, slack } = platforms;

const olivia = await seedUser(store, { role: 'admin', name: 'Olivia', email: 'olivia@example.com' });
await linkChat(store, olivia, '31');
await linkChat(store, olivia, 'T1:UOLIVIA', 'slack');
const robert = await seedUser(store, { name: 'Robert', email: 'robert@example.com' });
await linkChat(store, robert, '32');
const carla = await seedUser(store, { name: 'Carla', email: 'carla@example.com' });
await linkChat(store, carla, 'T1:UCARLA', 'slack');
await sql`update users set locale = 'de' where id = ${carla.id}`;

const edits = (calls: TelegramCall[]) => calls.filter((c) => c.method.startsWith('editMessage'));
const sent = (calls: TelegramCall[]) => calls.filter((c) => c.method === 'sendMessage');
const toChat = (chatId: number) => (c: TelegramCall) => String(c.params.chat_id) === String(chatId);

describe('a card on Telegram', () => {
  const admin = () => new TelegramUser(platforms.bot.bot, telegram, 31, 'Olivia');

  it('is edited in place on each tap, says what was done and by whom, and the person is told', async () => {
    const asker = admin();
    await asker.say('/user robert@example.com');
    const [panel] = sent(asker.lastCalls);
    const card = telegram.lastMessageIn(31)!;
    expect(card.text).toBe(String(panel!.params.text).replace(/&lt;/g, '<').replace(/&gt;/g, '>'));

    await asker.tap('Make admin');
    expect(card.text).toMatch(/^Make Robert <robert@example\.com> an admin\?/);
    expect(sent(asker.lastCalls)).toEqual([]);
    expect(edits(asker.lastCalls).map((c) => c.params.message_id)).toEqual([card.messageId]);

    const from = telegram.calls.length;
    await asker.tap('Yes, make admin');
    expect(sent(asker.lastCalls).filter(toChat(31))).toEqual([]);
    expect(card.text).toMatch(
      /^Robert <robert@example\.com>\nRole: admin[\s\S]*\n\n✓ Robert is now an admin\. \(by Olivia\)$/,
    );
    expect(readable(asker.lastCalls)).toMatch(/\[Make member\]/);
    await vi.waitFor(() =>
      expect(readable(telegram.calls.slice(from).filter(toChat(32)))).toBe(
        'Olivia made you an admin. You can now invite people, change roles and groups, and read the audit trail; send /help to see how.',
      ),
    );

    await asker.tap('Done');
    expect(sent(asker.lastCalls)).toEqual([]);
    expect(card.text).toMatch(/\n\n✓ Robert is now an admin\. \(by Olivia\)\n\n✓ Done\. \(by Olivia\)$/);
    expect(card.replyMarkup).toBeUndefined();
  });

  it("loses a stale button's keyboard instead of answering it with an error", async () => {
    const asker = admin();
    await asker.say('/user robert@example.com');
    const older = telegram.lastMessageIn(31)!;
    await asker.say('/user robert@example.com');
    const groups = asker.lastCalls
      .flatMap(
        (c) =>
          (c.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)
            ?.inline_keyboard ?? [],
      )
      .flat()
      .find((b) => b.text === 'Groups') as { callback_data: string } | undefined;
    const stale = (older.replyMarkup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard[0]![1]!;
    expect(stale.callback_data).not.toBe(groups?.callback_data);

    await asker.press(stale.callback_data, 31, older);
    expect(sent(asker.lastCalls)).toEqual([]);
    expect(edits(asker.lastCalls).map((c) => c.method)).toEqual(['editMessageReplyMarkup']);
    expect(older.replyMarkup).toBeUndefined();
    await asker.say('/cancel');
  });

  it('sends a reset link straight to the person when the bot reaches them, never showing it to the admin', async () => {
    const asker = admin();
    await asker.say('/user robert@example.com');
    const card = telegram.lastMessageIn(31)!;
    const from = telegram.calls.length;
    await asker.tap('Send reset link to Robert');
    expect(card.text).toMatch(
      /\n\n✓ I sent Robert a new password reset link in a private message; it works once, for 7 days\. \(by Olivia\)$/,
    );
    const toOlivia = telegram.calls.slice(from).filter(toChat(31));
    expect(JSON.stringify(toOlivia)).not.toMatch(/start=r_/);
    expect(readable(telegram.calls.slice(from).filter(toChat(32)))).toMatch(
      /^Olivia sent you a link to choose a new password\. It works once, for 7 days:\n {2}Telegram: https:\/\/t\.me\/gatehouse_test_bot\?start=r_[\w-]+\n/,
    );
    await asker.tap('Done');

    await seedUser(store, { name: 'Nora', email: 'nora@example.com' });
    expect(await asker.say('/user nora@example.com')).not.toMatch(/Send reset link/);
    await asker.say('/cancel');
  });

  it('crosses out in the footer what a tap could not do', async () => {
    const paula = await seedUser(store, { name: 'Paula', email: 'paula@example.com' });
    const asker = admin();
    await asker.say('/user paula@example.com');
    const card = telegram.lastMessageIn(31)!;
    await asker.tap('Make admin');
    await changeRole(store, { actorId: olivia.id, userId: paula.id, role: 'admin' });
    await asker.tap('Yes, make admin');
    expect(card.text).toMatch(/\nRole: admin[\s\S]*\n\n✗ Paula is already an admin\. \(by Olivia\)$/);
    await asker.tap('Done');
  });

  it('says the button expired where the card cannot be changed any more', async () => {
    expect(await admin().press('zzzz.role')).toMatch(/This button has expired/);
  });
});

describe('a card on Slack', () => {
  it('is replaced in place on each tap, and the person is told in their own language', async () => {
    const admin = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UOLIVIA');
    await admin.command('user carla@example.com');
    const from = slack.calls.length;
    expect(await admin.click('Deactivate')).toMatch(/^Deactivate Carla <carla@example\.com>\?/);
    const replaced = slack.since(from).filter((c) => c.method === 'respond');
    expect(replaced.map((c) => c.body.replace_original)).toEqual([true]);
    expect(slack.since(from, 'chat.postMessage')).toEqual([]);

    const yes = slack.calls.length;
    await admin.click('Yes, deactivate');
    expect(slackReadable(slack.since(yes, 'respond'))).toMatch(
      /^Carla <carla@example\.com>\nRole: member\nStatus: Deactivated[\s\S]*✓ Carla is deactivated\. \(by Olivia\) \[Reactivate\]/,
    );
    expect(slack.since(yes, 'chat.postMessage').filter((c) => c.body.channel === 'DUOLIVIA')).toEqual([]);
    await vi.waitFor(() => {
      const opened = slack.since(yes, 'conversations.open').map((c) => c.body.users);
      expect(opened).toContain('UCARLA');
      expect(
        slackReadable(slack.since(yes, 'chat.postMessage').filter((c) => c.body.channel === 'DUCARLA')),
      ).toBe(
        'Olivia hat dein Konto deaktiviert. Mit /gatehouse export kannst du weiterhin deine Daten holen oder mit /gatehouse deleteme dein Konto löschen; für alles andere wende dich an einen Admin.',
      );
    });
  });

  it('tells a person whose groups a command changed', async () => {
    await createGroup(store, { actorId: olivia.id, name: 'Engineering' });
    const admin = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UOLIVIA');
    const from = slack.calls.length;
    expect(await admin.command('group add Engineering robert@example.com')).toMatch(
      /Robert's groups: Engineering\./,
    );
    await vi.waitFor(() =>
      expect(readable(telegram.calls.filter(toChat(32)).slice(-1))).toBe(
        'Olivia changed your groups: you are now in Engineering. Your groups decide which agents you can use.',
      ),
    );
    expect(slack.since(from, 'conversations.open')).toEqual([]);
  });

  it("keeps a stale card's words and takes its buttons away", async () => {
    const admin = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UOLIVIA');
    await admin.command('user robert@example.com');
    const older = slack.calls.at(-1)!;
    await admin.command('user robert@example.com');
    const blocks = older.body.blocks as {
      type: string;
      elements?: { type: string; action_id: string; value: string; text: { text: string } }[];
    }[];
    const button = blocks.flatMap((b) => b.elements ?? [])[0]!;
    const from = slack.calls.length;
    await admin.pressRaw(button.action_id, button.value, 'DUOLIVIA', { ts: '1.000', blocks });
    const [replaced, ...more] = slack.since(from);
    expect(more).toEqual([]);
    expect(replaced!.body.replace_original).toBe(true);
    expect(replaced!.body.blocks).toEqual(blocks.filter((b) => b.type !== 'actions'));
    await admin.command('cancel');
  });
});

describe('an invite', () => {
  it("greets with the inviter's name, the team and the groups", async () => {
    await createGroup(store, { actorId: olivia.id, name: 'Design' });
    const [invite] = await createInvites(store, {
      actorId: olivia.id,
      emails: ['nina@example.com'],
      role: 'member',
      groupNames: ['Design'],
    });
    const nina = new TelegramUser(platforms.bot.bot, telegram, 41, 'Nina');
    expect(await nina.say(`/start ${invite!.payload}`)).toBe(
      "Olivia invited you to Acme Robotics. Your groups there: Design. Let's set up your account.\n\nWhat should we call you? (your name, up to 100 characters)",
    );
  });
});
