import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { describeWithRedis, testSessions } from '../../support/sessions.js';
import { Person, testDeps, testEngine, transcript } from '../../support/engine.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../../support/seed.js';
import { Engine } from '../../../src/engine/engine.js';
import type { Inbound } from '../../../src/engine/inbound.js';
import type { Button } from '../../../src/engine/outbound.js';
import { logout, setNewPassword, verifyCurrentPassword } from '../../../src/domain/accounts.js';
import { createInvites } from '../../../src/domain/invites.js';
import { hashPassword } from '../../../src/domain/passwords.js';
import { eraseUser } from '../../../src/domain/erasure.js';
import { issueResetLink } from '../../../src/domain/resets.js';
import { endConversations } from '../../../src/engine/conversations.js';
import type { SessionStore } from '../../../src/store/sessions.js';
import type { Store } from '../../../src/store/store.js';
import type { UserRow } from '../../../src/store/users.js';

const { sql, store } = await createTestDatabase();

const NEW_PASSWORD = 'amber-Quarry-Whistle-77';
let cases = 0;

/** A gate a test opens: `reached` once the held call got its answer, which it keeps until `release`. */
interface Hold {
  reached: Promise<void>;
  release(): void;
}

function gate(): Hold & { arrive(): void; opened: Promise<void> } {
  let arrive!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (arrive = resolve));
  const opened = new Promise<void>((resolve) => (release = resolve));
  return { reached, release, arrive, opened };
}

/**
 * The session store; `holdNext()` holds its next load of `key` (alone or with its lock) after it has
 * read (before any save).
 */
