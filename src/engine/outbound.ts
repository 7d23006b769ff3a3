import type { SecretPurpose } from '../../flows/types.js';
import type { Locale } from '../i18n/locales.js';
import type { Text } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';

/** A page of Gatehouse's web app that a button can open (Telegram's Mini App). */
export type WebAppPage = 'users';

/**
 * A button; `action` comes back as `Inbound.action` when tapped (at most 64 bytes). With `page`,
 * an adapter that has a web app (`Capabilities.hasWebApp`) opens that page instead.
 */
export interface Button<T = Text> {
  label: T;
  action: string;
  page?: WebAppPage;
}

/**
 * A reply, in the platform-neutral form the engine builds: its words are Text (`T = string` once worded
 * for the reader, see `LocalizedOutbound`). Text is plain (adapters escape it) and names a command as
 * `/name`: an adapter whose commands read otherwise renders it with `withCommandPrefix`.
 */
export type Outbound<T = Text> =
  | {
      type: 'text';
      text: T;
      buttons?: Button<T>[][];
      privately?: boolean;
      /** The card whose button was tapped becomes this reply, edited in place (an adapter that cannot edit sends it). */
      replacesTapped?: boolean;
      /** It says something was not done (a refusal, an apology): a card's footer does not tick it off. */
      refusal?: boolean;
    }
  /**
   * The card whose button was tapped keeps its words and loses its buttons, with `footer` (what was
   * done, by whom) under them; an adapter that cannot change the card says `fallback` instead.
   */
  | { type: 'closeCard'; footer?: T; fallback?: T }
  /**
   * Ask for a secret: a form where the platform has one, else a message the bot will delete. A web
   * form carries `nonce` in its link; the engine takes its submission only while that prompt is current.
   */
  | { type: 'secretPrompt'; text: T; purpose: SecretPurpose; action: string; nonce: string }
  | { type: 'file'; name: string; mimeType: string; content: string; caption: T; privately?: boolean }
  /** Delete the person's message that carried a secret; `failedNotice` is said if deletion fails. */
  | { type: 'deleteMessage'; messageId: string; failedNotice: T };

/** A reply worded in its reader's language, as adapters receive it; `locale` words what an adapter adds. */
export type LocalizedOutbound = Outbound<string> & { locale: Locale };

/**
 * How an adapter reaches one of its platform's people in their private chat with the bot, for a
 * notice about their account (`externalId` as the platform names them).
 */
export type NoticeSender = (externalId: string, notice: LocalizedOutbound) => Promise<void>;

export function text(
  body: Text,
  options: { buttons?: Button[][]; privately?: boolean; refusal?: boolean } = {},
): Outbound {
  return { type: 'text', text: body, ...options };
}

/** Kept replies (`keptReply`) as each language words them. */
const keptLocalized = new WeakMap<Outbound, Map<Locale, LocalizedOutbound>>();

/**
 * Marks `reply` as kept: it never changes (it is frozen, its buttons too) and is sent again while
 * what it says holds, so `localize` words it once per language, for as long as the reply is kept.
 */
export function keptReply(reply: Outbound): Outbound {
  keptLocalized.set(reply, new Map());
  return deepFrozen(reply);
}

/** `reply` and its buttons frozen: an adapter may keep what it makes of a frozen reply (its layout). */
function deepFrozen<T extends Outbound<Text | string>>(reply: T): T {
  if (reply.type === 'text' && reply.buttons) {
    for (const row of reply.buttons) {
      row.forEach((button) => Object.freeze(button));
      Object.freeze(row);
    }
    Object.freeze(reply.buttons);
  }
  return Object.freeze(reply);
}

/** A reply in `locale`'s words: every Text of it worded, nothing else changed. */
export function localize(reply: Outbound, locale: Locale): LocalizedOutbound {
  const kept = keptLocalized.get(reply);
  const known = kept?.get(locale);
  if (known) return known;
  const worded = wordedIn(reply, locale);
  kept?.set(locale, deepFrozen(worded));
  return worded;
}

function wordedIn(reply: Outbound, locale: Locale): LocalizedOutbound {
  const word = (t: Text) => translate(locale, t);
  switch (reply.type) {
    case 'text': {
      const { buttons, ...rest } = reply;
      return {
        ...rest,
        text: word(reply.text),
        ...(buttons
          ? { buttons: buttons.map((row) => row.map((b) => ({ ...b, label: word(b.label) }))) }
          : {}),
        locale,
      };
    }
    case 'secretPrompt':
      return { ...reply, text: word(reply.text), locale };
    case 'file':
      return { ...reply, caption: word(reply.caption), locale };
    case 'deleteMessage':
      return { ...reply, failedNotice: word(reply.failedNotice), locale };
    case 'closeCard':
      return {
        type: 'closeCard',
        ...(reply.footer !== undefined ? { footer: word(reply.footer) } : {}),
        ...(reply.fallback !== undefined ? { fallback: word(reply.fallback) } : {}),
        locale,
      };
  }
}

/** `/invite` in a reply, not a path in a link. */
const COMMAND_MENTION = /(^|[\s(])\/([a-z]+\b)/g;

/** A reply's text with its commands as they are typed where they read `<prefix>name` (Slack's `/gatehouse name`). */
export function withCommandPrefix(body: string, prefix: string): string {
  return body.replace(COMMAND_MENTION, `$1${prefix}$2`);
}

/** A code's mark: NUL cannot come from a person (the engine strips it) nor from Postgres text. */
// eslint-disable-next-line no-control-regex -- NUL is the point: no text from outside can hold it.
const CODE_MARK = /\u0000code:([A-Za-z0-9_-]+)\u0000/g;

/**
 * Where a reply names a code a person opens with the bot (an invite's or a reset link's payload):
 * the engine knows no platform's links, so each adapter writes the mark out with `renderCodes`.
 */
export function codeMark(code: string): string {
  // i18n-exempt: a mark adapters replace, never shown
  return `\u0000code:${code}\u0000`;
}

/** A reply's text with each code mark replaced by what `render` says for its code. */
export function renderCodes(body: string, render: (code: string) => string): string {
  return body.replace(CODE_MARK, (_mark, code: string) => render(code));
}
