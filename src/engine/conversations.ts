import type { IdentityRow } from '../store/identities.js';
import type { SessionStore } from '../store/sessions.js';
import { identityKeyPrefix } from './inbound.js';

/**
 * Ends every conversation of chat identities that were just unlinked, so none keeps a flow's state.
 * Their flows are dead already (a flow only steps for a chat linked to its owner); this clears them.
 */
export async function endConversations(sessions: SessionStore, identities: IdentityRow[]): Promise<void> {
  for (const identity of identities) {
    await sessions.endByPrefix(identityKeyPrefix(identity.platform, identity.externalId));
  }
}
