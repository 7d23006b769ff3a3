import type { IdentityRow } from '../store/identities.js';
import type { SessionStore } from '../store/sessions.js';
import { identityKeyPrefix } from './inbound.js';

/** Drops every conversation state of chat identities that were just unlinked (logged out). */
export async function endConversations(sessions: SessionStore, identities: IdentityRow[]): Promise<void> {
  for (const identity of identities) {
    await sessions.deleteByPrefix(identityKeyPrefix(identity.platform, identity.externalId));
  }
}
