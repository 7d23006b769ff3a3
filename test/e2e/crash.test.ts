import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testKeyPrefix, testRedisUrl } from '../support/sessions.js';
import { BotProcess } from '../support/bot-process.js';
import { GOOD_PASSWORD, seedUser } from '../support/seed.js';
import { readable } from '../support/telegram-user.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { createInvites } from '../../src/domain/invites.js';
import { getPersonalContext } from '../../src/domain/context.js';

/**
 * The bot as an operator runs it, killed with SIGKILL at the worst moments and started again on the
 * same Postgres and session store: the person carries on, and the record never holds half an account.
 */

const { url, sql, store } = await createTestDatabase();
const telegram = new FakeTelegram();
/** The run's Redis under a key prefix of this file's (deleted after the run), or sessions in Postgres. */
const REDIS_KEY_PREFIX = testKeyPrefix();
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
let bot: BotProcess;
let updateId = 1;

beforeAll(async () => {
  await telegram.start();
  bot = new BotProcess({
    DATABASE_URL: url,
    ...(testRedisUrl ? { REDIS_URL: testRedisUrl, REDIS_KEY_PREFIX } : {}),
    TELEGRAM_API_ROOT: telegram.url,
  });
  await bot.start();
});
afterAll(async () => {
  await bot.stop();
  await telegram.stop();
});

function message(from: number, text: string) {
  const command = text.match(/^\/\S+/);
  return {
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: from, type: 'private', first_name: 'Nia' },
      from: { id: from, is_bot: false, first_name: 'Nia' },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

/** What the person read in answer to one message. */
async function say(from: number, text: string): Promise<string> {
  const start = telegram.calls.length;
  expect(await bot.post(message(from, text))).toBe(200);
  // After a crash the webhook may answer before the conversation's lock has freed; the reply follows.
  for (let i = 0; i < 300 && !telegram.calls.slice(start).some((c) => c.method === 'sendMessage'); i++)
    await new Promise((resolve) => setTimeout(resolve, 50));
  return readable(telegram.calls.slice(start));
}

/** Nothing half-made: every account has a chat or an email, every claim is an account, uses match claims. */
async function recordIsWhole(email: string) {
  const [row] = await sql`
    select (select count(*) from users where email = ${email})::int as accounts,
      (select count(*) from identities i join users u on u.id = i.user_id where u.email = ${email})::int as chats,
      (select coalesce(sum(uses), 0) from invites where email = ${email})::int as uses,
      (select count(*) from audit_log where action = 'user.claimed' and target_email = ${email})::int as claimed`;
  expect([0, 1]).toContain(row!.accounts);
  expect(row).toEqual({
    accounts: row!.accounts,
    chats: row!.accounts,
    uses: row!.accounts,
    claimed: row!.accounts,
  });
  return row!.accounts as number;
}

// Each test starts the real bot up to three times: slow on a loaded machine, so a generous bound.
describe('kill -9 of the bot', { timeout: 120_000 }, () => {
  it('mid-claim: the person continues after a restart and no half-made account exists', async () => {
    const [invite] = await createInvites(store, {
      actorId: admin.id,
      emails: ['nia@example.com'],
      role: 'member',
      groupNames: [],
    });
    expect(await say(555, `/start ${invite!.payload}`)).toMatch(/What should we call you/);
    expect(await say(555, 'Nia')).toMatch(/choose a password/);

    await bot.kill();
    await bot.start();
    expect(await say(555, 'password1234')).toMatch(/common or breached/);
    expect(await say(555, GOOD_PASSWORD)).toMatch(/once more/);

    // Killed while the password is being checked and the account written: all or nothing.
    const sent = bot.post(message(555, GOOD_PASSWORD)).catch(() => 0);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await bot.kill();
    await sent;
    const accounts = await recordIsWhole('nia@example.com');

    await bot.start();
    if (accounts === 0) expect(await say(555, GOOD_PASSWORD)).toMatch(/Your account is ready/);
    expect(await recordIsWhole('nia@example.com')).toBe(1);
    const [nia] = await sql`select password_hash from users where email = 'nia@example.com'`;
    expect(nia!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('mid-interview: the interview goes on from the same question after a restart', async () => {
    const [invite] = await createInvites(store, {
      actorId: admin.id,
      emails: ['omar@example.com'],
      role: 'member',
      groupNames: [],
    });
    await say(556, `/start ${invite!.payload}`);
    expect(await say(556, 'Omar')).toMatch(/choose a password/);
    expect(await say(556, GOOD_PASSWORD)).toMatch(/once more/);
    expect(await say(556, GOOD_PASSWORD)).toMatch(/Your account is ready[\s\S]*What's your role/);
    expect(await say(556, 'Support lead')).toMatch(/Which team/);
    expect(await say(556, 'Support')).toMatch(/Which language/);

    await bot.kill();
    await bot.start();
    expect(await say(556, 'English')).toMatch(/short or detailed/);
    await say(556, 'short');
    expect(await say(556, 'the migration')).toMatch(/Here's what I'll remember/);
    const [omar] = await sql`select id from users where email = 'omar@example.com'`;
    const press = telegram.calls.at(-1)!.params.reply_markup as {
      inline_keyboard: { text: string; callback_data: string }[][];
    };
    const save = press.inline_keyboard.flat().find((b) => b.text === 'Save')!;
    await bot.post({
      update_id: ++updateId,
      callback_query: {
        id: String(updateId),
        from: { id: 556, is_bot: false, first_name: 'Omar' },
        chat_instance: 'ci',
        data: save.callback_data,
        message: { message_id: 1, date: 0, chat: { id: 556, type: 'private' } },
      },
    });
    expect(await getPersonalContext(store, omar!.id)).toEqual({
      role: 'Support lead',
      team: 'Support',
      language: 'English',
      style: 'short',
      focus: 'the migration',
    });
  });
});
