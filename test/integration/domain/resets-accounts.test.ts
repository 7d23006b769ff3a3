import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import { completeReset, issueResetLink, resolveResetToken } from '../../../src/domain/resets.js';
import {
  changePassword,
  loginWithPassword,
  logout,
  resetPasswordByOperator,
} from '../../../src/domain/accounts.js';
import { hashPassword, verifyPassword, checkPasswordPolicy } from '../../../src/domain/passwords.js';
import { hashToken } from '../../../src/domain/tokens.js';
import {
  IdentityLinkedError,
  NotAdminError,
  ResetLinkUnusableError,
  UserDeactivatedError,
  ValidationError,
  WeakPasswordError,
  WrongCredentialsError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase({ max: 12 });
const admin = await seedUser(store, { role: 'admin', name: 'Admin' });

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

describe('reset links', () => {
  it('are issued by admins only, for 7 days, stored as a hash, and audited', async () => {
    const person = await seedUser(store, { name: 'Rita' });
    await expect(issueResetLink(store, { actorId: person.id, userId: person.id })).rejects.toBeInstanceOf(
      NotAdminError,
    );
    const link1 = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    expect(link1.payload).toMatch(/^r_[A-Za-z0-9_-]{43}$/);
    const days = (link1.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const [audit] =
      await sql`select * from audit_log where action = 'user.password_reset_issued' and target_id = ${person.id}`;
    expect(audit).toMatchObject({ actorId: admin.id, targetName: 'Rita' });
  });

  it('void the older link when a newer one is issued', async () => {
    const person = await seedUser(store);
    const older = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const newer = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    expect(await resolveResetToken(store, hashToken(older.token))).toEqual({
      kind: 'unusable',
      reason: 'voided',
    });
    expect(await resolveResetToken(store, hashToken(newer.token))).toMatchObject({
      kind: 'reset',
      userId: person.id,
    });
  });

  it('work once when ten people complete one link at the same moment', async () => {
    const person = await seedUser(store);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        completeReset(store, {
          tokenHash: hashToken(token),
          password: GOOD_PASSWORD,
          identity: newIdentity(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((await store.identities.listIdentities(person.id)).length).toBe(1);
  });

  it('set the password and unlink every other chat but the one that completed it', async () => {
    const person = await seedUser(store);
    const stolen = await link(person.id, 'slack');
    const mine = await link(person.id);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const { unlinked } = await completeReset(store, {
      tokenHash: hashToken(token),
      password: GOOD_PASSWORD,
      identity: mine,
    });
    expect(unlinked.map((i) => i.externalId)).toEqual([stolen.externalId]);
    expect((await store.identities.listIdentities(person.id)).map((i) => i.externalId)).toEqual([
      mine.externalId,
    ]);
    expect(await verifyPassword((await store.users.getPasswordHash(person.id))!, GOOD_PASSWORD)).toBe(true);
    await expect(
      completeReset(store, { tokenHash: hashToken(token), password: GOOD_PASSWORD, identity: mine }),
    ).rejects.toMatchObject({ reason: 'used' });
  });

  it('refuse a chat linked to another account and change nothing', async () => {
    const person = await seedUser(store);
    const other = await seedUser(store);
    const othersChat = await link(other.id);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await expect(
      completeReset(store, { tokenHash: hashToken(token), password: GOOD_PASSWORD, identity: othersChat }),
    ).rejects.toBeInstanceOf(IdentityLinkedError);
    expect(await resolveResetToken(store, hashToken(token))).toMatchObject({ kind: 'reset' });
  });

  it('stay usable after a refused weak password', async () => {
    const person = await seedUser(store);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await expect(
      completeReset(store, { tokenHash: hashToken(token), password: 'short', identity: newIdentity() }),
    ).rejects.toBeInstanceOf(WeakPasswordError);
    expect(await resolveResetToken(store, hashToken(token))).toMatchObject({ kind: 'reset' });
  });

  it('say why they cannot be used: unknown, expired', async () => {
    const person = await seedUser(store);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await sql`update password_resets set expires_at = now() - interval '1 second' where user_id = ${person.id}`;
    await expect(
      completeReset(store, { tokenHash: hashToken(token), password: GOOD_PASSWORD, identity: newIdentity() }),
    ).rejects.toMatchObject({ reason: 'expired' });
    const unknown = await completeReset(store, {
      tokenHash: hashToken('nope'),
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    }).catch((e) => e);
    expect(unknown).toBeInstanceOf(ResetLinkUnusableError);
    expect(unknown.reason).toBe('unknown');
  });

  it('are not issued for a deactivated account', async () => {
    const gone = await seedUser(store, { status: 'deactivated' });
    await expect(issueResetLink(store, { actorId: admin.id, userId: gone.id })).rejects.toBeInstanceOf(
      UserDeactivatedError,
    );
  });
});

describe('login, logout and password change', () => {
  it('links a chat with the right password and gives one error for every wrong case', async () => {
    const person = await withPassword(GOOD_PASSWORD, { email: 'login@example.com' });
    const gone = await withPassword(GOOD_PASSWORD, { email: 'gone@example.com', status: 'deactivated' });
    const chat = newIdentity('slack');
    for (const attempt of [
      { email: 'login@example.com', password: 'wrong-Password-99' },
      { email: 'nobody@example.com', password: GOOD_PASSWORD },
      { email: 'gone@example.com', password: GOOD_PASSWORD },
    ]) {
      await expect(loginWithPassword(store, { ...attempt, identity: chat })).rejects.toBeInstanceOf(
        WrongCredentialsError,
      );
    }
    expect(gone.status).toBe('deactivated');
    const user = await loginWithPassword(store, {
      email: 'LOGIN@example.com',
      password: GOOD_PASSWORD,
      identity: chat,
    });
    expect(user.id).toBe(person.id);
    expect((await store.identities.getIdentity(chat))?.userId).toBe(person.id);
    const taken = await link(admin.id);
    await expect(
      loginWithPassword(store, { email: 'login@example.com', password: GOOD_PASSWORD, identity: taken }),
    ).rejects.toBeInstanceOf(IdentityLinkedError);
  });

  it('logs a chat out, but not the only way into an account without email', async () => {
    const person = await seedUser(store);
    const chat = await link(person.id);
    await logout(store, { userId: person.id, identity: chat });
    expect(await store.identities.getIdentity(chat)).toBeUndefined();
    const mailless = await seedUser(store, { email: null });
    const only = await link(mailless.id);
    await expect(logout(store, { userId: mailless.id, identity: only })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('changes the password after checking the current one, optionally ending other chats', async () => {
    const person = await withPassword(GOOD_PASSWORD);
    const here = await link(person.id);
    const elsewhere = await link(person.id, 'slack');
    const next = 'amber-Otter-Canal-77';
    await expect(
      changePassword(store, {
        userId: person.id,
        currentPassword: 'wrong-Password-1',
        newPassword: next,
        identity: here,
      }),
    ).rejects.toBeInstanceOf(WrongCredentialsError);
    await expect(
      changePassword(store, {
        userId: person.id,
        currentPassword: GOOD_PASSWORD,
        newPassword: 'password1234',
        identity: here,
      }),
    ).rejects.toBeInstanceOf(WeakPasswordError);
    const { unlinked } = await changePassword(store, {
      userId: person.id,
      currentPassword: GOOD_PASSWORD,
      newPassword: next,
      unlinkOtherChats: true,
      identity: here,
    });
    expect(unlinked.map((i) => i.externalId)).toEqual([elsewhere.externalId]);
    expect(await verifyPassword((await store.users.getPasswordHash(person.id))!, next)).toBe(true);
  });
});

describe('resetPasswordByOperator', () => {
  it('gives the first admin a policy-passing password, logs out every chat and audits as system', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const first = await seedUser(s, { role: 'admin', email: 'first@example.com' });
    await seedUser(s, { role: 'admin' });
    await s.identities.insertIdentity({ ...newIdentity(), userId: first.id });
    await s.identities.insertIdentity({ ...newIdentity('slack'), userId: first.id });
    const { user, password, unlinked } = await resetPasswordByOperator(s, {});
    expect(user.id).toBe(first.id);
    expect(() => checkPasswordPolicy(password)).not.toThrow();
    expect(await verifyPassword((await s.users.getPasswordHash(first.id))!, password)).toBe(true);
    expect(unlinked).toHaveLength(2);
    expect(await s.identities.listIdentities(first.id)).toEqual([]);
    const rows = await db`select * from audit_log where action = 'user.password_reset_by_cli'`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: null, actorName: 'system', targetEmail: 'first@example.com' });
    expect(JSON.stringify(rows)).not.toContain(password);
  });
});
