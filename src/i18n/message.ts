/**
 * Words a person reads, named rather than written: `{ id: 'login-ask-email' }` is worded in the
 * reader's language when the reply leaves the engine (src/i18n/translate.ts), so flows, commands and
 * snapshots hold no language.
 */
export interface Message {
  id: string;
  args?: Record<string, MessageArg>;
  /** Texts set side by side (`joined`): each worded, with the message `id` worded between them. */
  parts?: readonly Text[];
}

/** A Date reads as a day in the reader's language (UTC); a Message argument is worded first. */
export type MessageArg = string | number | Date | Message;

/** What a reply carries: a message to word, or text that is already what it is (a name, an agent's answer). */
export type Text = string | Message;

export function msg(id: string, args?: Record<string, MessageArg>): Message {
  return args ? { id, args } : { id };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'id' in value;
}

/** How `joined` sets texts apart: ", ", " or ", a new line, a blank line, a space, or "; ". */
export type Separator = 'comma' | 'or' | 'line' | 'paragraph' | 'sentence' | 'clause';

/**
 * Texts one after another as one Text, worded together in the reader's language (a list of names,
 * the lines of an answer whose parts are messages); the empty list is the empty text.
 */
export function joined(texts: readonly Text[], by: Separator): Text {
  if (texts.length <= 1) return texts[0] ?? '';
  return { id: `join-${by}`, parts: texts };
}
