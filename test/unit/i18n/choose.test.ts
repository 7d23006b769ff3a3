import { describe, expect, it } from 'vitest';
import { chooseLocale, localeNamed, supportedLocale } from '../../../src/i18n/locales.js';

describe('choosing the language', () => {
  it('takes the closest supported language of a code', () => {
    expect(supportedLocale('de-AT')).toBe('de');
    expect(supportedLocale('es_MX')).toBe('es');
    expect(supportedLocale('pt-BR')).toBeUndefined();
    expect(supportedLocale('')).toBeUndefined();
  });

  it('prefers the saved choice, then the platform, then the default', () => {
    expect(chooseLocale({ saved: 'es', platform: 'de', fallback: 'en' })).toBe('es');
    expect(chooseLocale({ saved: null, platform: 'de-CH', fallback: 'en' })).toBe('de');
    expect(chooseLocale({ saved: 'xx', platform: 'fr', fallback: 'es' })).toBe('es');
  });

  it('reads a language named in words, only when it names one', () => {
    expect(localeNamed('Deutsch, bitte')).toBe('de');
    expect(localeNamed('I prefer Spanish')).toBe('es');
    expect(localeNamed('español')).toBe('es');
    expect(localeNamed('en')).toBe('en');
    expect(localeNamed('French')).toBeUndefined();
    expect(localeNamed('English or German')).toBeUndefined();
  });
});
