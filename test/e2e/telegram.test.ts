import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { readable, TelegramUser } from '../support/telegram-user.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/bot.js';
import { engineDirectory } from '../../src/adapters/telegram/menus.js';
import { listen } from '../../src/http/server.js';
import { createSetupInvite } from '../../src/domain/invites.js';
import { createGroup } from '../../src/domain/groups.js';
import { linkChat, seedUser } from '../support/seed.js';
import { SUPPORTED_LOCALES } from '../../src/i18n/locales.js';

const GOOD = 'violet-Harbor-Lantern-42';
const GROUP = -100123;
const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const telegram = new FakeTelegram();
const log = pino({ level: 'silent' });
const TOKEN = '123456:TEST-token-abcdefghijklmnop';
/** Telegram's pace (1 message/s per chat) would make the story take minutes; order per chat is kept. */
const throttle = { global: {}, group: { maxConcurrent: 1 }, out: { maxConcurrent: 1 } };
let adapter: TelegramAdapter;

/** A menu is set (or taken back) once per language we speak. */
function inEveryLanguage(method: string): string[] {
  return SUPPORTED_LOCALES.map(() => method);
}

function menuCalls(from: number, chatId: number): string[] {
  return telegram.calls
    .slice(from)
    .filter((c) => /^(set|delete)MyCommands$/.test(c.method))
    .filter((c) => (c.params.scope as { chat_id?: number } | undefined)?.chat_id === chatId)
    .map((c) => c.method);
}

beforeAll(async () => {
  await telegram.start();
  adapter = createTelegramAdapter(engine, {
    token: TOKEN,
    apiRoot: telegram.url,
    log,
    maxRetries: 2,
    throttle,
    directory: engineDirectory(engine),
  });
  await adapter.init();
});
afterAll(async () => {
  await telegram.stop();
});

