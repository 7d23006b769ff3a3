// Shared by the Mini App's pages: Telegram's theme, the signed init data, and calls to our API.

/** Telegram's WebApp object, or undefined outside Telegram (or if its script did not load). */
export const tg = window.Telegram?.WebApp;

/** The language the server worded the page in, and the words of its script (see pages.ts). */
export const locale = document.documentElement.lang;
export const words = JSON.parse(document.getElementById('words')?.textContent || '{}');

/** A page word with its `{name}` slots filled from `values`. */
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (slot, name) => (name in values ? String(values[name]) : slot));
}

/** The signed init data as Telegram gave it; from the URL fragment if Telegram's script is missing. */
export function initData() {
  return tg?.initData || new URLSearchParams(location.hash.slice(1)).get('tgWebAppData') || '';
}

const COLOR = /^#[0-9a-fA-F]{3,8}$/;

/** Copies Telegram's theme parameters into --tg-theme-* variables, which app.css reads. */
export function applyTheme() {
  let params = tg?.themeParams;
  if (!params || Object.keys(params).length === 0) {
    try {
      params = JSON.parse(new URLSearchParams(location.hash.slice(1)).get('tgWebAppThemeParams') || '{}');
    } catch {
      params = {};
    }
  }
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' && COLOR.test(value)) {
      document.documentElement.style.setProperty(`--tg-theme-${name.replace(/_/g, '-')}`, value);
    }
  }
}

/** Starts a page: theme, and tell Telegram it may show it. */
export function start() {
  applyTheme();
  tg?.onEvent?.('themeChanged', applyTheme);
  tg?.ready?.();
  tg?.expand?.();
}

/** A call to our API with the init data; resolves to the status and the JSON body (or null). */
export async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: {
      // i18n-exempt: the Authorization scheme of Telegram Mini Apps
      authorization: `tma ${initData()}`,
      'content-type': 'application/json',
      // What the server says comes in the page's language.
      'accept-language': locale,
    },
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  return { status: response.status, body };
}

/** Closes the Mini App after a moment, so the last words on the page can be read. */
export function closeSoon() {
  setTimeout(() => tg?.close?.(), 1500);
}
