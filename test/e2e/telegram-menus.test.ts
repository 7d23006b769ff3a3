import { Api } from 'grammy';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { CommandMenus, type MenuDirectory } from '../../src/adapters/telegram/menus.js';
import { commandsFor } from '../../src/engine/commands/index.js';
import type { Locale } from '../../src/i18n/locales.js';
import { translate } from '../../src/i18n/translate.js';

const telegram = new FakeTelegram();
let api: Api;
const admins = new Set<string>(['11']);
const directory: MenuDirectory = {
  roleOf: async (id) => (admins.has(id) ? 'admin' : 'member'),
  adminIds: async () => [...admins],
};

beforeAll(async () => {
  await telegram.start();
  api = new Api('123456:TEST-token-abcdefghijklmnop', { apiRoot: telegram.url });
});
afterAll(() => telegram.stop());

/** The menu calls since `from`: who they are for, in which language, and their descriptions. */
function menus(from: number) {
  return telegram.calls
    .slice(from)
    .filter((c) => /MyCommands$/.test(c.method))
    .map((c) => ({
      method: c.method,
      scope: c.params.scope,
      language: c.params.language_code,
      commands: c.params.commands as { command: string; description: string }[] | undefined,
    }));
}

/** The menu a role reads in a language, as the commands' summaries word it. */
function expected(role: 'admin' | 'member', locale: Locale) {
  return commandsFor(role)
    .filter((c) => /^[a-z0-9_]{1,32}$/.test(c.name))
    .map((c) => ({ command: c.name, description: translate(locale, c.summary).slice(0, 256) }));
}

describe('Telegram command menus in every language', () => {
  it('publishes each menu without a language in the default, then in each other language', async () => {
    const from = telegram.calls.length;
    await new CommandMenus(api, directory, pino({ level: 'silent' }), 'de').publish();
    const calls = menus(from);
    expect(calls.map((c) => [c.method, JSON.stringify(c.scope), c.language])).toEqual([
      ['setMyCommands', '{"type":"default"}', undefined],
      ['setMyCommands', '{"type":"default"}', 'en'],
      ['setMyCommands', '{"type":"default"}', 'es'],
      ['setMyCommands', '{"type":"chat","chat_id":11}', undefined],
      ['setMyCommands', '{"type":"chat","chat_id":11}', 'en'],
      ['setMyCommands', '{"type":"chat","chat_id":11}', 'es'],
    ]);
    expect(calls.map((c) => c.commands)).toEqual([
      expected('member', 'de'),
      expected('member', 'en'),
      expected('member', 'es'),
      expected('admin', 'de'),
      expected('admin', 'en'),
      expected('admin', 'es'),
    ]);
  });

  it('takes back every language of an admin’s menu when they are no longer one', async () => {
    const menusOf = new CommandMenus(api, directory, pino({ level: 'silent' }), 'en');
    await menusOf.publish();
    admins.delete('11');
    const from = telegram.calls.length;
    await menusOf.sync();
    expect(menus(from).map((c) => [c.method, JSON.stringify(c.scope), c.language])).toEqual([
      ['deleteMyCommands', '{"type":"chat","chat_id":11}', undefined],
      ['deleteMyCommands', '{"type":"chat","chat_id":11}', 'de'],
      ['deleteMyCommands', '{"type":"chat","chat_id":11}', 'es'],
    ]);
  });
});
