import type { UserRow } from '../../store/users.js';
import type { EngineDeps } from '../deps.js';
import type { FlowId, FlowInput } from '../flows.js';
import type { Inbound } from '../inbound.js';
import type { Text } from '../../i18n/message.js';
import type { Outbound } from '../outbound.js';

/** Who may run a command: anyone (even strangers), any signed-in person, or admins only. */
export type Audience = 'anyone' | 'member' | 'admin';

export interface CommandContext {
  deps: EngineDeps;
  inbound: Inbound;
  /** The speaker's account, read from the record for this very update; undefined for a stranger. */
  user: UserRow | undefined;
  /** Everything after the command word, trimmed. */
  args: string;
}

/** The speaker of a member or admin command: always signed in and active. */
export interface SignedInContext extends CommandContext {
  user: UserRow;
}

/** Starts flow `K` with its machine's input, and feeds it a first text (a one-line command's rest). */
type StartFlow<K extends FlowId> = {
  startFlow: K;
  input: FlowInput<K>;
  event?: { type: 'text'; text: string };
};

/**
 * What a command does: reply at once, or start a flow (replacing any running one). `user` is the
 * speaker's account as the command left it, when it changed what the replies depend on (/language).
 */
export type CommandOutcome =
  { replies: Outbound[]; user?: UserRow } | { [K in FlowId]: StartFlow<K> }[FlowId];

interface BaseCommand {
  name: string;
  /** Shown in /help and as the usage line after malformed arguments (without its slash; forms apart by " · "). */
  usage: Text;
  summary: Text;
  /** Runs only in a private chat (it handles secrets or personal data). */
  privateOnly?: boolean;
  /**
   * Its answer is for the asker alone: asked in a group whose replies everyone sees, it runs in the
   * asker's private chat instead, and the group is only told so.
   */
  answersPrivately?: boolean;
  /** Hidden from command menus (aliases, internal button commands); /help lists what help.ts names. */
  hidden?: boolean;
  /** Also open to deactivated people (their doors: /export, /deleteme, and /help to find them). */
  allowDeactivated?: boolean;
  /** Reads and writes no conversation state: answered from the record alone while the session store is away. */
  stateless?: boolean;
}

export type CommandSpec =
  | (BaseCommand & { audience: 'anyone'; run(ctx: CommandContext): Promise<CommandOutcome> })
  | (BaseCommand & {
      audience: 'member' | 'admin';
      run(ctx: SignedInContext): Promise<CommandOutcome>;
    });

export function reply(...replies: Outbound[]): CommandOutcome {
  return { replies };
}
