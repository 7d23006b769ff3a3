import type { Locale } from '../i18n/locales.js';
import type { Store } from '../store/store.js';

/**
 * Saves the language `userId` chose for every chat (`/language`, or the interview's answer); null
 * lets their platform's language and then the default decide again. A preference, so not audited.
 */
export async function chooseLanguage(store: Store, userId: string, locale: Locale | null): Promise<void> {
  await store.tx((tx) => tx.users.setLocale(userId, locale));
}
