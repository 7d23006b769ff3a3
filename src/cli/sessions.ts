import type { Config } from '../config.js';
import type { IdentityRow } from '../store/identities.js';
import type { OpenedRecord } from '../store/open.js';
import type { SessionStore } from '../store/sessions.js';
import { RedisSessionStore } from '../store/sessions-redis.js';
import { PostgresSessionStore } from '../store/sessions-postgres.js';
import { identityKeyPrefix } from '../engine/inbound.js';

/** The session store the bot uses with these settings. */
export function openSessionStore(config: Config, record: OpenedRecord): SessionStore {
  return config.REDIS_URL ? new RedisSessionStore(config.REDIS_URL) : new PostgresSessionStore(record.sql);
}

/** Drops every conversation state of these chat identities (after they were unlinked). */
export async function endConversations(sessions: SessionStore, identities: IdentityRow[]): Promise<void> {
  for (const identity of identities) {
    await sessions.deleteByPrefix(identityKeyPrefix(identity.platform, identity.externalId));
  }
}
