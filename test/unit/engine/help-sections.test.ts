import { describe, expect, it } from 'vitest';
import { HELP_SECTIONS } from '../../../src/engine/commands/help.js';
import { COMMANDS, findCommand } from '../../../src/engine/commands/index.js';

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
      expect(entry.line.startsWith(`/${entry.name} `), entry.line).toBe(true);
      if (entry.example) expect(entry.example.startsWith(`/${entry.name} `), entry.example).toBe(true);
    }
  });
});
