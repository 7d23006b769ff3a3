import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineKeyboard, splitText, TEXT_LIMIT } from '../../../src/adapters/telegram/render.js';
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
});
