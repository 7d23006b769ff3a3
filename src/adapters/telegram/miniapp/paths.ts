import type { WebAppPage } from '../../../engine/outbound.js';
import type { Locale } from '../../../i18n/locales.js';

/** Where the Mini App lives on the HTTP listener; links are built on `PUBLIC_URL` from these. */
export const MINI_APP_PATHS = {
  password: '/app/password',
  users: '/app/users',
  assets: '/app/assets/',
  secretApi: '/app/api/secret',
  usersApi: '/app/api/users',
  openUserApi: '/app/api/users/open',
} as const;

function base(publicUrl: string): string {
  return publicUrl.replace(/\/+$/, '');
}

/**
 * The query parameter naming the language a page is worded in: the language of the chat's reply
 * whose button opens it (a page's own request carries no init data to read it from).
 */
export const PAGE_LOCALE_PARAM = 'l';

/** The password form for one secret prompt; the nonce rides in the query, never in the fragment. */
export function passwordFormUrl(publicUrl: string, nonce: string, locale: Locale): string {
  const query = new URLSearchParams({ n: nonce, [PAGE_LOCALE_PARAM]: locale });
  // i18n-exempt: a URL
  return `${base(publicUrl)}${MINI_APP_PATHS.password}?${query.toString()}`;
}

/** A page a button opens by name, in the language of the reply that carries the button. */
export function webAppPageUrl(publicUrl: string, page: WebAppPage, locale: Locale): string {
  const query = new URLSearchParams({ [PAGE_LOCALE_PARAM]: locale });
  // i18n-exempt: a URL
  return `${base(publicUrl)}${MINI_APP_PATHS[page]}?${query.toString()}`;
}
