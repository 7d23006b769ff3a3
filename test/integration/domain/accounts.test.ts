import { describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import {
  loginWithPassword,
  logout,
  resetPasswordByOperator,
  resolveIdentity,
} from '../../../src/domain/accounts.js';
import * as passwords from '../../../src/domain/passwords.js';
import { findUser } from '../../../src/domain/users.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../src/domain/passwords.js';
import {
  IdentityLinkedError,
  LastChatError,
  NoChangeError,
  UnknownUserError,
  ValidationError,
  WrongCredentialsError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const firstAdmin = await seedUser(store, { role: 'admin', name: 'First', email: 'first@example.com' });
const OTHER_PASSWORD = 'amber-Otter-Canal-77';

async function withPassword(password: string, options: Parameters<typeof seedUser>[1] = {}) {
  const user = await seedUser(store, options);
  await store.users.setPasswordHash(user.id, await hashPassword(password));
  return user;
}

async function link(userId: string, platform: 'telegram' | 'slack' = 'telegram') {
  const identity = newIdentity(platform);
  await store.identities.insertIdentity({ ...identity, userId });
  return identity;
}

async function linkedIds(userId: string): Promise<string[]> {
  return (await store.identities.listIdentities(userId)).map((i) => i.externalId).sort();
}

async function auditRows(action: string, targetId: string) {
  return sql`select * from audit_log where action = ${action} and target_id = ${targetId} order by id`;
}

async function passwordIs(userId: string, password: string): Promise<boolean> {
  return verifyPassword((await store.users.getPasswordHash(userId))!, password);
}

describe('resolveIdentity', () => {
  it('returns the linked account without its password hash, and nothing for a stranger', async () => {
    const person = await seedUser(store);
    const chat = await link(person.id);
    const user = await resolveIdentity(store, chat);
    expect(user).toMatchObject({ id: person.id, name: person.name, role: 'member', status: 'active' });
    expect(user).not.toHaveProperty('passwordHash');
    expect(await resolveIdentity(store, { platform: 'slack', externalId: chat.externalId })).toBeUndefined();
  });

  it('records a renamed handle, so the old one no longer finds the person', async () => {
    const person = await seedUser(store, { name: 'Renamer' });
    const chat = { platform: 'telegram' as const, externalId: 'renamer-1' };
    await store.identities.insertIdentity({ ...chat, userId: person.id, username: 'old_handle' });
    expect((await findUser(store, '@old_handle')).id).toBe(person.id);
    expect((await resolveIdentity(store, { ...chat, username: 'new_handle' }))?.id).toBe(person.id);
    expect((await store.identities.getIdentity(chat))?.username).toBe('new_handle');
    expect((await findUser(store, '@new_handle')).id).toBe(person.id);
    await expect(findUser(store, '@old_handle')).rejects.toBeInstanceOf(UnknownUserError);
    await resolveIdentity(store, { ...chat, username: null });
    expect((await store.identities.getIdentity(chat))?.username).toBe('new_handle');
  });

  it('moves a handle to the identity that shows it now, on that platform only', async () => {
    const before = await seedUser(store, { name: 'Gave It Up' });
    const now = await seedUser(store, { name: 'Took It' });
    const onSlack = await seedUser(store, { name: 'Slack Namesake' });
    await store.identities.insertIdentity({
      platform: 'telegram',
      externalId: 'tg-a',
      userId: before.id,
      username: 'bob',
    });
    await store.identities.insertIdentity({
      platform: 'telegram',
      externalId: 'tg-b',
      userId: now.id,
      username: 'robert',
    });
    await store.identities.insertIdentity({
      platform: 'slack',
      externalId: 'T:U-b',
      userId: onSlack.id,
      username: 'bob',
    });
    await resolveIdentity(store, { platform: 'telegram', externalId: 'tg-b', username: 'Bob' });
    expect((await findUser(store, '@bob', 'telegram')).id).toBe(now.id);
    expect(
      (await store.identities.getIdentity({ platform: 'telegram', externalId: 'tg-a' }))?.username,
    ).toBeNull();
    expect((await findUser(store, '@bob', 'slack')).id).toBe(onSlack.id);
  });
});

describe('loginWithPassword', () => {
  it('links the chat with the right password and audits it', async () => {
    const person = await withPassword(GOOD_PASSWORD, { email: 'login@example.com' });
    const chat = newIdentity('slack');
    const user = await loginWithPassword(store, {
      email: ' LOGIN@example.com ',
      password: GOOD_PASSWORD,
      identity: chat,
    });
    expect(user.id).toBe(person.id);
    expect((await resolveIdentity(store, chat))?.id).toBe(person.id);
    const rows = await auditRows('user.identity_linked', person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: person.id, details: { platform: 'slack' } });
  });

  it('gives the same error for a wrong password, an unknown email and a deactivated account', async () => {
    await withPassword(GOOD_PASSWORD, { email: 'wrong@example.com' });
    await withPassword(GOOD_PASSWORD, { email: 'gone@example.com', status: 'deactivated' });
    const chat = newIdentity();
    for (const attempt of [
      { email: 'wrong@example.com', password: 'wrong-Password-99' },
      { email: 'nobody@example.com', password: GOOD_PASSWORD },
      { email: 'gone@example.com', password: GOOD_PASSWORD },
      { email: 'not an email', password: GOOD_PASSWORD },
    ]) {
      const error: unknown = await loginWithPassword(store, { ...attempt, identity: chat }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WrongCredentialsError);
      expect((error as Error).message).toBe('email or password is wrong');
    }
    expect(await resolveIdentity(store, chat)).toBeUndefined();
  });

  it('hashes as much for an unknown email as for a wrong password, so timing tells nothing', async () => {
    await withPassword(GOOD_PASSWORD, { email: 'timing@example.com' });
    const verify = vi.spyOn(passwords, 'verifyPassword');
    const attempt = (email: string) =>
      loginWithPassword(store, { email, password: OTHER_PASSWORD, identity: newIdentity() }).catch(
        () => undefined,
      );
    await attempt('timing@example.com');
    await attempt('nobody-at-all@example.com');
    expect(verify).toHaveBeenCalledTimes(2);
    const [, unknownHash] = verify.mock.calls.map(([hash]) => hash);
    expect(unknownHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    verify.mockRestore();
  });

  it('refuses a chat linked to another account and keeps it there', async () => {
    await withPassword(GOOD_PASSWORD, { email: 'taken@example.com' });
    const other = await seedUser(store);
    const othersChat = await link(other.id);
    await expect(
      loginWithPassword(store, { email: 'taken@example.com', password: GOOD_PASSWORD, identity: othersChat }),
    ).rejects.toBeInstanceOf(IdentityLinkedError);
    expect((await resolveIdentity(store, othersChat))?.id).toBe(other.id);
  });

  it('says so when the chat is already linked to this account', async () => {
    const person = await withPassword(GOOD_PASSWORD, { email: 'again@example.com' });
    const chat = await link(person.id);
    await expect(
      loginWithPassword(store, { email: 'again@example.com', password: GOOD_PASSWORD, identity: chat }),
    ).rejects.toBeInstanceOf(NoChangeError);
    expect(await auditRows('user.identity_linked', person.id)).toHaveLength(0);
  });
});

describe('logout', () => {
  it('unlinks this chat only and audits it', async () => {
    const person = await seedUser(store);
    const here = await link(person.id);
    const elsewhere = await link(person.id, 'slack');
    await logout(store, { userId: person.id, identity: here });
    expect(await linkedIds(person.id)).toEqual([elsewhere.externalId]);
    const rows = await auditRows('user.identity_unlinked', person.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: person.id, details: { platform: 'telegram' } });
  });

  it('lets an account with an email log out of its only chat', async () => {
    const person = await seedUser(store);
    const only = await link(person.id);
    await logout(store, { userId: person.id, identity: only });
    expect(await linkedIds(person.id)).toEqual([]);
  });

  it('refuses to log an account without email out of its only chat', async () => {
    const mailless = await seedUser(store, { email: null });
    const only = await link(mailless.id);
    await expect(logout(store, { userId: mailless.id, identity: only })).rejects.toBeInstanceOf(
      LastChatError,
    );
    expect(await linkedIds(mailless.id)).toEqual([only.externalId]);
    expect(await auditRows('user.identity_unlinked', mailless.id)).toHaveLength(0);
  });

  it('keeps one chat of an account without email when its chats log out at the same moment', async () => {
    const mailless = await Promise.all(Array.from({ length: 10 }, () => seedUser(store, { email: null })));
    const chats = await Promise.all(
      mailless.map(async (user) => [await link(user.id), await link(user.id, 'slack')]),
    );
    const results = await Promise.allSettled(
      mailless.flatMap((user, i) =>
        chats[i]!.map((identity) => logout(store, { userId: user.id, identity })),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(10);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect(result.reason).toBeInstanceOf(LastChatError);
    }
    for (const user of mailless) expect(await linkedIds(user.id)).toHaveLength(1);
  });

  it('says so when the chat is not linked to the account', async () => {
    const person = await seedUser(store);
    await link(person.id);
    await expect(logout(store, { userId: person.id, identity: newIdentity() })).rejects.toBeInstanceOf(
      NoChangeError,
    );
  });
});

describe('resetPasswordByOperator', () => {
  it('gives the first admin a policy-passing password, logs out every chat and audits as system', async () => {
    await seedUser(store, { role: 'admin' });
    await link(firstAdmin.id);
    await link(firstAdmin.id, 'slack');
    const { user, password, unlinked } = await resetPasswordByOperator(store, {});
    expect(user.id).toBe(firstAdmin.id);
    expect(() => checkPasswordPolicy(password)).not.toThrow();
    expect(await passwordIs(firstAdmin.id, password)).toBe(true);
    expect(unlinked).toHaveLength(2);
    expect(await linkedIds(firstAdmin.id)).toEqual([]);
    const rows = await auditRows('user.password_reset_by_cli', firstAdmin.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, actorName: 'system', targetEmail: 'first@example.com' });
    expect(JSON.stringify(rows)).not.toContain(password);
  });

  it('resets the account of the email it is given', async () => {
    const person = await seedUser(store, { email: 'named@example.com' });
    const { user, password } = await resetPasswordByOperator(store, { email: 'Named@Example.com' });
    expect(user.id).toBe(person.id);
    expect(await passwordIs(person.id, password)).toBe(true);
  });

  it('refuses an unknown or malformed email and changes nothing', async () => {
    const audited = () => sql`select id from audit_log where action = 'user.password_reset_by_cli'`;
    const before = await audited();
    await expect(resetPasswordByOperator(store, { email: 'nobody@example.com' })).rejects.toBeInstanceOf(
      UnknownUserError,
    );
    await expect(resetPasswordByOperator(store, { email: 'nope' })).rejects.toBeInstanceOf(ValidationError);
    expect(await audited()).toHaveLength(before.length);
  });
});
