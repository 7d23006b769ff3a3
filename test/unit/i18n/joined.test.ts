import { describe, expect, it } from 'vitest';
import { joined, type Separator } from '../../../src/i18n/message.js';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locales.js';
import { msg } from '../../../src/i18n/message.js';
import { translate } from '../../../src/i18n/translate.js';

describe('joined', () => {
  const parts = ['Ada', msg('engine-language-own-name-de'), 'Bob'];

  it.each<[Separator, string]>([
    ['comma', 'Ada, Deutsch, Bob'],
    ['or', 'Ada or Deutsch or Bob'],
    ['line', 'Ada\nDeutsch\nBob'],
    ['paragraph', 'Ada\n\nDeutsch\n\nBob'],
  ])('sets texts apart by %s, each worded', (by, english) => {
    expect(translate('en', joined(parts, by))).toBe(english);
  });

  it('is the text itself for one, and empty for none', () => {
    expect(joined(['Ada'], 'comma')).toBe('Ada');
    expect(joined([], 'line')).toBe('');
  });

  it.each(SUPPORTED_LOCALES)('has every separator in %s', (locale) => {
    for (const by of ['comma', 'or', 'line', 'paragraph'] as const)
      expect(translate(locale, joined(['a', 'b'], by))).toMatch(/^a\W+(\w+\W+)?b$/);
  });
});
