import { describe, expect, it } from 'vitest';
import { nearestCommand } from '../../../src/engine/commands/index.js';

describe('nearestCommand', () => {
  it('finds the command two edits away from a longer typo', () => {
    expect(nearestCommand('invties', 'admin')).toBe('invites');
    expect(nearestCommand('Grups', 'admin')).toBe('groups');
  });

  it('reaches one edit for a name of three letters or fewer, so short words do not match everything', () => {
    expect(nearestCommand('hepl', undefined)).toBe('help');
    expect(nearestCommand('hi', 'admin')).toBeUndefined();
    expect(nearestCommand('sk', 'member')).toBe('ask');
    expect(nearestCommand('xy', 'member')).toBeUndefined();
  });

  it('suggests only what the caller may use', () => {
    expect(nearestCommand('invties', 'member')).toBeUndefined();
    expect(nearestCommand('invties', undefined)).toBeUndefined();
  });

  it('also suggests /cancel, which /help lists', () => {
    expect(nearestCommand('cancle', 'member')).toBe('cancel');
  });

  it('suggests nothing for a word far from every command', () => {
    expect(nearestCommand('weather', 'admin')).toBeUndefined();
  });
});
