import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { TelegramUser } from '../support/telegram-user.js';
import { linkChat, seedUser } from '../support/seed.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/bot.js';
import { engineDirectory } from '../../src/adapters/telegram/menus.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, testSessions(sql).open());
const telegram = new FakeTelegram();
const throttle = { global: {}, group: { maxConcurrent: 1 }, out: { maxConcurrent: 1 } };
let adapter: TelegramAdapter;

const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, '31');
const carol = await seedUser(store, { name: 'Carol', email: 'carol@example.com' });

const roleOf = async (userId: string) =>
  (await sql<{ role: string }[]>`select role from users where id = ${userId}`)[0]!.role;
const grants = async () =>
  (
    await sql<{ n: number }[]>`select count(*)::int as n from audit_log where action = 'user.role_updated'`
  )[0]!.n;

beforeAll(async () => {
  await telegram.start();
  adapter = createTelegramAdapter(engine, {
    token: '123456:TEST-token-abcdefghijklmnop',
    apiRoot: telegram.url,
    log: pino({ level: 'silent' }),
    maxRetries: 2,
    throttle,
    directory: engineDirectory(engine),
  });
  await adapter.init();
});
afterAll(async () => {
  await telegram.stop();
});

describe('confirmations over Telegram', () => {
  it("Make admin in a person's panel asks first and says what an admin can do", async () => {
    const ada = new TelegramUser(adapter.bot, telegram, 31, 'Ada');
    expect(await ada.say('/user carol@example.com')).toMatch(/Carol &lt;carol@example\.com&gt;/);
    const before = await grants();
    const question = await ada.tap('Make admin');
    expect(question).toMatch(
      /Make Carol &lt;carol@example\.com&gt; an admin\? They will be able to invite, change roles and groups, and read the audit trail\./,
    );
    expect(await roleOf(carol.id)).toBe('member');
    expect(await grants()).toBe(before);
    expect(await ada.tap('Yes, make admin')).toMatch(/Carol is now an admin/);
    expect(await roleOf(carol.id)).toBe('admin');
    expect(await grants()).toBe(before + 1);
  });
});
