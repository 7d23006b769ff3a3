import { negotiateLanguages } from '@fluent/langneg';

/** The languages every message exists in (locales/<code>/*.ftl); English is complete by definition. */
export const SUPPORTED_LOCALES = ['en', 'de', 'es'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];

function isSupportedLocale(code: string): code is Locale {
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

/** How people name the languages we speak, in those languages and in each other (lower case). */
const LANGUAGE_NAMES: Record<Locale, readonly string[]> = {
  en: ['english', 'englisch', 'inglés', 'ingles'],
  de: ['german', 'deutsch', 'alemán', 'aleman'],
  es: ['spanish', 'español', 'espanol', 'castellano', 'spanisch'],
};

/**
 * The supported language a person's answer names ("German", "Deutsch, bitte", "es"), if exactly one;
 * an answer naming none we speak, or several, gives undefined.
 */
export function localeNamed(answer: string): Locale | undefined {
  const code = supportedLocale(answer);
  if (code) return code;
  const words = answer.toLowerCase().split(/[^\p{L}]+/u);
  const named = SUPPORTED_LOCALES.filter((l) => LANGUAGE_NAMES[l].some((n) => words.includes(n)));
  return named.length === 1 ? named[0] : undefined;
}
