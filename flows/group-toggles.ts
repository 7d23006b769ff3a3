// Groups chosen with toggle buttons: the /invite wizard's group step and the admin's person panel.
import type { Choice } from './types.js';

/** Toggle buttons carry `group:<index>`: Telegram's callback data is 64 bytes, a group name may not fit. */
const GROUP_TOGGLE_PREFIX = 'group:';
const GROUP_TOGGLES_PER_ROW = 2;

/**
 * The most groups offered as buttons, the first by name; the others are typed. Telegram takes at most
 * 100 buttons on a message, and a long keyboard is hard to use long before that.
 */
export const MAX_GROUP_TOGGLES = 24;

/** The group names that get a button: the first `MAX_GROUP_TOGGLES` of all, in the order given (by name). */
export function toggleOptions(allNames: readonly string[]): string[] {
  return allNames.slice(0, MAX_GROUP_TOGGLES);
}

/** A toggle button for each option, ✓ on the selected ones, two to a row. */
export function toggleRows(options: readonly string[], selected: readonly string[]): Choice[][] {
  const toggles = options.map((name, index) => ({
    label: selected.includes(name) ? `✓ ${name}` : name,
    value: `${GROUP_TOGGLE_PREFIX}${index}`,
  }));
  const rows: Choice[][] = [];
  for (let i = 0; i < toggles.length; i += GROUP_TOGGLES_PER_ROW)
    rows.push(toggles.slice(i, i + GROUP_TOGGLES_PER_ROW));
  return rows;
}

export function isToggle(value: string): boolean {
  return value.startsWith(GROUP_TOGGLE_PREFIX);
}

/** The selection after tapping toggle `value`: its group added or taken away; unchanged for an unknown one. */
export function toggled(options: readonly string[], selected: readonly string[], value: string): string[] {
  const name = options[Number(value.slice(GROUP_TOGGLE_PREFIX.length))];
  if (name === undefined) return [...selected];
  return selected.includes(name) ? selected.filter((n) => n !== name) : [...selected, name];
}
