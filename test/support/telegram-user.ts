import type { Bot } from 'grammy';
import type { FakeTelegram, TelegramCall } from '../fakes/telegram-server.js';

let updateId = 1000;
let messageId = 5000;

interface KeyboardButton {
  text: string;
  callback_data?: string;
}

/** What a person reads: every message the bot sent since `from`, with buttons in brackets. */
export function readable(calls: TelegramCall[]): string {
  return calls
    .filter((c) => c.method === 'sendMessage')
    .map((c) => {
      const markup = c.params.reply_markup as { inline_keyboard?: KeyboardButton[][] } | undefined;
      const buttons = (markup?.inline_keyboard ?? []).flat().map((b) => `[${b.text}]`);
      return [String(c.params.text), ...buttons].join(' ');
    })
    .join('\n');
}

/** One Telegram user, sending updates into the real grammY bot as the webhook would. */
export class TelegramUser {
  lastCalls: TelegramCall[] = [];
  lastMessageId = 0;

  constructor(
    private readonly bot: Bot,
    private readonly telegram: FakeTelegram,
    readonly id: number,
    readonly firstName: string,
  ) {}

  private chat(chatId: number) {
    return chatId === this.id
      ? { id: chatId, type: 'private', first_name: this.firstName }
      : { id: chatId, type: 'group', title: 'Team' };
  }

  private from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, username: this.firstName.toLowerCase() };
  }

  private async feed(update: Record<string, unknown>): Promise<string> {
    const start = this.telegram.calls.length;
    await this.bot.handleUpdate({ update_id: ++updateId, ...update } as Parameters<Bot['handleUpdate']>[0]);
    this.lastCalls = this.telegram.calls.slice(start);
    return readable(this.lastCalls);
  }

  say(text: string, chatId = this.id): Promise<string> {
    this.lastMessageId = ++messageId;
    const command = text.match(/^\/\S+/);
    return this.feed({
      message: {
        message_id: this.lastMessageId,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat(chatId),
        from: this.from(),
        text,
        ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      },
    });
  }

  press(data: string, chatId = this.id): Promise<string> {
    return this.feed({
      callback_query: {
        id: String(++updateId),
        from: this.from(),
        chat_instance: 'ci',
        data,
        message: { message_id: ++messageId, date: 0, chat: this.chat(chatId) },
      },
    });
  }

  /** Taps a button of the last replies. */
  tap(label: string, chatId = this.id): Promise<string> {
    const button = this.lastCalls
      .flatMap((c) =>
        (
          (c.params.reply_markup as { inline_keyboard?: KeyboardButton[][] } | undefined)?.inline_keyboard ??
          []
        ).flat(),
      )
      .find((b) => b.text === label);
    if (!button?.callback_data) throw new Error(`no button ${label} in:\n${readable(this.lastCalls)}`);
    return this.press(button.callback_data, chatId);
  }
}
