import type { ListedStatus, InviteStatus, Platform, Role } from '../../domain/enums.js';
import { msg, type Message, type Text } from '../../i18n/message.js';

/**
 * Facts read the same everywhere (a role, a status, a date, an empty value): each has one message,
 * and every list and panel names it, so /profile, /users and /invites agree in every language.
 */

/** "3 min ago", "2 days ago", "never": the one way "last seen" reads, in lists and panels. */
export function ago(date: Date | null, now = Date.now()): Message {
  if (!date) return msg('fact-seen-never');
  const minutes = Math.round((now - date.getTime()) / 60_000);
  if (minutes < 1) return msg('fact-seen-just-now');
  if (minutes < 60) return msg('fact-seen-minutes-ago', { minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return msg('fact-seen-hours-ago', { hours });
  return msg('fact-seen-days-ago', { days: Math.round(hours / 24) });
}

/** A day, in the reader's language (UTC). */
export function day(date: Date): Message {
  return msg('fact-day', { day: date });
}

/** A day and its time to the minute, in the reader's language (UTC, and saying so). */
export function minute(date: Date): Message {
  return msg('fact-minute', { when: date });
}

export function platformName(platform: Platform): Message {
  return msg('fact-platform', { platform });
}

export function roleName(role: Role): Message {
  return msg('fact-role', { role });
}

/** A person's or an invite's status as lists show it ("Pending", "Used up"). */
export function statusName(status: ListedStatus | InviteStatus): Message {
  return msg('fact-status', { status: status.toLowerCase().replace(' ', '-') });
}

/** The one empty value: a person with no groups or no chats, an agent open to no group. */
const NONE = msg('fact-none');

/** A name not given yet, in a list's name column: an invite for anyone. */
export const UNNAMED = msg('fact-unnamed');

/** Names as one comma-separated list (names read the same in every language), or the empty value. */
export function listOrNone(items: string[], none: Text = NONE): Text {
  return items.length > 0 ? items.join(', ') : none;
}
