import type { WebAppPage } from '../../../engine/outbound.js';

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

/** The password form for one secret prompt; the nonce rides in the query, never in the fragment. */
export function passwordFormUrl(publicUrl: string, nonce: string): string {
  return `${base(publicUrl)}${MINI_APP_PATHS.password}?n=${encodeURIComponent(nonce)}`;
}

/** A page a button opens by name. */
export function webAppPageUrl(publicUrl: string, page: WebAppPage): string {
  return `${base(publicUrl)}${MINI_APP_PATHS[page]}`;
}
