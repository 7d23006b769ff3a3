import { randomBytes } from 'node:crypto';
import type { Store } from '../../src/store/store.js';
import type { UserRow } from '../../src/store/users.js';
import type { Role } from '../../src/domain/enums.js';

/** A password that passes the policy, for tests that need one. */
export const GOOD_PASSWORD = 'violet-Harbor-Lantern-42';

let counter = 0;

/** Inserts an account straight into the record (the argon2 hash is not needed for these tests). */
export async function seedUser(
  store: Store,
  options: { role?: Role; name?: string; email?: string | null; status?: 'active' | 'deactivated' } = {},
): Promise<UserRow> {
  counter += 1;
  const tag = `${counter}-${randomBytes(3).toString('hex')}`;
  const user = await store.users.insertUser({
    name: options.name ?? `Person ${tag}`,
    email: options.email === undefined ? `person-${tag}@example.com` : options.email,
    role: options.role ?? 'member',
    passwordHash: 'not-a-real-hash',
    invitedBy: null,
  });
  if (options.status === 'deactivated') {
    await store.db`update users set status = 'deactivated', deactivated_at = now() where id = ${user.id}`;
    return { ...user, status: 'deactivated' };
  }
  return user;
}

/** A chat identity no other test uses. */
export function newIdentity(platform: 'telegram' | 'slack' | 'console' = 'telegram') {
  return { platform, externalId: randomBytes(6).toString('hex'), username: null };
}

/** Links a chat identity (by default a Telegram one whose handle is its id) to an account. */
export async function linkChat(
  store: Store,
  user: UserRow,
  externalId: string,
  platform: 'telegram' | 'slack' | 'console' = 'telegram',
  username: string = externalId,
): Promise<void> {
  await store.identities.insertIdentity({ platform, externalId, userId: user.id, username });
}
