import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Button, LocalizedOutbound } from '../../engine/outbound.js';
import type { Locale } from '../../i18n/locales.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { withCodeInstructions } from '../codes.js';
import { passwordFormUrl, webAppPageUrl } from './miniapp/paths.js';

/** Where the replies of one update go. */
export interface ReplyTarget {
  api: Api;
  /** The chat the update came from. */
  chatId: number;
  /** The sender; their private chat with the bot has the same id. */
  userId: number;
  isPrivate: boolean;
  botUsername: string;
  /** `PUBLIC_URL`: buttons may open the Mini App (Telegram allows that in private chats only). */
  webAppUrl?: string;
  /** The message in `chatId` whose button was tapped, and its text where Telegram sent it along. */
  tapped?: { messageId: number; text?: string };
}

/** Telegram's limit is 4096 characters per message; a margin keeps split parts safely under it. */
export const TEXT_LIMIT = 4000;
const CALLBACK_DATA_MAX_BYTES = 64;
/** Below a secret prompt: where the password goes, as a message (deleted) or through the Mini App's form. */
export const SECRET_NOTE = msg('telegram-secret-note');
const SECRET_FORM_NOTE = msg('telegram-secret-form-note');

/** Makes plain text safe inside an HTML-parse-mode message. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Splits plain text into parts of at most `limit` characters, at a line break where one is near. */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = limit;
    // Never cut a surrogate pair in half.
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  parts.push(rest);
  return parts.filter((p, i) => p.length > 0 || i === 0);
}

/**
 * Buttons as an inline keyboard; data over Telegram's 64 bytes cannot be sent, so such a button is
 * left out. With `webAppUrl`, a button with a page opens that page of the Mini App.
 */
export function inlineKeyboard(
  buttons: Button<string>[][] | undefined,
  webApp?: { url: string; locale: Locale },
): InlineKeyboardMarkup | undefined {
  const rows = (buttons ?? [])
    .map((row) =>
      row
        .filter((b) => Buffer.byteLength(b.action, 'utf8') <= CALLBACK_DATA_MAX_BYTES)
        .map((b): InlineKeyboardButton =>
          b.page && webApp
            ? { text: b.label, web_app: { url: webAppPageUrl(webApp.url, b.page, webApp.locale) } }
            : { text: b.label, callback_data: b.action },
        ),
    )
    .filter((row) => row.length > 0);
  return rows.length > 0 ? { inline_keyboard: rows } : undefined;
}

/** The keyboard of a reply, whose page buttons open the Mini App in the reply's language. */
function webAppButtons(
  buttons: Button<string>[][] | undefined,
  webAppUrl: string | undefined,
  locale: Locale,
): InlineKeyboardMarkup | undefined {
  return inlineKeyboard(buttons, webAppUrl ? { url: webAppUrl, locale } : undefined);
}

/** Where Mini App buttons work for this target: private chats, with `PUBLIC_URL` set. */
function webAppOf(target: ReplyTarget, chatId: number): string | undefined {
  return target.webAppUrl && (target.isPrivate || chatId === target.userId) ? target.webAppUrl : undefined;
}

/** A text as Telegram takes it: the parts it is split into, HTML-escaped, none empty. */
function escapedParts(text: string): string[] {
  return splitText(text).map((part) => escapeHtml(part) || ' ');
}

/** Sends escaped `parts` as messages, the keyboard under the last. */
async function sendParts(
  api: Api,
  chatId: number,
  parts: readonly string[],
  markup?: InlineKeyboardMarkup,
): Promise<void> {
  for (const [i, part] of parts.entries()) {
    await api.sendMessage(chatId, part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(markup && i === parts.length - 1 ? { reply_markup: markup } : {}),
    });
  }
}

function sendText(api: Api, chatId: number, text: string, markup?: InlineKeyboardMarkup): Promise<void> {
  return sendParts(api, chatId, escapedParts(text), markup);
}

type TextReply = Extract<LocalizedOutbound, { type: 'text' }>;

/** A text reply laid out for Telegram: its words with codes written out, split and escaped, and its keyboard. */
interface RenderedText {
  body: string;
  parts: readonly string[];
  markup: InlineKeyboardMarkup | undefined;
}

/**
 * Kept replies as laid out here, by bot and Mini App address. A kept reply is frozen and sent again
 * while what it says holds (`keptReply`, e.g. a member's `/agents`), so it is escaped and its
 * keyboard built once, not on every update.
 */
const keptLayouts = new WeakMap<TextReply, Map<string, RenderedText>>();

function layOut(reply: TextReply, botUsername: string, webAppUrl: string | undefined): RenderedText {
  if (!Object.isFrozen(reply)) return layOutNow(reply, botUsername, webAppUrl);
  let layouts = keptLayouts.get(reply);
  if (!layouts) keptLayouts.set(reply, (layouts = new Map()));
  const key = `${botUsername}\n${webAppUrl ?? ''}`;
  let layout = layouts.get(key);
  if (!layout) layouts.set(key, (layout = Object.freeze(layOutNow(reply, botUsername, webAppUrl))));
  return layout;
}

function layOutNow(reply: TextReply, botUsername: string, webAppUrl: string | undefined): RenderedText {
  const body = withCodeInstructions(reply.text, botUsername, reply.locale);
  return {
    body,
    parts: Object.freeze(escapedParts(body)),
    markup: webAppButtons(reply.buttons, webAppUrl, reply.locale),
  };
}

