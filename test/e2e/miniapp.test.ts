import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../support/seed.js';
import { testDeps } from '../support/engine.js';
import { miniAppLaunchUrl, readable, signInitData, TelegramUser } from '../support/telegram-user.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { CONSOLE_CAPABILITIES } from '../../src/adapters/console/console.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/bot.js';
import { engineDirectory } from '../../src/adapters/telegram/menus.js';
import { TELEGRAM_MINI_APP_CAPABILITIES } from '../../src/adapters/telegram/translate.js';
import { Engine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log.js';
import { listen } from '../../src/http/server.js';
import { miniAppRoute } from '../../src/adapters/telegram/miniapp/routes.js';
import { createInvites, createSetupInvite } from '../../src/domain/invites.js';

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = '123456:TEST-token-abcdefghijklmnop';
const PUBLIC_URL = 'https://gatehouse.example';
const BREACHED = 'password1234';
const ARTIFACTS = new URL('../artifacts/', import.meta.url);
const LIGHT = {
  bg_color: '#ffffff',
  text_color: '#000000',
  button_color: '#2481cc',
  button_text_color: '#ffffff',
};
const DARK = {
  bg_color: '#17212b',
  text_color: '#f5f5f5',
  hint_color: '#708499',
  secondary_bg_color: '#232e3c',
  link_color: '#6ab3f3',
  button_color: '#5288c1',
};

/**
 * Telegram's client script stands in for the one at telegram.org (unreachable here): like the real
 * one it reads the init data and theme from the URL fragment the client opened the page with.
 */
const TELEGRAM_SCRIPT = `
(() => {
  const hash = new URLSearchParams(location.hash.slice(1));
  window.__telegram = { ready: false, closed: false };
  window.Telegram = { WebApp: {
    initData: hash.get('tgWebAppData') || '',
    themeParams: JSON.parse(hash.get('tgWebAppThemeParams') || '{}'),
    ready() { window.__telegram.ready = true; },
    expand() {},
    close() { window.__telegram.closed = true; },
    onEvent() {},
  } };
})();`;

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const telegram = new FakeTelegram();
const logLines: string[] = [];
const log = createLogger('trace', { destination: { write: (line: string) => void logLines.push(line) } });
const deps = testDeps(
  store,
  sessions,
  {},
  log,
  {},
  {
    telegram: TELEGRAM_MINI_APP_CAPABILITIES,
    console: CONSOLE_CAPABILITIES,
  },
);
const engine = new Engine(deps);
let adapter: TelegramAdapter;
let base = '';
let browser: Browser;
/** Every address a page asked for that is not our listener. */
const elsewhere: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
  await telegram.start();
  adapter = createTelegramAdapter(engine, {
    token: TOKEN,
    apiRoot: telegram.url,
    log,
    throttle: { global: {}, group: { maxConcurrent: 1 }, out: { maxConcurrent: 1 } },
    directory: engineDirectory(engine),
    publicUrl: PUBLIC_URL,
  });
  await adapter.init();
  const server = await listen(0, [miniAppRoute({ engine, log, botToken: TOKEN, chat: adapter })], (error) =>
    log.error({ err: error }, 'http handler failed'),
  );
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await telegram.stop();
});

/** A page as Telegram's client opens it: our listener in place of PUBLIC_URL, nothing else reachable. */
async function openMiniApp(url: string, initData: string, theme: Record<string, string>): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 760 } });
  await page.route('**/*', async (route) => {
    const target = route.request().url();
    if (target.startsWith(base)) return route.continue();
    elsewhere.push(target);
    if (target === 'https://telegram.org/js/telegram-web-app.js')
      return route.fulfill({ contentType: 'text/javascript', body: TELEGRAM_SCRIPT });
    return route.abort();
  });
  await page.goto(miniAppLaunchUrl(url.replace(PUBLIC_URL, base), initData, theme));
  return page;
}

const hashOf = async (telegramId: number) => {
  const user = await store.identities.getUserByIdentity({
    platform: 'telegram',
    externalId: String(telegramId),
  });
  return user ? store.users.getPasswordHash(user.id) : undefined;
};

