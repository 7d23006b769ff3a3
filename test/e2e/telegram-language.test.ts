import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../fakes/telegram-server.js';
import {
  createTelegramAdapter,
  type TelegramAdapter,
  type UpdateHandler,
} from '../../src/adapters/telegram/bot.js';
import type { Inbound } from '../../src/engine/inbound.js';
import { supportedLocale } from '../../src/i18n/locales.js';

const TOKEN = '123456:TEST-token-abcdefghijklmnop';
const telegram = new FakeTelegram();
/** What reached the engine; it answers with a password prompt in the sender's language. */
const received: Inbound[] = [];
const engine: UpdateHandler = {
  handle: async (inbound) => {
    received.push(inbound);
    const locale = supportedLocale(inbound.sender.languageCode) ?? 'en';
    return [
      {
        type: 'secretPrompt',
        text: '?',
        purpose: 'login',
        action: 'a.secret',
        nonce: 'N'.repeat(22),
        locale,
      },
    ];
  },
};
let plain: TelegramAdapter;
let withMiniApp: TelegramAdapter;
let updateId = 1;

beforeAll(async () => {
  await telegram.start();
  const options = { token: TOKEN, apiRoot: telegram.url, log: pino({ level: 'silent' }), maxRetries: 0 };
  plain = createTelegramAdapter(engine, options);
  withMiniApp = createTelegramAdapter(engine, { ...options, publicUrl: 'https://gatehouse.example' });
  await plain.init();
  await withMiniApp.init();
});
afterAll(() => telegram.stop());

/** A private message from a person whose Telegram app is set to `language`; the bot's calls in answer. */
async function say(adapter: TelegramAdapter, language: string | undefined) {
  const from = telegram.calls.length;
  await adapter.bot.handleUpdate({
    update_id: ++updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: 7, type: 'private', first_name: 'Greta' },
      from: { id: 7, is_bot: false, first_name: 'Greta', ...(language ? { language_code: language } : {}) },
      text: 'hallo',
    },
  });
  return telegram.calls.slice(from).filter((c) => c.method === 'sendMessage');
}

describe('Telegram speaks the person’s language', () => {
  it('hands the app’s language to the engine and words its own notes in the reply’s', async () => {
    const [prompt] = await say(plain, 'de');
    expect(received.at(-1)!.sender.languageCode).toBe('de');
    expect(prompt!.params.text).toMatch(/Ich lösche die Nachricht, sobald ich sie gelesen habe/);
  });

  it('opens the Mini App form in the reply’s language', async () => {
    const [prompt] = await say(withMiniApp, 'es-MX');
    expect(prompt!.params.text).toMatch(/el formulario la envía directamente a Gatehouse/);
    expect(prompt!.params.reply_markup).toEqual({
      inline_keyboard: [
        [
          {
            text: 'Introducirla en privado',
            web_app: { url: `https://gatehouse.example/app/password?n=${'N'.repeat(22)}&l=es` },
          },
        ],
      ],
    });
  });

  it('gives no language when the app names none', async () => {
    const [prompt] = await say(plain, undefined);
    expect(received.at(-1)!.sender).not.toHaveProperty('languageCode');
    expect(prompt!.params.text).toMatch(/I delete that message/);
  });
});
