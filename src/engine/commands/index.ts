import type { Inbound } from '../inbound.js';
import type { CommandSpec } from './types.js';
import { accountCommands } from './account.js';
import { agentCommands } from './agents.js';
import { auditCommands } from './audit.js';
import { groupCommands } from './groups.js';
import { inviteCommands } from './invites.js';
import { leavingCommands } from './leaving.js';
import { startCommands } from './start.js';
import { userCommands } from './users.js';

/** Every command, in the order /help lists them. */
export const COMMANDS: CommandSpec[] = [
  ...startCommands,
  ...accountCommands,
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
