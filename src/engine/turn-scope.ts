import type { SecretPurpose } from '../../flows/types.js';
import type { UserRow } from '../store/users.js';
import type { EngineDeps } from './deps.js';
import type { FlowId } from './flows.js';
import type { Inbound } from './inbound.js';
import { chooseLocale, type Locale } from '../i18n/locales.js';
import type { Text } from '../i18n/message.js';
import { text, type Outbound } from './outbound.js';

/** A flow at rest in a conversation. */
export interface RunningFlow {
  id: FlowId;
  version: number;
  /**
   * The account that started it, or null for a stranger's (a claim, login or reset link): only a
   * chat that maps to it may step the flow.
   */
  owner: string | null;
  /** Tags this run's buttons, so a button of an older run is recognised as stale. */
  instance: string;
  snapshot: unknown;
  /** It waits for a password (for this purpose): the next text is taken as one and its message deleted. */
  awaitsSecret?: SecretPurpose;
  /** The words of the flow's secret prompt, shown again when an update in between answered something else. */
  secretPrompt?: Text;
  /** SHA-256 of the nonce in the link of the current secret prompt; a form without it is stale. */
  secretNonce?: string;
  /**
   * When a flow waiting for a secret expires (ms since the epoch). Its state is kept a while longer,
   * so a password typed after that is still recognised as one and deleted, not left in the chat.
   */
  restsUntil?: number;
}

export interface SessionData {
  flow?: RunningFlow;
}

/** What the parts of one update's work share: who, where, the conversation and the replies so far. */
export interface TurnScope {
  /** The engine's deps for this update: every transaction opened through its store re-checks the chat's link. */
  readonly deps: EngineDeps;
  readonly inbound: Inbound;
  /** The speaker's account; read again when a flow created or linked it. */
  user: UserRow | undefined;
  readonly session: SessionData;
  readonly replies: Outbound[];
  /** A transaction of this update found the chat unlinked from the account the update acts for. */
  unlinkedMidway: boolean;
  /** The flow of this conversation waited for a secret and expired: the next text may be one. */
  expiredSecretWait?: boolean;
}

export function say(scope: TurnScope, body: Text): void {
  scope.replies.push(text(body));
}

/** The language this update's replies are worded in: the person's choice, their platform's, the default. */
export function localeOf(scope: Pick<TurnScope, 'deps' | 'inbound' | 'user'>): Locale {
  return chooseLocale({
    saved: scope.user?.locale,
    platform: scope.inbound.sender.languageCode,
    fallback: scope.deps.settings.defaultLocale,
  });
}
