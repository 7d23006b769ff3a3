/**
 * The record's size rules, free of I/O: the domain enforces them; flows and argument parsing check
 * early against the same numbers, so a question is asked again before anything is written.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** A line of free text a person types: a name, an invite's label. */
export const SHORT_TEXT_MAX_LENGTH = 100;

/** How far one `/invite` reaches. */
export const INVITE_LIMITS = {
  emails: 50,
  groups: 20,
  maxUses: 1000,
  expiresInDays: 90,
  labelLength: SHORT_TEXT_MAX_LENGTH,
} as const;

/** Group and agent names: letters, digits, spaces, `_`, `.` or `-`, starting with a letter or digit. */
export const ENTITY_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} _.-]*$/u;
export const ENTITY_NAME_MAX_LENGTH = 64;
