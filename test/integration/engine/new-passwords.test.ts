import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../../support/seed.js';
import { createAdminInvite } from '../../../src/domain/invites.js';
import { hashPassword, verifyPassword } from '../../../src/domain/passwords.js';
import { issueResetLink } from '../../../src/domain/resets.js';
import { conversationKey } from '../../../src/engine/inbound.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const admin = await seedUser(store, { role: 'admin' });
const NEW_PASSWORD = 'copper-Meadow-Window-77';
const TYPO = 'copper-Meadow-Window-78';

/**
 * A Telegram person whose stored session is read after every step: it must never hold a password,
 * any argon2 hash (of the current password, or of a new one once confirmed) or the digest a new one
 * waits with for its confirmation (the session holds its key: with both, guesses could be checked fast).
 */
class Watched extends Person {
  readonly snapshots: string[] = [];
  /** Every staged digest seen in the record, in the encodings a snapshot could carry it in. */
  readonly digests = new Set<string>();

  constructor(externalId: string) {
    super(engine, externalId);
  }

  private async scan(reply: string): Promise<string> {
    const key = conversationKey({
      platform: 'telegram',
      sender: { externalId: this.externalId, username: null, displayName: '' },
      chat: { id: this.externalId, isPrivate: true },
    });
    this.snapshots.push((await sessions.load(key))?.data ?? '');
    const staged = await sql<{ digest: Buffer }[]>`
      select digest from staged_passwords where digest is not null`;
    for (const { digest } of staged)
      for (const encoding of ['hex', 'base64', 'base64url'] as const)
        this.digests.add(digest.toString(encoding));
    return reply;
  }

  override async say(line: string): Promise<string> {
    return this.scan(await super.say(line));
  }

  override async tap(label: string): Promise<string> {
    return this.scan(await super.tap(label));
  }
}

function expectNoSecretIn(person: Watched, passwords: string[]): void {
  expect(person.snapshots.some((s) => s.includes('"flow"'))).toBe(true);
  expect(person.digests.size).toBeGreaterThan(0);
  for (const snapshot of person.snapshots) {
    expect(snapshot).not.toMatch(/argon2/);
    for (const password of passwords) expect(snapshot).not.toContain(password);
    for (const digest of person.digests) expect(snapshot).not.toContain(digest);
  }
}

async function accountWithPassword(chat: string) {
  const user = await seedUser(store);
  await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
  await linkChat(store, user, chat);
  return user;
}

const passwordOf = async (userId: string) => (await store.users.getPasswordHash(userId))!;

describe('a new password in the chat', () => {
  it('/password keeps no hash or staged digest in any snapshot, scanned after every step, and sets the new password', async () => {
    const user = await accountWithPassword('pat');
    const pat = new Watched('pat');
    expect(await pat.say('/password')).toMatch(/current password/);
    expect(await pat.say(GOOD_PASSWORD)).toMatch(/new password/);
    expect(await pat.say(NEW_PASSWORD)).toMatch(/once more/);
    expect(await pat.say(NEW_PASSWORD)).toMatch(/Log out your other chats too\?/);
    expect(await pat.tap('No')).toMatch(/Your password is changed/);
    expectNoSecretIn(pat, [GOOD_PASSWORD, NEW_PASSWORD]);
    expect(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD)).toBe(true);
    expect(await sql`select 1 from staged_passwords`).toHaveLength(0);
  });

  it('/password refuses the current password as the new one and asks for another', async () => {
    const user = await accountWithPassword('quinn');
    const quinn = new Watched('quinn');
    await quinn.say('/password');
    await quinn.say(GOOD_PASSWORD);
    expect(await quinn.say(GOOD_PASSWORD)).toMatch(/must differ from the current one[\s\S]*new password/);
    expect(await quinn.say(NEW_PASSWORD)).toMatch(/once more/);
    await quinn.say(NEW_PASSWORD);
    expect(await quinn.tap('No')).toMatch(/Your password is changed/);
    expect(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD)).toBe(true);
  });

  it('a claim asks for the password twice, and after a mismatch asks for the password only', async () => {
    const invite = await createAdminInvite(store);
    const rae = new Watched('rae');
    await rae.say(`/start ${invite.payload}`);
    expect(await rae.say('Rae')).toMatch(/email address/);
    expect(await rae.tap('Skip')).toMatch(/choose a password/);
    expect(await rae.say(NEW_PASSWORD)).toMatch(/once more/);
    expect(await rae.say(TYPO)).toMatch(/differ[\s\S]*choose a password/);
    expect(await rae.say(GOOD_PASSWORD)).toMatch(/once more/);
    expect(await rae.say(GOOD_PASSWORD)).toMatch(/Your account is ready/);
    expectNoSecretIn(rae, [NEW_PASSWORD, TYPO, GOOD_PASSWORD]);
    const user = await store.identities.getUserByIdentity({ platform: 'telegram', externalId: 'rae' });
    expect(user?.name).toBe('Rae');
    expect(await verifyPassword(await passwordOf(user!.id), GOOD_PASSWORD)).toBe(true);
  });

  it('a reset link asks for the new password twice, and again after a mismatch', async () => {
    const user = await accountWithPassword('sol-old');
    const reset = await issueResetLink(store, { actorId: admin.id, userId: user.id });
    const sol = new Watched('sol');
    expect(await sol.say(`/start ${reset.payload}`)).toMatch(/new password/);
    expect(await sol.say(NEW_PASSWORD)).toMatch(/once more/);
    expect(await sol.say(TYPO)).toMatch(/differ[\s\S]*new password/);
    expect(await verifyPassword(await passwordOf(user.id), GOOD_PASSWORD)).toBe(true);
    await sol.say(NEW_PASSWORD);
    expect(await sol.say(NEW_PASSWORD)).toMatch(/Your new password is set/);
    expectNoSecretIn(sol, [NEW_PASSWORD, TYPO]);
    expect(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD)).toBe(true);
  });

  it('asks for the new password again when it waited too long for its confirmation', async () => {
    const user = await accountWithPassword('tam');
    const tam = new Watched('tam');
    await tam.say('/password');
    await tam.say(GOOD_PASSWORD);
    await tam.say(NEW_PASSWORD);
    await sql`update staged_passwords set expires_at = now() - interval '1 second'`;
    expect(await tam.say(NEW_PASSWORD)).toMatch(/did not keep your new password[\s\S]*new password/);
    await tam.say(NEW_PASSWORD);
    await tam.say(NEW_PASSWORD);
    expect(await tam.tap('No')).toMatch(/Your password is changed/);
    expect(await verifyPassword(await passwordOf(user.id), NEW_PASSWORD)).toBe(true);
  });
});
