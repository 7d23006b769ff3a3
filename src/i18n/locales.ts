import { negotiateLanguages } from '@fluent/langneg';

/** The languages every message exists in (locales/<code>/*.ftl); English is complete by definition. */
export const SUPPORTED_LOCALES = ['en', 'de', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

export function isSupportedLocale(code: string): code is Locale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(code);
}

/**
 * The supported language closest to a requested one ("de-AT" → "de", "pt-BR" → undefined); a
 * platform's or a person's code that names none we speak gives undefined.
 */
export function supportedLocale(requested: string | null | undefined): Locale | undefined {
  const code = requested?.trim().replace('_', '-');
  if (!code) return undefined;
  const [best] = negotiateLanguages([code], SUPPORTED_LOCALES, { strategy: 'lookup', defaultLocale: '' });
  return best && isSupportedLocale(best) ? best : undefined;
}

/** The person's saved choice, else their platform's language, else the operator's default. */
export function chooseLocale(choices: {
  saved?: string | null;
  platform?: string | null;
  fallback: Locale;
}): Locale {
  return supportedLocale(choices.saved) ?? supportedLocale(choices.platform) ?? choices.fallback;
}
