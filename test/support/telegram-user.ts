import type { Bot } from 'grammy';
import { sign } from '@telegram-apps/init-data-node';
import type { FakeTelegram, SentMessage, TelegramCall } from '../fakes/telegram-server.js';

let updateId = 1000;
let messageId = 5000;

interface KeyboardButton {
  text: string;
  callback_data?: string;
  web_app?: { url: string };
}

/**
 * Init data as Telegram signs it for a Mini App opened from a private chat's inline button:
 * `auth_date` defaults to now; `token` is the bot's (another token makes a forgery).
 */
export function signInitData(
  token: string,
  user: { id: number; first_name: string; username?: string },
  authDate = new Date(),
): string {
  return sign(
    { user, chat_type: 'sender', chat_instance: '-4242', query_id: 'AAHdF6IQAAAAAN0XohDhrOrc' },
    token,
    authDate,
  );
}

/** The page Telegram would open for a Mini App URL: the init data and theme ride in the fragment. */
export function miniAppLaunchUrl(url: string, initData: string, theme: Record<string, string> = {}): string {
  const fragment = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'tdesktop',
    tgWebAppThemeParams: JSON.stringify(theme),
  });
  return `${url}#${fragment.toString()}`;
}

/** What a person reads: every message the bot sent or edited into new words, with buttons in brackets. */
export function readable(calls: TelegramCall[]): string {
  return calls
    .filter((c) => c.method === 'sendMessage' || c.method === 'editMessageText')
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
    /** The language the person's Telegram app is set to (`from.language_code`). */
    readonly languageCode?: string,
  ) {}

  private chat(chatId: number) {
    return chatId === this.id
      ? { id: chatId, type: 'private', first_name: this.firstName }
      : { id: chatId, type: 'group', title: 'Team' };
  }

  private from() {
    return {
      id: this.id,
      is_bot: false,
      first_name: this.firstName,
      username: this.firstName.toLowerCase(),
      ...(this.languageCode ? { language_code: this.languageCode } : {}),
    };
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

  /** Presses button data; without `card` (the message it sits on) as if on a message too old to show. */
  press(data: string, chatId = this.id, card?: SentMessage): Promise<string> {
    return this.feed({
      callback_query: {
        id: String(++updateId),
        from: this.from(),
        chat_instance: 'ci',
        data,
        message: card
          ? { message_id: card.messageId, date: 1, chat: this.chat(chatId), text: card.text }
          : { message_id: ++messageId, date: 0, chat: this.chat(chatId) },
      },
    });
  }

  /** The newest message in `chatId` that shows a button with `data`, as Telegram keeps it. */
  cardWith(data: string, chatId = this.id): SentMessage | undefined {
    return [...this.telegram.messages.values()]
      .reverse()
      .find(
        (m) =>
          m.chatId === String(chatId) &&
          ((m.replyMarkup as { inline_keyboard?: KeyboardButton[][] } | undefined)?.inline_keyboard ?? [])
            .flat()
            .some((b) => b.callback_data === data),
      );
  }

  /** The URL of a Mini App button in the last replies. */
  webAppUrl(label?: string): string {
    const button = this.lastCalls
      .flatMap((c) =>
        (
          (c.params.reply_markup as { inline_keyboard?: KeyboardButton[][] } | undefined)?.inline_keyboard ??
          []
        ).flat(),
      )
      .find((b) => b.web_app && (label === undefined || b.text === label));
    if (!button?.web_app)
      throw new Error(`no Mini App button ${label ?? ''} in:\n${readable(this.lastCalls)}`);
    return button.web_app.url;
  }

  /** Taps the button of the last replies whose data ends in `.value` (a flow's choice, whatever its words). */
  choose(value: string, chatId = this.id): Promise<string> {
    const button = this.lastCalls
      .flatMap((c) =>
        (
          (c.params.reply_markup as { inline_keyboard?: KeyboardButton[][] } | undefined)?.inline_keyboard ??
          []
        ).flat(),
      )
      .find((b) => b.callback_data?.endsWith(`.${value}`));
    if (!button?.callback_data) throw new Error(`no choice ${value} in:\n${readable(this.lastCalls)}`);
    return this.press(button.callback_data, chatId);
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
    return this.press(button.callback_data, chatId, this.cardWith(button.callback_data, chatId));
  }
}
