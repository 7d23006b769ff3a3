import { describe, expect, it } from 'vitest';
import {
  deliver,
  escapeHtml,
  inlineKeyboard,
  splitText,
  TEXT_LIMIT,
  type ReplyTarget,
} from '../../../src/adapters/telegram/render.js';
import { codeMark, keptReply, localize, text } from '../../../src/engine/outbound.js';
import { Api, Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { toInbound } from '../../../src/adapters/telegram/translate.js';

const me = { id: 1, is_bot: true, first_name: 'Gatehouse', username: 'gatehouse_test_bot' } as UserFromGetMe;

function command(text: string, chat = { id: -5, type: 'group' as const, title: 'Team' }) {
  const update = {
    update_id: 1,
    message: {
      message_id: 7,
      date: 0,
      chat,
      from: { id: 42, is_bot: false, first_name: 'Ada', last_name: 'L' },
      text,
      entities: [{ type: 'bot_command' as const, offset: 0, length: text.split(' ')[0]!.length }],
    },
  };
  return toInbound(new Context(update, new Api('1:x'), me));
}

describe('telegram rendering', () => {
  it('escapes every character HTML parse mode reads as markup', () => {
    expect(escapeHtml('Ada <b>"&"</b>')).toBe('Ada &lt;b&gt;&quot;&amp;&quot;&lt;/b&gt;');
  });

  it('splits long text under 4096 characters, at line breaks where it can, losing nothing', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} ${'x'.repeat(20)}`);
    const parts = splitText(lines.join('\n'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= TEXT_LIMIT && p.length < 4096)).toBe(true);
    expect(parts.join('\n')).toBe(lines.join('\n'));
    expect(splitText('y'.repeat(9000)).map((p) => p.length)).toEqual([4000, 4000, 1000]);
  });

  it('leaves out a button whose data is over 64 bytes', () => {
    expect(
      inlineKeyboard([
        [
          { label: 'ok', action: 'a.b' },
          { label: 'long', action: 'é'.repeat(33) },
        ],
      ]),
    ).toEqual({ inline_keyboard: [[{ text: 'ok', callback_data: 'a.b' }]] });
    expect(inlineKeyboard([])).toBeUndefined();
  });

  it('reads /cmd@bot as our command in a group and ignores another bot’s', () => {
    expect(command('/invite@gatehouse_test_bot a@b.c member')).toMatchObject({
      platform: 'telegram',
      sender: { externalId: '42', displayName: 'Ada L' },
      chat: { id: '-5', isPrivate: false },
      messageId: '7',
      command: { name: 'invite', args: 'a@b.c member' },
    });
    expect(command('/start i_abc', { id: 42, type: 'private', first_name: 'Ada' } as never)).toMatchObject({
      chat: { id: '42', isPrivate: true },
      command: { name: 'start', args: 'i_abc' },
    });
    expect(command('/help@other_bot')).toBeUndefined();
  });

  it('lays a kept reply out once per bot and Mini App address, and sends it alike every time', async () => {
    const sent: { chat_id: number; text: string; reply_markup?: unknown }[] = [];
    const api = new Api('1:x');
    api.config.use(async (_prev, method, payload) => {
      if (method === 'sendMessage') sent.push(payload as (typeof sent)[number]);
      return {
        ok: true,
        result: { message_id: sent.length, date: 0, chat: { id: 0, type: 'private' } },
      } as never;
    });
    const reply = localize(
      keptReply(
        text(`Open <this>: ${codeMark('i_abc')}`, {
          buttons: [[{ label: 'People', action: '/users', page: 'users' }]],
        }),
      ),
      'en',
    );
    const privately = (botUsername: string): ReplyTarget => ({
      api,
      chatId: 42,
      userId: 42,
      isPrivate: true,
      botUsername,
      webAppUrl: 'https://gatehouse.example',
    });
    const inGroup: ReplyTarget = { ...privately('gatehouse_bot'), chatId: -5, isPrivate: false };

    for (const target of [
      privately('gatehouse_bot'),
      inGroup,
      privately('gatehouse_bot'),
      privately('other_bot'),
    ])
      await deliver(target, [reply]);

    const [first, group, again, otherBot] = sent;
    expect(first!.text).toContain('Open &lt;this&gt;:');
    expect(first!.text).toContain('https://t.me/gatehouse_bot?start=i_abc');
    expect(first!.reply_markup).toMatchObject({ inline_keyboard: [[{ text: 'People', web_app: {} }]] });
    // In a group the Mini App cannot open: the same reply's button is an ordinary one there.
    expect(group!.reply_markup).toEqual({ inline_keyboard: [[{ text: 'People', callback_data: '/users' }]] });
    expect(again).toEqual(first);
    expect(otherBot!.text).toContain('https://t.me/other_bot?start=i_abc');
  });
});
