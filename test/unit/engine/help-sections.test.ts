import { describe, expect, it } from 'vitest';
import { HELP_SECTIONS } from '../../../src/engine/commands/help.js';
import { COMMANDS, findCommand } from '../../../src/engine/commands/index.js';
import { translate } from '../../../src/i18n/translate.js';

describe("/help's sections", () => {
  const listed = HELP_SECTIONS.flatMap((s) => s.entries.map((e) => e.name));

  it('list every command a menu shows, and /onboarding, each once', () => {
    const expected = [
      ...COMMANDS.filter((c) => !c.hidden && c.name !== 'help').map((c) => c.name),
      'onboarding',
    ];
    expect([...listed].sort()).toEqual([...expected].sort());
  });

  it('name only commands that exist, each line starting with its own', () => {
    for (const entry of HELP_SECTIONS.flatMap((s) => s.entries)) {
      expect(findCommand(entry.name), entry.name).toBeDefined();
      const line = translate('en', entry.line);
      expect(line.startsWith(`/${entry.name} `), line).toBe(true);
      const example = entry.example && translate('en', entry.example);
      if (example) expect(example.startsWith(`/${entry.name} `), example).toBe(true);
    }
  });
});
