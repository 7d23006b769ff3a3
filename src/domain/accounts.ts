import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import type { IdentityKey, IdentityRow } from '../store/identities.js';
import { asActor, asTarget, requireActiveUser } from './actors.js';
import { recordAudit } from './audit.js';
import type { Platform } from './enums.js';
import {
  ChatUnlinkedError,
  AccountGoneError,
  IdentityLinkedError,
  LastChatError,
  NoChangeError,
  UnknownUserError,
  WrongCredentialsError,
} from './errors.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { generatePassword, hashPassword, verifyPassword } from './passwords.js';
import { prepareNewPassword, type NewPassword } from './staged-passwords.js';
import { emailSchema, parseField } from './validation.js';

export interface ChatIdentity {
  platform: Platform;
  externalId: string;
  username: string | null;
}

/**
 * The account a chat identity is linked to, or undefined for a stranger. With the `username` the
 * update showed, a changed handle is recorded (and taken from whoever showed it before on that
 * platform), so `@handle` finds the person who uses it now. Updates without one change nothing.
 */
export async function resolveIdentity(
  store: Store,
  key: IdentityKey & { username?: string | null },
): Promise<UserRow | undefined> {
  const found = await store.identities.getUserByIdentity(key);
  if (!found) return undefined;
  const { chatUsername, ...user } = found;
  const username = key.username?.trim();
  if (username && username.length <= USERNAME_MAX && username !== chatUsername)
    await refreshUsername(store, key, username);
  return user;
}

/** What the record keeps of a handle at most; longer ones are no platform's and are ignored. */
const USERNAME_MAX = 200;

async function refreshUsername(store: Store, key: IdentityKey, username: string): Promise<void> {
  try {
    await store.tx((tx) => tx.identities.setUsername(key, username));
  } catch (error) {
    // Two identities claiming one handle at the same moment: the next update settles it.
    if (!isUniqueViolation(error, 'identities_platform_username')) throw error;
  }
}

/**
 * Throws ChatUnlinkedError unless the chat identity is linked to `userId`. Inside a transaction the
 * link then holds until it ends, so an unlink and that transaction's writes never interleave.
 */
export async function requireLinkedChat(
  store: Store,
  input: { identity: IdentityKey; userId: string },
): Promise<void> {
  if (!(await store.identities.holdLink(input.identity, input.userId))) throw new ChatUnlinkedError();
}

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
const DUMMY_HASH = hashPassword(generatePassword());

/** The account of a typed email, if any (a malformed one names none). */
export async function findAccountByEmail(store: Store, email: string): Promise<UserRow | undefined> {
  const parsed = emailSchema.safeParse(email);
  return parsed.success ? store.users.getUserByEmail(parsed.data) : undefined;
}

/**
 * Links this chat to the account of `email` when the password matches. Unknown email, wrong password
 * and a deactivated account are the same WrongCredentialsError. Attempt limits live in the engine.
 */
export async function loginWithPassword(
  store: Store,
  input: { email: string; password: string; identity: ChatIdentity },
): Promise<UserRow> {
  const user = await findAccountByEmail(store, input.email);
  const hash = user ? await store.users.getPasswordHash(user.id) : undefined;
  const matches = await verifyPassword(hash ?? (await DUMMY_HASH), input.password);
  if (!user || !hash || !matches || user.status !== 'active') throw new WrongCredentialsError();
  return store.tx(async (tx) => {
    const linked = await tx.identities.getIdentity(input.identity);
    if (linked?.userId === user.id) throw new NoChangeError({ kind: 'chatAlreadyLinked' });
    if (linked || !(await tx.identities.insertIdentity({ ...input.identity, userId: user.id })))
      throw new IdentityLinkedError();
    await recordAudit(tx, {
      action: 'user.identity_linked',
      actor: asActor(user),
      target: asTarget(user),
      details: { platform: input.identity.platform },
    });
    return user;
  });
}

/**
 * Unlinks this chat from the account. Throws LastChatError when it is the account's only chat and
 * the account has no email: with no way to /login again, the person would be locked out.
 */
export async function logout(store: Store, input: { userId: string; identity: IdentityKey }): Promise<void> {
  await store.tx(async (tx) => {
    // The row lock makes two chats logging out at once see each other's unlink.
    const user = await tx.users.lockUserById(input.userId);
    if (!user) throw new UnknownUserError(input.userId);
    if (!(await tx.identities.deleteIdentity(user.id, input.identity)))
      throw new NoChangeError({ kind: 'chatNotLinked' });
    if (!user.email && (await tx.identities.listIdentities(user.id)).length === 0) {
      throw new LastChatError();
    }
    await recordAudit(tx, {
      action: 'user.identity_unlinked',
      actor: asActor(user),
      target: asTarget(user),
      details: { platform: input.identity.platform },
    });
  });
}

/** Throws WrongCredentialsError unless `password` is the active account's current one. */
export async function verifyCurrentPassword(
  store: Store,
  input: { userId: string; password: string },
): Promise<void> {
  const user = await requireActiveUser(store, input.userId);
  const hash = await store.users.getPasswordHash(user.id);
  if (!hash || !(await verifyPassword(hash, input.password))) throw new WrongCredentialsError();
}

/**
 * Sets a new password (typed, or staged and confirmed) and optionally logs out every other chat.
 * Callers check the current password first. Throws WeakPasswordError or StagedPasswordGoneError.
 */
export async function setNewPassword(
  store: Store,
  input: { userId: string; password: NewPassword; unlinkOtherChats?: boolean; identity: IdentityKey },
): Promise<{ unlinked: IdentityRow[] }> {
  const passwordHashIn = await prepareNewPassword(input.password);
  return store.tx(async (tx) => {
    const user = await requireActiveUser(tx, input.userId);
    await tx.users.setPasswordHash(user.id, await passwordHashIn(tx));
    const unlinked = input.unlinkOtherChats
      ? await tx.identities.deleteOtherIdentities(user.id, input.identity)
      : [];
    await recordAudit(tx, {
      action: 'user.password_changed',
      actor: asActor(user),
      target: asTarget(user),
      details: { chatsUnlinked: unlinked.length },
    });
    return { unlinked };
  });
}

/**
 * The emergency path (`npm run reset-admin`): a new random password for the earliest active admin or
 * the user of `email`, every chat of the account logged out, audited with the system as actor.
 * Throws AccountGoneError when the account is erased between being found and the password being set.
 */
export async function resetPasswordByOperator(
  store: Store,
  input: { email?: string },
): Promise<{ user: UserRow; password: string; unlinked: IdentityRow[] }> {
  const email = input.email === undefined ? undefined : parseField(emailSchema, 'email', input.email);
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  return store.tx(async (tx) => {
    const user = email ? await tx.users.getUserByEmail(email) : await tx.users.getFirstActiveAdmin();
    if (!user) throw new UnknownUserError(email ?? 'an active admin');
    if (!(await tx.users.setPasswordHash(user.id, passwordHash)))
      throw new AccountGoneError(user.email ?? user.name);
    const unlinked = await tx.identities.deleteOtherIdentities(user.id);
    await recordAudit(tx, {
      action: 'user.password_reset_by_cli',
      actor: 'system',
      target: asTarget(user),
      details: { chatsUnlinked: unlinked.length },
    });
    return { user, password, unlinked };
  });
}