describe('Gatehouse over Telegram', () => {
  it('runs the story with taps and short answers, deleting every password message', async () => {
    const ada = new TelegramUser(adapter.bot, telegram, 11, 'Ada <b>');
    const bob = new TelegramUser(adapter.bot, telegram, 22, 'Bob');
    const setup = await createSetupInvite(store);

    expect(await ada.say(`/start ${setup.payload}`)).toMatch(
      /invited to Gatehouse as an admin[\s\S]*What should we call you/,
    );
    expect(await ada.say('Ada <b>')).toMatch(/email address[\s\S]*\[Skip\]/);
    expect(await ada.tap('Skip')).toMatch(/choose a password[\s\S]*I delete that message/);
    const refused = await ada.say('password1234');
    expect(telegram.calls).toContainEqual({
      method: 'deleteMessage',
      params: { chat_id: 11, message_id: ada.lastMessageId },
    });
    expect(refused).toMatch(/I deleted your message with the password[\s\S]*common or breached/);
    expect(await ada.say(GOOD)).toMatch(/I deleted your message with the password[\s\S]*once more/);
    const menusBefore = telegram.calls.length;
    const accepted = await ada.say(GOOD);
    expect(menuCalls(menusBefore, 11)).toEqual(inEveryLanguage('setMyCommands'));
    expect(ada.lastCalls[0]).toEqual({
      method: 'deleteMessage',
      params: { chat_id: 11, message_id: ada.lastMessageId },
    });
    expect(accepted).toMatch(/Your account is ready/);
    await ada.say('/skip');

    expect(await ada.say('/invite bob@example.com member', GROUP)).toMatch(
      /Invite bob@example\.com as member/,
    );
    await ada.tap('Create', GROUP);
    const toAda = ada.lastCalls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === 11);
    const toGroup = ada.lastCalls.filter((c) => c.method === 'sendMessage' && c.params.chat_id === GROUP);
    const link = String(toAda[0]?.params.text).match(/start=(i_[A-Za-z0-9_-]{43})/)?.[1];
    expect(link).toBeDefined();
    expect(JSON.stringify(toGroup)).not.toContain(link!);
    expect(JSON.stringify(toGroup)).toMatch(/sent you the details in a private message/);

    expect(await bob.say(`/start ${link}`)).toMatch(/What should we call you/);
    await bob.say('Bob');
    await bob.say(GOOD);
    expect(await bob.say(GOOD)).toMatch(/Your account is ready/);
    await bob.say('/skip');
    expect(await bob.say('/agents')).toMatch(/Smithers \(yours\)/);
    expect(await bob.say('/invites')).toMatch(/Only admins/);
    await ada.say('/audit export');
    const csv = ada.lastCalls.find((c) => c.method === 'sendDocument')?.params;
    expect(csv).toMatchObject({ chat_id: '11', document: { filename: expect.stringMatching(/\.csv$/) } });
    expect(JSON.stringify(csv)).toContain('user.claimed');
    expect(await ada.say('/role bob@example.com admin')).toMatch(
      /Make Bob &lt;bob@example\.com&gt; an admin\?/,
    );
    const promoted = telegram.calls.length;
    expect(await ada.tap('Yes, make admin')).toMatch(/Bob is now an admin/);
    expect(menuCalls(promoted, 22)).toEqual(inEveryLanguage('setMyCommands'));
    expect(await bob.say('/invites')).toMatch(/Invites/);
    await ada.say('/role bob@example.com member');
    const demoted = telegram.calls.length;
    expect(await ada.tap('Yes, make member')).toMatch(/now a member/);
    expect(menuCalls(demoted, 22)).toEqual(inEveryLanguage('deleteMyCommands'));
    await ada.say('/deactivate bob@example.com');
    expect(await ada.tap('Yes, deactivate')).toMatch(/Bob is deactivated/);
    expect(await bob.say('/agents')).toMatch(/deactivated/);
    expect(await ada.say('/reactivate bob@example.com')).toMatch(/active again/);
    expect(await bob.say('/agents')).toMatch(/Smithers/);

    expect(JSON.stringify(telegram.calls)).not.toContain(GOOD);
    const html = JSON.stringify(telegram.calls.filter((c) => c.method === 'sendMessage'));
    expect(html).toContain('Ada &lt;b&gt;');
    expect(html).not.toContain('Ada <b>');
  });

  it('creates a group with a quoted multi-word name and refuses the unquoted one, creating nothing', async () => {
    const olga = await seedUser(store, { role: 'admin', name: 'Olga' });
    await linkChat(store, olga, '707');
    const chat = new TelegramUser(adapter.bot, telegram, 707, 'Olga');
    // As sent, in Telegram's HTML: the quotes are escaped.
    expect(await chat.say('/group create Sales Team')).toMatch(
      /^Group names with spaces go in quotes, like \/group create &quot;Sales Team&quot;\. Usage: \/group /,
    );
    expect(await store.groups.getGroupsByNames(['Sales'])).toEqual([]);
    expect(await chat.say('/group create “Sales Team”')).toBe('Group Sales Team is created.');
  });

  it('shows an admin help grouped by purpose with buttons for the everyday actions, which run', async () => {
    const hana = await seedUser(store, { role: 'admin', name: 'Hana' });
    await linkChat(store, hana, '808');
    const chat = new TelegramUser(adapter.bot, telegram, 808, 'Hana');
    const help = await chat.say('/help');
    expect(help).toMatch(/^What you can do \(admin\):\n\nYour account\n\/profile — /);
    expect(help).toMatch(/\n\nInvites\n\/invite — [\s\S]*\n\nPeople\n[\s\S]*\n\nLeaving\n\/export — /);
    expect(help).not.toMatch(/\/claim|\/login/);
    expect(help).toMatch(/\[Invite someone\] \[People\] \[Agents\] \[My profile\]$/);
    expect(await chat.tap('My profile')).toMatch(/Hana/);
    expect(await chat.say('/help /invite')).toMatch(/^\/invite \[email…\][\s\S]*\nExample: \/invite /);
    expect(await chat.say('/help', GROUP)).not.toMatch(/\[Invite someone\]/);
  });

  it("asks before Make admin in a person's panel, saying what an admin can do, and grants only when confirmed", async () => {
    const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada.confirms@example.com' });
    await linkChat(store, admin, '931');
    const cleo = await seedUser(store, { name: 'Cleo', email: 'cleo@example.com' });
    const roleOf = async () =>
      (await sql<{ role: string }[]>`select role from users where id = ${cleo.id}`)[0]!.role;
    const grants = async () =>
      (
        await sql<
          { n: number }[]
        >`select count(*)::int as n from audit_log where action = 'user.role_updated'`
      )[0]!.n;
    const ada = new TelegramUser(adapter.bot, telegram, 931, 'Ada');
    expect(await ada.say('/user cleo@example.com')).toMatch(/Cleo &lt;cleo@example\.com&gt;/);
    const before = await grants();
    const question = await ada.tap('Make admin');
    expect(question).toMatch(
      /Make Cleo &lt;cleo@example\.com&gt; an admin\? They will be able to invite, change roles and groups, and read the audit trail\./,
    );
    expect(await roleOf()).toBe('member');
    expect(await grants()).toBe(before);
    expect(await ada.tap('Yes, make admin')).toMatch(/Cleo is now an admin/);
    expect(await roleOf()).toBe('admin');
    expect(await grants()).toBe(before + 1);
  });

  it('chooses two groups for an invite with toggle buttons whose data fits Telegram, and creates it', async () => {
    const ivo = await seedUser(store, { role: 'admin', name: 'Ivo' });
    await linkChat(store, ivo, '909');
    await createGroup(store, { actorId: ivo.id, name: 'Night Shift' });
    await createGroup(store, {
      actorId: ivo.id,
      name: 'Field operations and customer onboarding for Western Europe',
    });
    const chat = new TelegramUser(adapter.bot, telegram, 909, 'Ivo');
    await chat.say('/invite');
    await chat.tap('Anyone with the link');
    expect(await chat.tap('Member')).toMatch(/Which groups/);
    const keyboard = chat.lastCalls.flatMap(
      (c) =>
        (c.params.reply_markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)
          ?.inline_keyboard ?? [],
    );
    for (const button of keyboard.flat())
      expect(Buffer.byteLength(button.callback_data ?? '')).toBeLessThanOrEqual(64);
    await chat.tap('Night Shift');
    const toggled = await chat.tap('Field operations and customer onboarding for Western Europe');
    expect(toggled).toContain('[✓ Night Shift]');
    expect(toggled).toContain('[✓ Field operations and customer onboarding for Western Europe]');
    await chat.tap('Done');
    expect(await chat.tap('Defaults')).toMatch(
      /as member in Night Shift, Field operations and customer onboarding for Western Europe/,
    );
    expect(await chat.tap('Create')).toMatch(/only time the link is shown/);
    const groups = await sql<{ name: string }[]>`
      select g.name from invites i join invite_groups ig on ig.invite_id = i.id join groups g on g.id = ig.group_id
      where i.created_by = ${ivo.id} order by g.name`;
    expect(groups.map((g) => g.name)).toEqual([
      'Field operations and customer onboarding for Western Europe',
      'Night Shift',
    ]);
  });

  it('answers a forged button with "expired" and writes nothing', async () => {
    const mallory = new TelegramUser(adapter.bot, telegram, 66, 'Mallory');
    const before = await sql`select count(*)::int as n from audit_log`;
    expect(await mallory.press('zzzz.create')).toMatch(/This button has expired/);
    expect(await sql`select count(*)::int as n from audit_log`).toEqual(before);
    expect(mallory.lastCalls.some((c) => c.method === 'answerCallbackQuery')).toBe(true);
  });

  it('retries a 429 after retry_after', async () => {
    const carol = new TelegramUser(adapter.bot, telegram, 77, 'Carol');
    telegram.failNext('sendMessage', {
      error_code: 429,
      description: 'Too Many Requests: retry after 1',
      parameters: { retry_after: 1 },
    });
    expect(await carol.say('/help')).toMatch(/To get started/);
    expect(carol.lastCalls.filter((c) => c.method === 'sendMessage')).toHaveLength(2);
  });

  it('tells the person to delete the password message when deletion fails', async () => {
    const dan = new TelegramUser(adapter.bot, telegram, 88, 'Dan');
    await dan.say('/login');
    await dan.say('dan@example.com');
    telegram.failNext('deleteMessage', {
      error_code: 400,
      description: 'Bad Request: message can not be deleted',
    });
    expect(await dan.say('some-Password-123')).toMatch(/Please delete it yourself now/);
  });

  it('checks the webhook secret: 401 without it or with a wrong one, and handles the update with it', async () => {
    const hooked = createTelegramAdapter(engine, {
      token: '123456:TEST-token-abcdefghijklmnop',
      apiRoot: telegram.url,
      log,
      webhook: { url: 'https://bot.example.com/telegram/hook', secret: 'the-right-secret-123' },
    });
    const registered = telegram.calls.length;
    await hooked.start();
    expect(telegram.calls.slice(registered)).toContainEqual({
      method: 'setWebhook',
      params: expect.objectContaining({
        url: 'https://bot.example.com/telegram/hook',
        secret_token: 'the-right-secret-123',
      }),
    });
    const server: Server = await listen(0, [hooked.route!], () => undefined);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/hook`;
    const update = JSON.stringify({
      update_id: 9,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 99, type: 'private' },
        from: { id: 99, is_bot: false, first_name: 'Eve' },
        text: '/help',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    });
    const post = (secret?: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
        },
        body: update,
      });
    const before = telegram.calls.length;
    expect((await post()).status).toBe(401);
    expect((await post('wrong-secret-000000')).status).toBe(401);
    expect(telegram.calls.length).toBe(before);
    expect((await post('the-right-secret-123')).status).toBe(200);
    expect(
      telegram.calls.slice(before).some((c) => c.method === 'sendMessage' && c.params.chat_id === 99),
    ).toBe(true);
    server.close();
  });
  it('offers a button to the private chat when an admin in a group cannot be messaged privately', async () => {
    const ada = new TelegramUser(adapter.bot, telegram, 11, 'Ada <b>');
    telegram.failNext(
      'sendMessage',
      { error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" },
      (params) => params.chat_id === 11,
    );
    await ada.say('/invite carol@example.com member', GROUP);
    await ada.tap('Create', GROUP);
    const toGroup = readable(ada.lastCalls.filter((c) => c.params.chat_id === GROUP));
    expect(toGroup).toMatch(/cannot message you privately yet[\s\S]*\[Open a private chat\]/);
    expect(toGroup).not.toMatch(/start=i_/);
    const button = ada.lastCalls
      .filter((c) => c.params.chat_id === GROUP)
      .map((c) => JSON.stringify(c.params.reply_markup ?? ''))
      .join('');
    expect(button).toContain('https://t.me/gatehouse_test_bot?start=');
  });

  it('long-polls through the runner, in order, and publishes the menus at start', async () => {
    const polling = createTelegramAdapter(engine, {
      token: TOKEN,
      apiRoot: telegram.url,
      log,
      throttle,
      pollTimeoutSeconds: 1,
      directory: engineDirectory(engine),
    });
    const from = telegram.calls.length;
    await polling.start();
    expect(telegram.calls.slice(from).map((c) => c.method)).toEqual(
      expect.arrayContaining(['setMyCommands', 'deleteWebhook']),
    );
    const user = { id: 55, is_bot: false, first_name: 'Pat' };
    const command = (id: number, chat: { id: number; type: string }, text: string) => ({
      update_id: id,
      message: {
        message_id: id,
        date: 0,
        chat,
        from: user,
        text,
        entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }],
      },
    });
    telegram.push(command(70001, { id: 55, type: 'private' }, '/help'));
    telegram.push(command(70002, { id: GROUP, type: 'group' }, '/help@gatehouse_test_bot'));
    telegram.push(command(70003, { id: GROUP, type: 'group' }, '/help@some_other_bot'));
    const replies = () => telegram.calls.slice(from).filter((c) => c.method === 'sendMessage');
    await vi.waitFor(() => expect(replies()).toHaveLength(2), { timeout: 5_000 });
    expect(replies().map((c) => c.params.chat_id)).toEqual([55, GROUP]);
    await polling.stop();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(replies()).toHaveLength(2);
  });
});
