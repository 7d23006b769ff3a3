import { distance } from 'fastest-levenshtein';
import type { Inbound } from '../inbound.js';
import type { CommandSpec } from './types.js';
import { accountCommands } from './account.js';
import { agentCommands } from './agents.js';
import { auditCommands } from './audit.js';
import { groupCommands } from './groups.js';
import { inviteCommands } from './invites.js';
import { languageCommands } from './language.js';
import { leavingCommands } from './leaving.js';
import { startCommands } from './start.js';
import { userCommands } from './users.js';

/** Every command, in the order command menus list them (/help groups them by purpose: see help.ts). */
export const COMMANDS: CommandSpec[] = [
  ...startCommands,
  ...accountCommands,
  ...languageCommands,
  ...agentCommands,
  ...inviteCommands,
  ...userCommands,
  ...groupCommands,
  ...auditCommands,
  ...leavingCommands,
];

const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

export function findCommand(name: string): CommandSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The command an update runs: typed, or a button that stands for one (`/user <id>`). */
export function commandNameOf(inbound: Pick<Inbound, 'command' | 'action'>): string | undefined {
  return inbound.command?.name ?? inbound.action?.match(/^\/(\w+)/)?.[1];
}

/** The commands a caller of `role` may use (undefined: a stranger), for /help and command menus. */
export function commandsFor(role: 'admin' | 'member' | undefined): CommandSpec[] {
  return COMMANDS.filter(
    (c) =>
      !c.hidden &&
      (c.audience === 'anyone' || (role !== undefined && (c.audience === 'member' || role === 'admin'))),
  );
}

/**
 * The command a mistyped name most likely meant, among those the caller may use (and /cancel):
 * two edits away (a swapped pair of letters is two), one for a name of three letters or fewer so
 * short words do not match everything; undefined when nothing is that close.
 */
export function nearestCommand(typed: string, role: 'admin' | 'member' | undefined): string | undefined {
  const name = typed.toLowerCase();
  const reach = name.length <= 3 ? 1 : 2;
  let nearest: { name: string; edits: number } | undefined;
  for (const candidate of [...commandsFor(role).map((c) => c.name), 'cancel']) {
    const edits = distance(name, candidate);
    if (edits <= reach && (!nearest || edits < nearest.edits)) nearest = { name: candidate, edits };
  }
  return nearest?.name;
}