function holdingLoads(sessions: SessionStore, key: string): { sessions: SessionStore; holdNext(): Hold } {
  let held: ReturnType<typeof gate> | undefined;
  const holding = async (loaded: string) => {
    const hold = loaded === key ? held : undefined;
    if (hold) {
      held = undefined;
      hold.arrive();
      await hold.opened;
    }
  };
  const wrapped = new Proxy(sessions, {
    get(target, property) {
      if (property === 'load')
        return async (loaded: string) => {
          const stored = await target.load(loaded);
          await holding(loaded);
          return stored;
        };
      if (property === 'lockAndLoad')
        return async (loaded: string, ttlMs: number) => {
          const lock = await target.lockAndLoad(loaded, ttlMs);
          if (lock) await holding(loaded);
          return lock;
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
  return { sessions: wrapped, holdNext: () => (held = gate()) };
}

/**
 * The record, with the lookups of the chat `externalId`'s account held after they have answered
 * until `release` (an update may look its speaker up twice: as it arrives, and again under its lock).
 */
function holdingIdentity(externalId: string): { store: Store } & Hold {
  const held = gate();
  const identities = {
    ...store.identities,
    getUserByIdentity: async (key: { platform: 'telegram' | 'slack' | 'console'; externalId: string }) => {
      const user = await store.identities.getUserByIdentity(key);
      if (key.externalId === externalId) {
        held.arrive();
        await held.opened;
      }
      return user;
    },
  };
  return { store: { ...store, identities }, reached: held.reached, release: held.release };
}

/** Ann's account taken over: her own chat and Mallory's are linked to it; Bea is another admin. */
async function takenOverAdmin() {
  cases += 1;
  const ann = await seedUser(store, {
    role: 'admin',
    name: `Ann ${cases}`,
    email: `ann${cases}@example.com`,
  });
  await store.users.setPasswordHash(ann.id, await hashPassword(GOOD_PASSWORD));
  const bea = await seedUser(store, {
    role: 'admin',
    name: `Bea ${cases}`,
    email: `bea${cases}@example.com`,
  });
  const chats = { ann: `ann-${cases}`, annNew: `ann-new-${cases}`, mallory: `mallory-${cases}` };
  await linkChat(store, ann, chats.ann);
  await linkChat(store, ann, chats.mallory);
  return { ann, bea, chats };
}

async function resetsAndAuditFor(user: UserRow) {
  const [row] = await sql<{ resets: number; issued: number }[]>`
    select (select count(*)::int from password_resets where user_id = ${user.id}) as resets,
           (select count(*)::int from audit_log
             where action = 'user.password_reset_issued' and target_id = ${user.id}) as issued`;
  return row!;
}

function buttonsOf(person: Person): Button[] {
  return person.last.flatMap((r) => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []));
}

/** Ann opens her reset link in a new chat and sets a new password: every other chat is unlinked. */
async function annCompletesReset(engine: Engine, chat: string, ann: UserRow, bea: UserRow) {
  const link = await issueResetLink(store, { actorId: bea.id, userId: ann.id });
  const annNew = new Person(engine, chat);
  expect(await annNew.say(`/start ${link.payload}`)).toMatch(/set a new password/);
  expect(await annNew.say(NEW_PASSWORD)).toMatch(/Type the new password once more/);
  expect(await annNew.say(NEW_PASSWORD)).toMatch(/other chat\(s\) were logged out/);
}

/** Ann, in her own chat, changes her password and logs out her other chats (what /password does). */
async function annLogsOutOtherChats(sessions: SessionStore, chat: string, ann: UserRow) {
  await verifyCurrentPassword(store, { userId: ann.id, password: GOOD_PASSWORD });
  const { unlinked } = await setNewPassword(store, {
    userId: ann.id,
    password: NEW_PASSWORD,
    unlinkOtherChats: true,
    identity: { platform: 'telegram', externalId: chat },
  });
  await endConversations(sessions, unlinked);
}

describeWithRedis('a chat unlinked while its update runs (redis sessions)', () =>
  unlinkedWhileRunning(testSessions(sql, 'redis').open()),
);
describe('a chat unlinked while its update runs (postgres sessions)', () =>
  unlinkedWhileRunning(testSessions(sql, 'postgres').open()));

function unlinkedWhileRunning(sessions: SessionStore): void {
  it.each([
    ['a reset link completes', 'reset'],
    ['Ann logs out her other chats', 'logout-others'],
  ] as const)(
    'ends the step and runs nothing when %s between the update reading its session and saving it',
    async (_what, unlink) => {
      const { ann, bea, chats } = await takenOverAdmin();
      const key = `telegram:${chats.mallory}:${chats.mallory}`;
      const holding = holdingLoads(sessions, key);
      const engine = testEngine(store, holding.sessions);
      const mallory = new Person(engine, chats.mallory);
      expect(await mallory.say(`/user ${bea.email}`)).toMatch(/\[Reset password link\]/);
      const panel = buttonsOf(mallory);

      const held = holding.holdNext();
      const tap = mallory.tap('Reset password link');
      await held.reached;
      if (unlink === 'reset') await annCompletesReset(engine, chats.annNew, ann, bea);
      else await annLogsOutOtherChats(sessions, chats.ann, ann);
      held.release();

      expect(await tap).toBe('That step has ended.');
      expect(await resetsAndAuditFor(bea)).toEqual({ resets: 0, issued: 0 });
      for (const button of panel) {
        expect(await mallory.press(button.action)).not.toMatch(/reset|Bea|deactivated|admin/i);
      }
      expect(await mallory.say(`/user ${bea.email}`)).toMatch(/not signed in/);
      expect(await resetsAndAuditFor(bea)).toEqual({ resets: 0, issued: 0 });
      expect(await store.users.getUserById(bea.id)).toMatchObject({ role: 'admin', status: 'active' });
    },
  );

  it('refuses the step inside its transaction when the unlink lands after the chat was looked up', async () => {
    const { ann, bea, chats } = await takenOverAdmin();
    const held = holdingIdentity(chats.mallory);
    const engine = testEngine(store, sessions);
    const mallory = new Person(engine, chats.mallory);
    expect(await mallory.say(`/user ${bea.email}`)).toMatch(/\[Reset password link\]/);

    const heldEngine = testEngine(held.store, sessions);
    const tap = heldEngine.handle({
      platform: 'telegram',
      sender: { externalId: chats.mallory, username: null, displayName: 'Mallory' },
      chat: { id: chats.mallory, isPrivate: true },
      action: buttonsOf(mallory).find((b) => b.label === 'Reset password link')!.action,
    });
    await held.reached;
    await annCompletesReset(engine, chats.annNew, ann, bea);
    held.release();

    expect(transcript(await tap)).toBe('That step has ended.');
    expect(await resetsAndAuditFor(bea)).toEqual({ resets: 0, issued: 0 });
  });
}

describe('a running flow belongs to the account that started it', () => {
  const sessions = testSessions(sql).open();
  const engine = testEngine(store, sessions);

  it.each(['logs out', 'is erased'] as const)(
    'ends a flow at its next step once the chat of an account that %s maps to none, and runs nothing',
    async (unlink) => {
      const { ann, bea, chats } = await takenOverAdmin();
      const mallory = new Person(engine, chats.mallory);
      await mallory.say(`/user ${bea.email}`);
      // Unlinked without ending its conversations: the flow is still in the session.
      if (unlink === 'logs out')
        await logout(store, {
          userId: ann.id,
          identity: { platform: 'telegram', externalId: chats.mallory },
        });
      else await eraseUser(store, { actorId: bea.id, userId: ann.id, successorId: null });

      expect(await mallory.tap('Reset password link')).toBe('That step has ended.');
      expect(await resetsAndAuditFor(bea)).toEqual({ resets: 0, issued: 0 });
      expect(await mallory.say('anything')).toMatch(/^Hello! I am Gatehouse/);
    },
  );

  it('refuses a one-line command whose chat is unlinked while it runs', async () => {
    const { ann, bea, chats } = await takenOverAdmin();
    const held = holdingIdentity(chats.mallory);
    const heldEngine = testEngine(held.store, sessions);
    const command = heldEngine.handle({
      platform: 'telegram',
      sender: { externalId: chats.mallory, username: null, displayName: 'Mallory' },
      chat: { id: chats.mallory, isPrivate: true },
      command: { name: 'resetpassword', args: bea.email! },
    });
    await held.reached;
    await annCompletesReset(engine, chats.annNew, ann, bea);
    held.release();

    expect(transcript(await command)).toBe('That step has ended.');
    expect(await resetsAndAuditFor(bea)).toEqual({ resets: 0, issued: 0 });
  });

  it("ends a form's step when its chat was unlinked after the form opened, and changes nothing", async () => {
    const withForms = new Engine(
      testDeps(
        store,
        sessions,
        {},
        undefined,
        {},
        {
          telegram: { canDeleteMessages: true, hasSecretForms: true, hasWebApp: true },
        },
      ),
    );
    const { ann, chats } = await takenOverAdmin();
    const origin: Inbound = {
      platform: 'telegram',
      sender: { externalId: chats.mallory, username: null, displayName: 'Mallory' },
      chat: { id: chats.mallory, isPrivate: true },
    };
    const prompt = (await withForms.handle({ ...origin, command: { name: 'password', args: '' } })).find(
      (r) => r.type === 'secretPrompt',
    );
    if (prompt?.type !== 'secretPrompt') throw new Error('no password form was offered');
    expect(await withForms.pendingSecret(origin, prompt.nonce)).toBe('current-password');
    const [hashBefore] = await sql`select password_hash from users where id = ${ann.id}`;
    await logout(store, { userId: ann.id, identity: { platform: 'telegram', externalId: chats.mallory } });

    expect(await withForms.pendingSecret(origin, prompt.nonce)).toBeUndefined();
    const outcome = await withForms.submitSecret(origin, prompt.nonce, () => ({
      values: { 'current-password': GOOD_PASSWORD, 'new-password': NEW_PASSWORD },
    }));
    expect(outcome.kind).toBe('stale');
    expect(await sql`select password_hash from users where id = ${ann.id}`).toEqual([hashBefore]);
    expect(
      JSON.parse((await sessions.load(`telegram:${chats.mallory}:${chats.mallory}`))?.data || '{}'),
    ).toEqual({});
  });

  it("ends a stranger's claim once the chat is linked to an account meanwhile, and creates nothing", async () => {
    const { bea } = await takenOverAdmin();
    const [invite] = await createInvites(store, {
      actorId: bea.id,
      emails: [],
      role: 'member',
      groupNames: [],
    });
    const chat = `newcomer-${cases}`;
    const newcomer = new Person(engine, chat);
    expect(await newcomer.say(`/start ${invite!.payload}`)).toMatch(/What should we call you/);
    await linkChat(store, bea, chat);
    const [before] = await sql`select count(*)::int as n from users`;

    expect(await newcomer.say('Nia')).toBe('That step has ended.');
    expect(await sql`select count(*)::int as n from users`).toEqual([before]);
    expect(await sql`select uses from invites where id = ${invite!.invite.id}`).toEqual([{ uses: 0 }]);
  });

  it("lets a stranger's login go on in a chat that was linked and unlinked again meanwhile", async () => {
    const { ann } = await takenOverAdmin();
    const chat = `returning-${cases}`;
    const visitor = new Person(engine, chat);
    expect(await visitor.say('/login')).toMatch(/what is your email address/);
    await linkChat(store, ann, chat);
    await logout(store, { userId: ann.id, identity: { platform: 'telegram', externalId: chat } });

    expect(await visitor.say(ann.email!)).toMatch(/Your password\?/);
  });
});
