import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { Person } from '../../support/engine.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../../support/seed.js';
import { createAdminInvite } from '../../../src/domain/invites.js';
import { hashPassword, verifyPassword } from '../../../src/domain/passwords.js';
import { ATTEMPT_LIMITS } from '../../../src/engine/limits.js';
import { chatText, initDataFor, miniAppHarness, nonceOf } from './harness.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const app = await miniAppHarness(store, sessions);
const NEW_PASSWORD = 'copper-Meadow-Window-77';
let nextId = 4000;

/** A Telegram user (numeric id, as init data names them) in their private chat with the bot. */
function telegramPerson(): { person: Person; id: number; initData: string } {
  const id = ++nextId;
  return { person: new Person(app.engine, String(id)), id, initData: initDataFor(id) };
}

/** A person whose claim waits for its password. */
async function claimWaitingForPassword() {
  const who = telegramPerson();
  const invite = await createAdminInvite(store);
  await who.person.say(`/start ${invite.payload}`);
  await who.person.say('Ada Form');
  await who.person.tap('Skip');
  return { ...who, nonce: nonceOf(who.person.last), invite };
}

/** A linked account with a real password, in `/password`, waiting for the current one. */
async function changeWaitingForCurrent() {
  const who = telegramPerson();
  const user = await seedUser(store, { name: `Changer ${who.id}` });
  await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
  await linkChat(store, user, String(who.id));
  await who.person.say('/password');
  return { ...who, user, nonce: nonceOf(who.person.last) };
}

const hashOf = async (userId: string) => (await store.users.getPasswordHash(userId))!;
const userIdOf = async (telegramId: number) =>
  (await store.identities.getUserByIdentity({ platform: 'telegram', externalId: String(telegramId) }))!.id;

