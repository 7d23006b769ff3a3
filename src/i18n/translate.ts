import { readFileSync, readdirSync } from 'node:fs';
import { FluentBundle, FluentDateTime, FluentResource, type FluentVariable } from '@fluent/bundle';
import { SUPPORTED_LOCALES, type Locale } from './locales.js';
import { isMessage, type Message, type MessageArg, type Text } from './message.js';

/** locales/ beside src/ (and beside dist/src/ in the compiled build, which copies it). */
const LOCALES_DIR = new URL('../../locales/', import.meta.url);

/** A day in the reader's language, in UTC so every chat and the record agree; DATETIME() adds the time. */
const DAY: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' };

function loadBundle(locale: Locale): FluentBundle {
  // Chat text is plain: Unicode isolation marks around every placeable would end up in messages.
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const dir = new URL(`${locale}/`, LOCALES_DIR);
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.ftl'))
    .sort()) {
    const errors = bundle.addResource(new FluentResource(readFileSync(new URL(file, dir), 'utf8')));
    if (errors.length > 0) throw new Error(`${locale}/${file}: ${errors.map(String).join('; ')}`);
  }
  return bundle;
}

const bundles = new Map<Locale, FluentBundle>(SUPPORTED_LOCALES.map((l) => [l, loadBundle(l)]));

/** The words of `text` in `locale`; a message missing there reads in English, one missing everywhere by its id. */
export function translate(locale: Locale, text: Text): string {
  if (!isMessage(text)) return text;
  if (text.parts)
    return text.parts.map((part) => translate(locale, part)).join(translate(locale, { id: text.id }));
  return wordInto(locale, text) ?? wordInto('en', text) ?? text.id;
}

function wordInto(locale: Locale, message: Message): string | undefined {
  const bundle = bundles.get(locale);
  const found = bundle?.getMessage(message.id);
  if (!bundle || !found?.value) return undefined;
  const errors: Error[] = [];
  const args = message.args ? fluentArgs(locale, message.args) : undefined;
  const worded = bundle.formatPattern(found.value, args, errors);
  return errors.length > 0 ? undefined : worded;
}

function fluentArgs(locale: Locale, args: Record<string, MessageArg>): Record<string, FluentVariable> {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [name, fluentArg(locale, value)]));
}

function fluentArg(locale: Locale, value: MessageArg): FluentVariable {
  if (value instanceof Date) return new FluentDateTime(value.getTime(), DAY);
  if (isMessage(value)) return translate(locale, value);
  return value;
}