/** Telegram refuses an edit that changes nothing; the card already shows what it should. */
function isNotModified(error: unknown): boolean {
  return error instanceof GrammyError && /message is not modified/i.test(error.description);
}

/** Edits the tapped card in place; false when it cannot be (too long, gone, too old) and must be sent anew. */
async function editTapped(
  target: ReplyTarget,
  text: string,
  markup: InlineKeyboardMarkup | undefined,
): Promise<boolean> {
  const { tapped } = target;
  if (!tapped) return false;
  const parts = splitText(text);
  if (parts.length > 1) {
    await removeKeyboard(target);
    return false;
  }
  try {
    await target.api.editMessageText(target.chatId, tapped.messageId, escapeHtml(parts[0]!) || ' ', {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
    return true;
  } catch (error) {
    if (isNotModified(error)) return true;
    await removeKeyboard(target);
    return false;
  }
}

/** The tapped card's buttons go, so a used or stale one cannot be tapped again; false if that failed. */
async function removeKeyboard(target: ReplyTarget): Promise<boolean> {
  if (!target.tapped) return false;
  try {
    await target.api.editMessageReplyMarkup(target.chatId, target.tapped.messageId, {
      reply_markup: { inline_keyboard: [] },
    });
    return true;
  } catch (error) {
    return isNotModified(error);
  }
}

/** The tapped card without its buttons, `footer` under its words; where it cannot change, the words are sent. */
async function closeCard(
  target: ReplyTarget,
  footer: string | undefined,
  fallback: string | undefined,
): Promise<void> {
  const original = target.tapped?.text;
  if (footer !== undefined && original !== undefined) {
    if (await editTapped(target, `${original}\n\n${footer}`, undefined)) return;
  }
  const removed = await removeKeyboard(target);
  const said = footer ?? (removed ? undefined : fallback);
  if (said !== undefined) await sendText(target.api, target.chatId, said);
}

function isPrivateReply(reply: LocalizedOutbound): boolean {
  return (reply.type === 'text' || reply.type === 'file') && reply.privately === true;
}

/** The person never opened a private chat with the bot (or blocked it). */
function isForbidden(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}

async function sendOne(target: ReplyTarget, reply: LocalizedOutbound): Promise<void> {
  const { api } = target;
  const chatId = isPrivateReply(reply) ? target.userId : target.chatId;
  switch (reply.type) {
    case 'text': {
      const { body, parts, markup } = layOut(reply, target.botUsername, webAppOf(target, chatId));
      if (reply.replacesTapped && chatId === target.chatId && (await editTapped(target, body, markup)))
        return;
      await sendParts(api, chatId, parts, markup);
      return;
    }
    case 'closeCard':
      await closeCard(
        target,
        reply.footer && withCodeInstructions(reply.footer, target.botUsername, reply.locale),
        reply.fallback && withCodeInstructions(reply.fallback, target.botUsername, reply.locale),
      );
      return;
    case 'secretPrompt': {
      const webApp = webAppOf(target, chatId);
      const note = translate(reply.locale, webApp ? SECRET_FORM_NOTE : SECRET_NOTE);
      await api.sendMessage(chatId, `${escapeHtml(reply.text)}\n\n<i>${escapeHtml(note)}</i>`, {
        parse_mode: 'HTML',
        ...(webApp
          ? {
              reply_markup: {
                inline_keyboard: [
                  [
                    {
                      text: translate(reply.locale, msg('telegram-secret-form-button')),
                      web_app: { url: passwordFormUrl(webApp, reply.nonce, reply.locale) },
                    },
                  ],
                ],
              },
            }
          : {}),
      });
      return;
    }
    case 'file':
      await api.sendDocument(chatId, new InputFile(Buffer.from(reply.content, 'utf8'), reply.name), {
        caption: escapeHtml(reply.caption.slice(0, 1000)),
        parse_mode: 'HTML',
      });
      return;
    case 'deleteMessage':
      try {
        await api.deleteMessage(target.chatId, Number(reply.messageId));
      } catch {
        await sendText(api, target.chatId, reply.failedNotice);
        return;
      }
      await sendText(api, target.chatId, translate(reply.locale, msg('telegram-secret-deleted')));
      return;
  }
}

/**
 * Sends the engine's replies. Private replies go to the sender's own chat; in a group the engine's
 * closing notice ("sent you the details") is replaced by a button to the private chat if that failed.
 */
export async function deliver(target: ReplyTarget, replies: LocalizedOutbound[]): Promise<void> {
  const groupNotice = !target.isPrivate && replies.some(isPrivateReply) ? replies.at(-1) : undefined;
  let blocked = false;
  for (const reply of replies) {
    if (reply === groupNotice) continue;
    try {
      await sendOne(target, reply);
    } catch (error) {
      if (!(isPrivateReply(reply) && !target.isPrivate && isForbidden(error))) throw error;
      blocked = true;
    }
  }
  if (!groupNotice) return;
  if (!blocked) return sendOne(target, groupNotice);
  const { locale } = groupNotice;
  await sendText(target.api, target.chatId, translate(locale, msg('telegram-dm-blocked')), {
    inline_keyboard: [
      [
        {
          text: translate(locale, msg('telegram-open-private-chat')),
          url: `https://t.me/${target.botUsername}?start=`,
        },
      ],
    ],
  });
}
