import { renderCodes } from '../engine/outbound.js';

/**
 * How a person opens a code (an invite, a reset link) in this deployment. The same words on every
 * platform, since the code is passed on to someone who may use another one: a Telegram deep link
 * when a bot serves Telegram, and the code to send to the bot anywhere.
 */
export function codeInstructions(code: string, telegramBotUsername: string | undefined): string[] {
  return [
    ...(telegramBotUsername ? [`  Telegram: https://t.me/${telegramBotUsername}?start=${code}`] : []),
    `  Anywhere else: send this code to the bot in a private chat: ${code}`,
  ];
}

/** A reply's text with its code marks written out as `codeInstructions`. */
export function withCodeInstructions(body: string, telegramBotUsername: string | undefined): string {
  return renderCodes(body, (code) => codeInstructions(code, telegramBotUsername).join('\n'));
}
