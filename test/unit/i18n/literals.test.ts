import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WORDLESS_DIRS, writtenWords } from '../../support/literals.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('words a person reads come from locales/', () => {
  it.each(WORDLESS_DIRS)('%s writes none out', (dir) => {
    const written = writtenWords(ROOT, [dir]).map((w) => `${w.file}:${w.line} ${JSON.stringify(w.text)}`);
    expect(written).toEqual([]);
  });

  it('would catch a reply written out', () => {
    const found = writtenWords(fileURLToPath(new URL('./fixtures/', import.meta.url)), ['written']);
    expect(found.map((w) => w.text)).toEqual(['Thanks, got it.', 'Cancel', 'Hello X, welcome']);
  });
});
