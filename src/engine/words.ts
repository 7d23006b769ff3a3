import { msg, type Text } from '../i18n/message.js';

/** How `joined` sets texts apart: ", ", " or ", a new line, or a blank line. */
export type Separator = 'comma' | 'or' | 'line' | 'paragraph';

/**
 * Texts one after another, worded together when the reply leaves the engine (a list of names, the
 * lines of an answer whose parts are messages); the empty list is the empty text.
 */
export function joined(texts: readonly Text[], by: Separator): Text {
  const [first, ...rest] = texts;
  if (first === undefined) return '';
  return rest.length === 0 ? first : msg(`engine-join-${by}`, { first, rest: joined(rest, by) });
}
