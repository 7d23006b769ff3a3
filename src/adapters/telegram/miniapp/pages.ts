import { readFileSync } from 'node:fs';
import { PASSWORD_MIN_LENGTH } from '../../../domain/passwords.js';
import { SUPPORTED_LOCALES, type Locale } from '../../../i18n/locales.js';
import { msg, type Message } from '../../../i18n/message.js';
import { translate } from '../../../i18n/translate.js';
import { escapeHtml } from '../render.js';

/** Telegram's own script, the only thing a page loads from elsewhere. */
export const TELEGRAM_WEB_APP_SCRIPT = 'https://telegram.org/js/telegram-web-app.js'; // i18n-exempt: a URL

/**
 * Scripts and styles from us (and Telegram's script, by its exact path), data from us only, and no
 * framing but Telegram Web's (the other clients open the page in a web view, not a frame).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'", // i18n-exempt: a CSP directive
  `script-src 'self' ${TELEGRAM_WEB_APP_SCRIPT}`, // i18n-exempt: a CSP directive
  "style-src 'self'", // i18n-exempt: a CSP directive
  "connect-src 'self'", // i18n-exempt: a CSP directive
  "base-uri 'none'", // i18n-exempt: a CSP directive
  "form-action 'none'", // i18n-exempt: a CSP directive
  'frame-ancestors https://web.telegram.org', // i18n-exempt: a CSP directive
].join('; ');

export interface StaticFile {
  body: string;
  type: string;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8', // i18n-exempt: a MIME type
  css: 'text/css; charset=utf-8', // i18n-exempt: a MIME type
  js: 'text/javascript; charset=utf-8', // i18n-exempt: a MIME type
};

/**
 * A page's words, by the names its HTML (`{{name}}`) and script (`words.name`) use. A script fills
 * `{name}`-style slots itself (a person's name, a count), so those are worded with the slot in place.
 */
type PageWords = Record<string, Message>;

const slot = (name: string) => `{${name}}`;

/** What failing to reach or use a page says, on both pages. */
const COMMON_WORDS: PageWords = {
  loading: msg('miniapp-loading'),
  notConfirmed: msg('miniapp-not-confirmed'),
  failed: msg('miniapp-failed'),
};

const PASSWORD_WORDS: PageWords = {
  ...COMMON_WORDS,
  title: msg('miniapp-password-title'),
  heading: msg('miniapp-password-heading'),
  policy: msg('miniapp-password-policy', { min: PASSWORD_MIN_LENGTH }),
  currentPassword: msg('miniapp-current-password'),
  newPassword: msg('miniapp-new-password'),
  passwordAgain: msg('miniapp-password-again'),
  password: msg('miniapp-label-password'),
  save: msg('miniapp-save'),
  change: msg('miniapp-button-change'),
  confirm: msg('miniapp-button-confirm'),
  logIn: msg('miniapp-button-login'),
  titleClaim: msg('miniapp-title-claim'),
  titleNew: msg('miniapp-title-new'),
  titleChange: msg('miniapp-title-change'),
  titleConfirm: msg('miniapp-title-confirm'),
  titleLogin: msg('miniapp-title-login'),
  unknownStep: msg('miniapp-unknown-step'),
  stale: msg('miniapp-stale-short'),
  locked: msg('miniapp-locked-short'),
  outsideTelegram: msg('miniapp-form-outside-telegram'),
  enterCurrent: msg('miniapp-current-missing'),
  enterPassword: msg('miniapp-enter-password'),
  differ: msg('miniapp-passwords-differ'),
  refused: msg('miniapp-password-refused'),
  sent: msg('miniapp-sent'),
  connectionFailed: msg('miniapp-connection-failed'),
};

const USERS_WORDS: PageWords = {
  ...COMMON_WORDS,
  title: msg('miniapp-users-title'),
  heading: msg('miniapp-users-heading'),
  intro: msg('miniapp-users-intro'),
  search: msg('miniapp-users-search'),
  searchLabel: msg('miniapp-users-search-label'),
  name: msg('miniapp-column-name'),
  email: msg('miniapp-column-email'),
  role: msg('miniapp-column-role'),
  groups: msg('miniapp-column-groups'),
  status: msg('miniapp-column-status'),
  linked: msg('miniapp-column-linked'),
  lastSeen: msg('miniapp-column-last-seen'),
  // The same facts as the chat's /users and panels (locales/*/commands.ftl, `fact-…`).
  statusActive: msg('fact-status', { status: 'active' }),
  statusPending: msg('fact-status', { status: 'pending' }),
  statusExpired: msg('fact-status', { status: 'expired' }),
  statusDeactivated: msg('fact-status', { status: 'deactivated' }),
  roleAdmin: msg('fact-role', { role: 'admin' }),
  roleMember: msg('fact-role', { role: 'member' }),
  none: msg('fact-none'),
  platformTelegram: msg('miniapp-platform-telegram'),
  platformSlack: msg('miniapp-platform-slack'),
  platformConsole: msg('miniapp-platform-console'),
  never: msg('fact-seen-never'),
  justNow: msg('fact-seen-just-now'),
  inviteRow: msg('miniapp-invite-row', { name: slot('name'), id: slot('id') }),
  openPanel: msg('miniapp-open-panel'),
  count: msg('miniapp-count', { shown: slot('shown'), total: slot('total') }),
  opening: msg('miniapp-opening-panel', { name: slot('name') }),
  openFailed: msg('miniapp-open-failed'),
  opened: msg('miniapp-panel-opened', { name: slot('name') }),
  outsideTelegram: msg('miniapp-table-outside-telegram'),
  adminsOnly: msg('miniapp-table-admins-only'),
  nobody: msg('miniapp-nobody'),
};

/** The pages and their assets, by name; read and worded once, so a request never touches the disk. */
export interface Pages {
  password: Record<Locale, StaticFile>;
  users: Record<Locale, StaticFile>;
  assets: ReadonlyMap<string, StaticFile>;
}

// i18n-exempt: file names
const ASSETS = ['app.css', 'common.js', 'password.js', 'users.js'];

function read(name: string): StaticFile {
  const body = readFileSync(new URL(`./pages/${name}`, import.meta.url), 'utf8');
  return { body, type: TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream' };
}

/**
 * A page in `locale`: its `{{name}}` slots worded, its language named, and every word its script
 * shows handed to it as JSON (read by common.js), so the script itself holds no language.
 */
export function wordPage(template: StaticFile, words: PageWords, locale: Locale): StaticFile {
  const worded = Object.fromEntries(Object.entries(words).map(([name, m]) => [name, translate(locale, m)]));
  // `<` escaped, so no word can close the script element that carries them.
  const json = JSON.stringify(worded).replace(/</g, '\\u003c');
  const body = template.body
    .replace(/\{\{(\w+)\}\}/g, (all, name: string) => escapeHtml(worded[name] ?? all))
    .replace('{{lang}}', () => locale)
    .replace('{{words}}', () => json);
  return { ...template, body };
}

function inEveryLocale(template: StaticFile, words: PageWords): Record<Locale, StaticFile> {
  return Object.fromEntries(SUPPORTED_LOCALES.map((l) => [l, wordPage(template, words, l)])) as Record<
    Locale,
    StaticFile
  >;
}

export function loadPages(): Pages {
  return {
    // i18n-exempt: a file name
    password: inEveryLocale(read('password.html'), PASSWORD_WORDS),
    // i18n-exempt: a file name
    users: inEveryLocale(read('users.html'), USERS_WORDS),
    assets: new Map(ASSETS.map((name) => [name, read(name)])),
  };
}