describe('the Mini App password form', () => {
  it('sends a prompt with a one-time nonce and tells the form what it is for', async () => {
    const { initData, nonce } = await claimWaitingForPassword();
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const state = await app.call(`/app/api/secret?n=${nonce}`, { initData });
    expect(state).toMatchObject({ status: 200, body: { purpose: 'claim' } });
  });

  it('shows the policy refusal in the form, leaves the nonce valid, then creates the account', async () => {
    const { id, initData, nonce } = await claimWaitingForPassword();
    const breached = await app.call('/app/api/secret', {
      initData,
      body: { nonce, password: 'password1234', confirmation: 'password1234' },
    });
    expect(breached).toMatchObject({
      status: 422,
      body: { refusal: expect.stringMatching(/common or breached/) },
    });
    const differ = await app.call('/app/api/secret', {
      initData,
      body: { nonce, password: GOOD_PASSWORD, confirmation: `${GOOD_PASSWORD}x` },
    });
    expect(differ).toMatchObject({ status: 422, body: { refusal: expect.stringMatching(/differ/) } });
    expect(await store.identities.getUserByIdentity({ platform: 'telegram', externalId: String(id) })).toBe(
      undefined,
    );
    expect(app.sent.filter((s) => s.userId === id)).toEqual([]);

    const good = await app.call('/app/api/secret', {
      initData,
      body: { nonce, password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD },
    });
    expect(good).toMatchObject({ status: 200, body: { done: true } });
    const hash = await hashOf(await userIdOf(id));
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, GOOD_PASSWORD)).toBe(true);
    expect(chatText(app.sent.filter((s) => s.userId === id))).toMatch(/Your account is ready/);
  });

  it('refuses a replayed nonce with 409 and changes nothing', async () => {
    const { id, initData, nonce } = await claimWaitingForPassword();
    const body = { nonce, password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
    expect((await app.call('/app/api/secret', { initData, body })).status).toBe(200);
    const sentBefore = app.sent.length;
    const replay = await app.call('/app/api/secret', {
      initData,
      body: { ...body, password: NEW_PASSWORD, confirmation: NEW_PASSWORD },
    });
    expect(replay.status).toBe(409);
    expect(app.sent.length).toBe(sentBefore);
    expect(await verifyPassword(await hashOf(await userIdOf(id)), GOOD_PASSWORD)).toBe(true);
  });

  it('takes one of two simultaneous submissions of the same nonce', async () => {
    const { initData, nonce } = await claimWaitingForPassword();
    const body = { nonce, password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
    const results = await Promise.all(
      Array.from({ length: 4 }, () => app.call('/app/api/secret', { initData, body })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
  });

  it('refuses a forged signature, tampered or expired init data with 401, and changes nothing', async () => {
    const { id, user, nonce } = await changeWaitingForCurrent();
    const before = await hashOf(user.id);
    const body = { nonce, current: GOOD_PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD };
    const forged = initDataFor(id, new Date(), '654321:FORGED-token-abcdefghijklmn');
    const tampered = initDataFor(id + 1000).replace(
      encodeURIComponent(`"id":${id + 1000}`),
      encodeURIComponent(`"id":${id}`),
    );
    expect(tampered).toContain(encodeURIComponent(`"id":${id},`));
    const expired = initDataFor(id, new Date(Date.now() - 2 * 3600_000));
    const future = initDataFor(id, new Date(Date.now() + 3600_000));
    for (const initData of [undefined, 'user=%7B%7D&hash=00', forged, tampered, expired, future]) {
      expect((await app.call('/app/api/secret', { initData, body })).status).toBe(401);
      expect((await app.call(`/app/api/secret?n=${nonce}`, { initData })).status).toBe(401);
    }
    expect(await hashOf(user.id)).toBe(before);
    const still = await app.call(`/app/api/secret?n=${nonce}`, { initData: initDataFor(id) });
    expect(still).toMatchObject({ status: 200, body: { purpose: 'current-password' } });
  });

  it("refuses another Telegram user's submission with 409 and changes nothing", async () => {
    const { id, user, nonce } = await changeWaitingForCurrent();
    const before = await hashOf(user.id);
    const body = { nonce, current: GOOD_PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD };
    const mallory = initDataFor(id + 500);
    expect((await app.call(`/app/api/secret?n=${nonce}`, { initData: mallory })).status).toBe(409);
    expect((await app.call('/app/api/secret', { initData: mallory, body })).status).toBe(409);
    expect(await hashOf(user.id)).toBe(before);
    expect((await app.call(`/app/api/secret?n=${nonce}`, { initData: initDataFor(id) })).status).toBe(200);
  });

  it('changes a password with current, new and again in one form; a wrong current one comes back to it', async () => {
    const { id, person, user, initData, nonce } = await changeWaitingForCurrent();
    const wrong = await app.call('/app/api/secret', {
      initData,
      body: { nonce, current: 'not-the-Password-1', password: NEW_PASSWORD, confirmation: NEW_PASSWORD },
    });
    expect(wrong).toMatchObject({
      status: 200,
      body: {
        done: false,
        purpose: 'current-password',
        notice: expect.stringMatching(/not your current password/),
      },
    });
    const next = String(wrong.body!.nonce);
    expect(next).not.toBe(nonce);
    expect((await app.call(`/app/api/secret?n=${nonce}`, { initData })).status).toBe(409);

    const right = await app.call('/app/api/secret', {
      initData,
      body: { nonce: next, current: GOOD_PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD },
    });
    expect(right).toMatchObject({ status: 200, body: { done: true } });
    const told = app.sent.filter((s) => s.userId === id).pop()!;
    expect(chatText([told])).toMatch(/Log out your other chats too\?/);
    expect(told.replies.some((r) => r.type === 'secretPrompt')).toBe(false);
    person.last = told.replies;
    expect(await person.tap('No')).toMatch(/Your password is changed/);
    expect(await verifyPassword(await hashOf(user.id), NEW_PASSWORD)).toBe(true);
  });

  it("counts a wrong current password from the form in the account's limit, with other chats", async () => {
    const { id, user, initData, nonce } = await changeWaitingForCurrent();
    for (let i = 0; i < ATTEMPT_LIMITS.password.perTarget - 1; i++) {
      const stranger = new Person(app.engine, `form-guesser-${i}`);
      await stranger.say('/login');
      await stranger.say(user.email!);
      expect(await stranger.secret(`wrong-Guess-${i}0`)).toMatch(/do not match/);
    }
    const fields = { password: NEW_PASSWORD, confirmation: NEW_PASSWORD };
    const wrong = await app.call('/app/api/secret', {
      initData,
      body: { nonce, current: 'not-the-Password-1', ...fields },
    });
    expect(wrong.body).toMatchObject({ done: false, purpose: 'current-password' });
    const right = await app.call('/app/api/secret', {
      initData,
      body: { nonce: String(wrong.body!.nonce), current: GOOD_PASSWORD, ...fields },
    });
    expect(right).toMatchObject({ status: 200, body: { done: true } });
    expect(chatText(app.sent.filter((s) => s.userId === id).slice(-1))).toMatch(/Too many wrong attempts/);
    expect(await verifyPassword(await hashOf(user.id), GOOD_PASSWORD)).toBe(true);
  });

  it('logs a chat in with the password from the form', async () => {
    const { id, person, initData } = telegramPerson();
    const user = await seedUser(store, { name: 'Lena Login', email: `lena-${id}@example.com` });
    await store.users.setPasswordHash(user.id, await hashPassword(GOOD_PASSWORD));
    await person.say('/login');
    await person.say(`lena-${id}@example.com`);
    const nonce = nonceOf(person.last);
    const state = await app.call(`/app/api/secret?n=${nonce}`, { initData });
    expect(state.body).toEqual({ purpose: 'login' });
    const done = await app.call('/app/api/secret', { initData, body: { nonce, password: GOOD_PASSWORD } });
    expect(done).toMatchObject({ status: 200, body: { done: true } });
    expect(chatText(app.sent.filter((s) => s.userId === id))).toMatch(/Welcome back, Lena Login/);
  });

  it('deletes a password typed as a message and asks for the form again, without taking it', async () => {
    const { person, user, initData, nonce } = await changeWaitingForCurrent();
    const typed = await person.say(GOOD_PASSWORD);
    expect(person.last.map((r) => r.type)).toEqual(['deleteMessage', 'secretPrompt']);
    expect(typed).toMatch(/never send a password as a message/);
    expect((await app.call(`/app/api/secret?n=${nonce}`, { initData })).status).toBe(409);
    const fresh = nonceOf(person.last);
    expect((await app.call(`/app/api/secret?n=${fresh}`, { initData })).body).toEqual({
      purpose: 'current-password',
    });
    expect(await verifyPassword(await hashOf(user.id), GOOD_PASSWORD)).toBe(true);
  });

  it('refuses further submissions with 429 after too many', async () => {
    const { initData, nonce } = await claimWaitingForPassword();
    const stale = { nonce: 'A'.repeat(22), password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
    for (let i = 0; i < ATTEMPT_LIMITS.form.perChat; i++) {
      expect((await app.call('/app/api/secret', { initData, body: stale })).status).toBe(409);
    }
    const good = { nonce, password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
    expect((await app.call('/app/api/secret', { initData, body: good })).status).toBe(429);
  });

  it('refuses a concurrent burst of submissions from one account beyond the limit', async () => {
    const { initData } = await claimWaitingForPassword();
    const stale = { nonce: 'B'.repeat(22), password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
    const burst = await Promise.all(
      Array.from({ length: 100 }, () => app.call('/app/api/secret', { initData, body: stale })),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 409)).toHaveLength(ATTEMPT_LIMITS.form.perChat);
    expect(statuses.filter((s) => s === 429)).toHaveLength(100 - ATTEMPT_LIMITS.form.perChat);
  });

  it("serves the owner's form after a dozen accounts had theirs refused", async () => {
    for (let account = 0; account < 12; account++) {
      const initData = initDataFor(++nextId);
      const stale = { nonce: 'C'.repeat(22), password: GOOD_PASSWORD, confirmation: GOOD_PASSWORD };
      for (let i = 0; i <= 20; i++) await app.call('/app/api/secret', { initData, body: stale });
    }
    const { user, initData, nonce } = await changeWaitingForCurrent();
    expect(await app.call(`/app/api/secret?n=${nonce}`, { initData })).toMatchObject({ status: 200 });
    const changed = await app.call('/app/api/secret', {
      initData,
      body: { nonce, current: GOOD_PASSWORD, password: NEW_PASSWORD, confirmation: NEW_PASSWORD },
    });
    expect(changed).toMatchObject({ status: 200, body: { done: true } });
    expect(await verifyPassword(await hashOf(user.id), GOOD_PASSWORD)).toBe(true);
  });

  it('answers a malformed submission with 400', async () => {
    const { initData } = await claimWaitingForPassword();
    expect((await app.call('/app/api/secret', { initData, body: { nonce: 'x' } })).status).toBe(400);
    const raw = await fetch(`${app.base}/app/api/secret`, {
      method: 'POST',
      headers: { authorization: `tma ${initData}` },
      body: '{not json',
    });
    expect(raw.status).toBe(400);
  });

  it('serves its pages with a strict Content-Security-Policy and only known assets', async () => {
    const page = await fetch(`${app.base}/app/password?n=abc`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' https://telegram.org/js/telegram-web-app.js");
    expect(csp).toContain('frame-ancestors https://web.telegram.org');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('At least 12 characters');
    expect([...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'https://telegram.org/js/telegram-web-app.js',
      'assets/password.js',
    ]);
    const script = await fetch(`${app.base}/app/assets/password.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${app.base}/app/assets/../routes.ts`)).status).toBe(404);
    expect((await fetch(`${app.base}/app/assets/routes.ts`)).status).toBe(404);
  });
});
