import type { Locale } from '../i18n/locales.js';

/** A language's English name for a model's instructions ("German"), from its code. */
function englishName(locale: Locale): string {
  return new Intl.DisplayNames('en', { type: 'language' }).of(locale) ?? locale;
}

/**
 * The line of a model's instructions that sets the language it answers in: the person's (their
 * saved choice, else their platform's, else the operator's default), unless they ask for another.
 */
export function speakInstruction(locale: Locale): string {
  return `Speak ${englishName(locale)} (${locale}) with this person unless they ask otherwise.`;
}
