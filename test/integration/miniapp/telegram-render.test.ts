import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../../fakes/telegram-server.js';
import { deliver, SECRET_NOTE, type ReplyTarget } from '../../../src/adapters/telegram/render.js';
import type { LocalizedOutbound } from '../../../src/engine/outbound.js';
import { translate } from '../../../src/i18n/translate.js';

const telegram = new FakeTelegram();
let api: Api;
const PUBLIC_URL = 'https://gatehouse.example';
const replies: LocalizedOutbound[] = [
  {
    type: 'secretPrompt',
    text: 'Your password?',
    purpose: 'login',
    action: 'abcd.secret',
    nonce: 'N'.repeat(22),
    locale: 'en',
  },
  {
    type: 'text',
    text: 'Everyone',
    buttons: [[{ label: 'Open the table', action: '/users', page: 'users' }]],
    locale: 'en',
  },
];

beforeAll(async () => {
  await telegram.start();
  api = new Api('123456:TEST-token-abcdefghijklmnop', { apiRoot: telegram.url });
});
afterAll(() => telegram.stop());

async function sent(target: Omit<ReplyTarget, 'api'>) {
  const from = telegram.calls.length;
  await deliver({ api, ...target }, replies);
  return telegram.calls.slice(from).map((c) => ({ text: c.params.text, markup: c.params.reply_markup }));
}

describe('Telegram rendering of Mini App buttons', () => {
  it('opens the password form and the table from web_app buttons in a private chat with PUBLIC_URL', async () => {
    const [prompt, list] = await sent({
      chatId: 7,
      userId: 7,
      isPrivate: true,
      botUsername: 'gatehouse_test_bot',
      webAppUrl: PUBLIC_URL,
    });
    expect(prompt!.text).not.toContain(translate('en', SECRET_NOTE));
    expect(prompt!.markup).toEqual({
      inline_keyboard: [
        [
          {
            text: 'Enter it privately',
            web_app: { url: `${PUBLIC_URL}/app/password?n=${'N'.repeat(22)}&l=en` },
          },
        ],
      ],
    });
    expect(list!.markup).toEqual({
      inline_keyboard: [[{ text: 'Open the table', web_app: { url: `${PUBLIC_URL}/app/users?l=en` } }]],
    });
  });

  it('keeps the message prompt and plain buttons without PUBLIC_URL', async () => {
    const [prompt, list] = await sent({
      chatId: 7,
      userId: 7,
      isPrivate: true,
      botUsername: 'gatehouse_test_bot',
    });
    expect(prompt!.text).toContain(translate('en', SECRET_NOTE));
    expect(prompt!.markup).toBeUndefined();
    expect(list!.markup).toEqual({
      inline_keyboard: [[{ text: 'Open the table', callback_data: '/users' }]],
    });
  });

  it('never puts a web_app button into a group, where Telegram cannot open it', async () => {
    const calls = await sent({
      chatId: -100,
      userId: 7,
      isPrivate: false,
      botUsername: 'gatehouse_test_bot',
      webAppUrl: PUBLIC_URL,
    });
    expect(JSON.stringify(calls)).not.toContain('web_app');
  });
});
