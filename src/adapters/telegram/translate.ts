import type { Context } from 'grammy';
import type { Capabilities, Inbound } from '../../engine/inbound.js';
import type { Locale } from '../../i18n/locales.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';

export const TELEGRAM_CAPABILITIES: Capabilities = {
  canDeleteMessages: true,
  hasSecretForms: false,
};

/** With `PUBLIC_URL`: passwords go through the Mini App's form, and `/users` opens its table. */
export const TELEGRAM_MINI_APP_CAPABILITIES: Capabilities = {
  ...TELEGRAM_CAPABILITIES,
  hasSecretForms: true,
  hasWebApp: true,
};

/** One Telegram update as the engine's Inbound; undefined for updates the bot does not answer. */
export function toInbound(ctx: Context): Inbound | undefined {
  const from = ctx.from;
  const chat = ctx.chat;
  if (!from || !chat || from.is_bot) return undefined;
  const base = {
    platform: 'telegram' as const,
    sender: {
      externalId: String(from.id),
      username: from.username ?? null,
      displayName: [from.first_name, from.last_name].filter(Boolean).join(' '),
      privateChatId: String(from.id),
      ...(from.language_code ? { languageCode: from.language_code } : {}),
    },
    chat: { id: String(chat.id), isPrivate: chat.type === 'private' },
  };
  if (ctx.callbackQuery) {
    return ctx.callbackQuery.data === undefined ? undefined : { ...base, action: ctx.callbackQuery.data };
  }
  const message = ctx.message;
  if (!message || message.text === undefined) return undefined;
  const messageId = String(message.message_id);
  const command = message.entities?.[0]?.type === 'bot_command' && message.entities[0].offset === 0;
  if (command) {
    const [, name = '', mention, args = ''] =
      message.text.match(/^\/([A-Za-z0-9_]+)(@\S+)?\s*([\s\S]*)$/) ?? [];
    const botName = ctx.me.username.toLowerCase();
    // In a group, `/help@otherbot` is for another bot.
    if (mention && mention.slice(1).toLowerCase() !== botName) return undefined;
    return { ...base, messageId, command: { name: name.toLowerCase(), args: args.trim() } };
  }
  return { ...base, messageId, text: message.text };
}

/** How a person opens a code (an invite, a reset link) on Telegram: the bot's deep link, or `/start`. */
export function openCodeOnTelegram(code: string, botUsername: string | undefined, locale: Locale): string {
  return translate(
    locale,
    botUsername
      ? msg('telegram-open-code-link', { bot: botUsername, code })
      : msg('telegram-open-code-start', { code }),
  );
}
