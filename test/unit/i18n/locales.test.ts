import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, Visitor, type Entry, type VariableReference, Message, Term } from '@fluent/syntax';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LOCALES } from '../../../src/i18n/locales.js';
import { translate } from '../../../src/i18n/translate.js';
import { msg } from '../../../src/i18n/message.js';

const LOCALES = new URL('../../../locales/', import.meta.url);

/** A locale's messages: id → the sorted names of the variables it uses. */
function messagesOf(locale: string): { placeables: Map<string, string[]>; junk: string[] } {
  const placeables = new Map<string, string[]>();
  const junk: string[] = [];
  const dir = new URL(`${locale}/`, LOCALES);
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ftl'))) {
    const resource = parse(readFileSync(new URL(file, dir), 'utf8'), {});
    for (const entry of resource.body as Entry[]) {
      if (entry.type === 'Junk') junk.push(`${locale}/${file}: ${String(entry.annotations[0]?.message)}`);
      if (entry instanceof Message || entry instanceof Term) {
        const id = `${entry instanceof Term ? '-' : ''}${entry.id.name}`;
        if (placeables.has(id)) junk.push(`${locale}/${file}: ${id} is defined twice`);
        placeables.set(id, variablesOf(entry));
      }
    }
  }
  return { placeables, junk };
}

function variablesOf(entry: Message | Term): string[] {
  const names = new Set<string>();
  class Variables extends Visitor {
    override visitVariableReference(node: VariableReference) {
      names.add(node.id.name);
    }
  }
  new Variables().visit(entry);
  return [...names].sort();
}

/** Every literal message id the code names: `msg('id'` in src/ and flows/. */
function idsInCode(): string[] {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const files = ['src', 'flows'].flatMap((d) =>
    readdirSync(`${root}${d}`, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|js)$/.test(f))
      .map((f) => `${root}${d}/${f}`),
  );
  return [
    ...new Set(
      files.flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\bmsg\(\s*'([a-z0-9-]+)'/g)].map((m) => m[1]!),
      ),
    ),
  ];
}

describe('locales', () => {
  const english = messagesOf('en');

  it.each(SUPPORTED_LOCALES)('%s parses cleanly', (locale) => {
    expect(messagesOf(locale).junk).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES.filter((l) => l !== 'en'))(
    '%s has every message of English, with the same placeables',
    (locale) => {
      const { placeables } = messagesOf(locale);
      const missing = [...english.placeables.keys()].filter((id) => !placeables.has(id));
      const extra = [...placeables.keys()].filter((id) => !english.placeables.has(id));
      const differing = [...english.placeables]
        .filter(([id, vars]) => placeables.has(id) && placeables.get(id)!.join() !== vars.join())
        .map(
          ([id, vars]) => `${id}: en {${vars.join(', ')}} vs ${locale} {${placeables.get(id)!.join(', ')}}`,
        );
      expect({ missing, extra, differing }).toEqual({ missing: [], extra: [], differing: [] });
    },
  );

  it('has every message the code names', () => {
    expect(idsInCode().filter((id) => !english.placeables.has(id))).toEqual([]);
  });

  it('words a message in the reader’s language and falls back to English', () => {
    expect(translate('en', 'verbatim')).toBe('verbatim');
    expect(translate('de', msg('no-such-message'))).toBe('no-such-message');
  });
});
