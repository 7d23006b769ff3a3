import { readFileSync } from 'node:fs';
import { PASSWORD_MIN_LENGTH } from '../../../domain/passwords.js';

/** Telegram's own script, the only thing a page loads from elsewhere. */
export const TELEGRAM_WEB_APP_SCRIPT = 'https://telegram.org/js/telegram-web-app.js';

/**
 * Scripts and styles from us (and Telegram's script, by its exact path), data from us only, and no
 * framing but Telegram Web's (the other clients open the page in a web view, not a frame).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src 'self' ${TELEGRAM_WEB_APP_SCRIPT}`,
  "style-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors https://web.telegram.org',
].join('; ');

export const PASSWORD_POLICY =
  `At least ${PASSWORD_MIN_LENGTH} characters, with at least one letter and one digit, ` +
  'and not on a list of common or breached passwords.';

export interface StaticFile {
  body: string;
  type: string;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
};

/** The pages and their assets, by name; read once, so a request never touches the disk. */
export interface Pages {
  password: StaticFile;
  users: StaticFile;
  assets: ReadonlyMap<string, StaticFile>;
}

const ASSETS = ['app.css', 'common.js', 'password.js', 'users.js'];

function read(name: string): StaticFile {
  const body = readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8');
  return { body, type: TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}

export function loadPages(): Pages {
  const password = read('password.html');
  return {
    password: { ...password, body: password.body.replace('{{policy}}', PASSWORD_POLICY) },
    users: read('users.html'),
    assets: new Map(ASSETS.map((name) => [name, read(name)])),
  };
}
