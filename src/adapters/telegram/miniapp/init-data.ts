import { isExpiredError, parse, validate } from '@telegram-apps/init-data-node';
import type { IncomingMessage } from 'node:http';

/** Init data older than this is refused (the library alone would accept a day-old one). */
export const INIT_DATA_MAX_AGE_SECONDS = 3600;
/** Clocks differ a little; an `auth_date` further ahead than this was not signed by Telegram today. */
const FUTURE_SKEW_SECONDS = 60;

/** Init data that cannot be trusted: absent, not signed with our bot's token, or too old. */
export class InitDataError extends Error {
  override readonly name = 'InitDataError';
  constructor(readonly reason: 'missing' | 'invalid' | 'expired') {
    // i18n-exempt: the error's message, for logs
    super(`the Mini App's init data is ${reason}`);
  }
}

/** The Telegram user that signed init data names, as the engine needs them. */
export interface WebAppUser {
  id: number;
  username: string | null;
  displayName: string;
  /** The language of the person's Telegram app (init data's `language_code`), if it names one. */
  languageCode?: string;
}

/** The raw init data a page sends as `Authorization: tma <initData>`, as received. */
export function initDataOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = header?.match(/^tma (.+)$/s);
  return match?.[1];
}

/**
 * Checks the raw init data string (as received: the signature covers every field exactly as sent)
 * against the bot token and its age, and returns its user. Throws InitDataError.
 */
export function verifyInitData(raw: string | undefined, botToken: string, now = Date.now()): WebAppUser {
  if (!raw || raw.length > 4096) throw new InitDataError('missing');
  try {
    validate(raw, botToken, { expiresIn: INIT_DATA_MAX_AGE_SECONDS });
  } catch (error) {
    throw new InitDataError(isExpiredError(error) ? 'expired' : 'invalid');
  }
  const data = parse(raw);
  if (data.auth_date.getTime() > now + FUTURE_SKEW_SECONDS * 1000) throw new InitDataError('invalid');
  const user = data.user;
  if (!user || user.is_bot || !Number.isSafeInteger(user.id)) throw new InitDataError('invalid');
  return {
    id: user.id,
    username: user.username ?? null,
    displayName: [user.first_name, user.last_name].filter(Boolean).join(' '),
    ...(user.language_code ? { languageCode: user.language_code } : {}),
  };
}
