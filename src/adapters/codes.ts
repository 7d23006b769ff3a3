import { renderCodes } from '../engine/outbound.js';
import type { Locale } from '../i18n/locales.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';

/**
 * How a person opens a code (an invite, a reset link) in this deployment. The same words on every
 * platform, since the code is passed on to someone who may use another one: a Telegram deep link
 * when a bot serves Telegram, and the code to send to the bot anywhere.
 */
export function codeInstructions(
  code: string,
  telegramBotUsername: string | undefined,
  locale: Locale,
): string[] {
  const lines = [
    ...(telegramBotUsername ? [msg('adapters-code-telegram', { bot: telegramBotUsername, code })] : []),
    msg('adapters-code-anywhere', { code }),
  ];
  return lines.map((line) => `  ${translate(locale, line)}`);
}

/** A reply's text with its code marks written out as `codeInstructions`. */
export function withCodeInstructions(
  body: string,
  telegramBotUsername: string | undefined,
  locale: Locale,
): string {
  return renderCodes(body, (code) => codeInstructions(code, telegramBotUsername, locale).join('\n'));
}