describe('the Telegram Mini App in Chromium', () => {
  it('claims an account through the password form: no password ever travels as a message', async () => {
    const ada = new TelegramUser(adapter.bot, telegram, 11, 'Ada');
    const setup = await createSetupInvite(store);
    await ada.say(`/start ${setup.payload}`);
    await ada.say('Ada');
    const prompt = await ada.tap('Skip');
    expect(prompt).toMatch(/choose a password[\s\S]*never becomes a message[\s\S]*\[Enter it privately\]/);
    expect(prompt).not.toMatch(/Send it as a message/);
    const url = ada.webAppUrl('Enter it privately');
    expect(url).toMatch(/^https:\/\/gatehouse\.example\/app\/password\?n=[A-Za-z0-9_-]{22}&l=en$/);

    const initData = signInitData(TOKEN, { id: 11, first_name: 'Ada', username: 'ada' });
    const page = await openMiniApp(url, initData, LIGHT);
    await page.locator('#form').waitFor();
    expect(await page.locator('#policy').textContent()).toMatch(/At least 12 characters.*letter.*digit/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(255, 255, 255)',
    );

    await page.fill('#password', BREACHED);
    await page.fill('#confirmation', BREACHED);
    await page.click('#submit');
    await expect.poll(() => page.locator('#error').textContent()).toMatch(/common or breached/);
    await page.screenshot({ path: new URL('miniapp-password-refused.png', ARTIFACTS).pathname });
    expect(await hashOf(11)).toBeUndefined();

    const before = telegram.calls.length;
    await page.fill('#password', GOOD_PASSWORD);
    await page.fill('#confirmation', GOOD_PASSWORD);
    await page.click('#submit');
    await expect
      .poll(() => page.locator('#status').textContent(), { timeout: 10_000 })
      .toBe('Sent. Continue in the chat.');
    await expect
      .poll(
        () =>
          page.evaluate(() => (window as unknown as { __telegram: { closed: boolean } }).__telegram.closed),
        { timeout: 5_000 },
      )
      .toBe(true);
    await page.close();

    expect(await hashOf(11)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(readable(telegram.calls.slice(before).filter((c) => c.params.chat_id === 11))).toMatch(
      /Your account is ready/,
    );
    const everything = JSON.stringify(telegram.calls) + logLines.join('');
    expect(everything).not.toContain(GOOD_PASSWORD);
    expect(everything).not.toContain(BREACHED);
    expect(telegram.calls.some((c) => c.method === 'deleteMessage')).toBe(false);
    expect(logLines.length).toBeGreaterThan(0);
    expect(elsewhere.every((u) => u === 'https://telegram.org/js/telegram-web-app.js')).toBe(true);
  });

  it("shows an admin the team in one table, dark-themed, and a row opens the person's panel in the chat", async () => {
    const ada = new TelegramUser(adapter.bot, telegram, 11, 'Ada');
    const admin = (await store.identities.getUserByIdentity({ platform: 'telegram', externalId: '11' }))!;
    const bob = await seedUser(store, { name: 'Bob Builder', email: 'bob@example.com' });
    await linkChat(store, bob, '22');
    await seedUser(store, { name: 'Cleo Gone', email: 'cleo@example.com', status: 'deactivated' });
    await seedUser(store, { name: 'Dev Newman', email: 'dev@example.com' });
    await createInvites(store, {
      actorId: admin.id,
      emails: ['erin@example.com'],
      role: 'member',
      groupNames: [],
      label: 'new designer',
    });
    const [late] = await createInvites(store, {
      actorId: admin.id,
      emails: ['finn@example.com'],
      role: 'admin',
      groupNames: [],
    });
    await sql`update invites set expires_at = now() - interval '2 days' where id = ${late!.invite.id}`;

    const listed = await ada.say('/users');
    expect(listed).toMatch(/\[Open the table\]/);
    const url = ada.webAppUrl('Open the table');
    expect(url).toBe('https://gatehouse.example/app/users?l=en');

    const page = await openMiniApp(url, signInitData(TOKEN, { id: 11, first_name: 'Ada' }), DARK);
    await page.locator('#table').waitFor();
    const names = () => page.locator('#rows tr td:first-child').allTextContents();
    expect(await names()).toEqual([
      'Ada',
      'Bob Builder',
      'Dev Newman',
      expect.stringMatching(/^new designer \(invite [0-9a-f]{8}\)$/),
      expect.stringMatching(/^— \(invite [0-9a-f]{8}\)$/),
      'Cleo Gone',
    ]);
    expect(await page.getAttribute('th[data-key="status"]', 'aria-sort')).toBe('ascending');
    const text = await page.locator('#rows').textContent();
    for (const word of [
      'bob@example.com',
      'Deactivated',
      'Pending',
      'Expired',
      'Telegram',
      'admin',
      'member',
    ])
      expect(text).toContain(word);
    expect(await page.locator('#rows tr').count()).toBe(6);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      'rgb(23, 33, 43)',
    );

    await page.click('th[data-key="name"] button');
    expect(await page.getAttribute('th[data-key="name"]', 'aria-sort')).toBe('ascending');
    expect((await names()).slice(0, 4)).toEqual(['Ada', 'Bob Builder', 'Cleo Gone', 'Dev Newman']);
    await page.click('th[data-key="name"] button');
    expect(await page.getAttribute('th[data-key="name"]', 'aria-sort')).toBe('descending');
    expect((await names()).slice(0, 2)).toEqual([expect.stringMatching(/^new designer/), 'Dev Newman']);
    await page.screenshot({ path: new URL('miniapp-users.png', ARTIFACTS).pathname, fullPage: true });
    await page.setViewportSize({ width: 960, height: 560 });
    await page.screenshot({ path: new URL('miniapp-users-wide.png', ARTIFACTS).pathname });

    await page.fill('#search', 'expired');
    expect(await names()).toEqual([expect.stringMatching(/^— \(invite [0-9a-f]{8}\)$/)]);
    await page.fill('#search', 'bob');
    expect(await names()).toEqual(['Bob Builder']);

    const before = telegram.calls.length;
    await page.click('#rows button:has-text("Bob Builder")');
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/panel is in the chat/);
    const panel = readable(telegram.calls.slice(before).filter((c) => c.params.chat_id === 11));
    expect(panel).toMatch(/Bob Builder/);
    await page.close();
  });

  it("refuses a member's init data: 403 from the data endpoint, and the page says so", async () => {
    const memberData = signInitData(TOKEN, { id: 22, first_name: 'Bob' });
    const response = await fetch(`${base}/app/api/users`, {
      headers: { authorization: `tma ${memberData}` },
    });
    expect(response.status).toBe(403);
    const page = await openMiniApp(`${PUBLIC_URL}/app/users`, memberData, LIGHT);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Only admins can see this table.');
    expect(await page.locator('#table').isHidden()).toBe(true);
    await page.close();
  });

  it('speaks the language its link names: the table in German, a refusal in Spanish', async () => {
    const page = await openMiniApp(
      `${PUBLIC_URL}/app/users?l=de`,
      signInitData(TOKEN, { id: 11, first_name: 'Ada' }),
      LIGHT,
    );
    await page.locator('#table').waitFor();
    expect(await page.locator('th button').allTextContents()).toEqual([
      'Name',
      'E-Mail',
      'Rolle',
      'Gruppen',
      'Status',
      'Verknüpft',
      'Zuletzt gesehen',
    ]);
    const rows = await page.locator('#rows').textContent();
    for (const word of ['Aktiv', 'Offen', 'Abgelaufen', 'Mitglied', '(Einladung '])
      expect(rows).toContain(word);
    expect(rows).toMatch(/gerade eben|vor \d+/);
    expect(await page.locator('#count').textContent()).toMatch(/^\d+ von \d+$/);
    expect(await page.getAttribute('#search', 'placeholder')).toBe('Name, E-Mail, Gruppe, Status suchen…');
    await page.close();

    const member = await openMiniApp(
      `${PUBLIC_URL}/app/users?l=es`,
      signInitData(TOKEN, { id: 22, first_name: 'Bob' }),
      LIGHT,
    );
    await expect
      .poll(() => member.locator('#status').textContent())
      .toBe('Solo los admins pueden ver esta tabla.');
    await member.close();
  });
});
