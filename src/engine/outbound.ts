import type { SecretPurpose } from '../../flows/types.js';

/** A page of Gatehouse's web app that a button can open (Telegram's Mini App). */
export type WebAppPage = 'users';

/**
 * A button; `action` comes back as `Inbound.action` when tapped (at most 64 bytes). With `page`,
 * an adapter that has a web app (`Capabilities.hasWebApp`) opens that page instead.
 */
export interface Button {
  label: string;
  action: string;
  page?: WebAppPage;
}

/**
 * A reply, in the platform-neutral form adapters render. Text is plain (adapters escape it) and names
 * a command as `/name`: an adapter whose commands read otherwise renders it with `withCommandPrefix`.
 */
export type Outbound =
  | { type: 'text'; text: string; buttons?: Button[][]; privately?: boolean }
  /**
   * Ask for a secret: a form where the platform has one, else a message the bot will delete. A web
   * form carries `nonce` in its link; the engine takes its submission only while that prompt is current.
   */
  | { type: 'secretPrompt'; text: string; purpose: SecretPurpose; action: string; nonce: string }
  | { type: 'file'; name: string; mimeType: string; content: string; caption: string; privately?: boolean }
  /** Delete the person's message that carried a secret; `failedNotice` is said if deletion fails. */
  | { type: 'deleteMessage'; messageId: string; failedNotice: string };

export function text(body: string, options: { buttons?: Button[][]; privately?: boolean } = {}): Outbound {
  return { type: 'text', text: body, ...options };
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
  return `\u0000code:${code}\u0000`;
}

/** A reply's text with each code mark replaced by what `render` says for its code. */
export function renderCodes(body: string, render: (code: string) => string): string {
  return body.replace(CODE_MARK, (_mark, code: string) => render(code));
}
