import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import { completeReset, issueResetLink, resolveResetToken } from '../../../src/domain/resets.js';
import { verifyPassword } from '../../../src/domain/passwords.js';
import { hashToken, newToken } from '../../../src/domain/tokens.js';
import { addToGroup, createGroup } from '../../../src/domain/groups.js';
import { eraseUser } from '../../../src/domain/erasure.js';
import { changeRole } from '../../../src/domain/users.js';
import {
  AccountFrozenError,
  IdentityLinkedError,
  NotAdminError,
  ResetLinkUnusableError,
  UnknownUserError,
  UserDeactivatedError,
  WeakPasswordError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase({ max: 12 });
const admin = await seedUser(store, { role: 'admin', name: 'Admin' });

async function link(userId: string, platform: 'telegram' | 'slack' = 'telegram') {
  const identity = newIdentity(platform);
  await store.identities.insertIdentity({ ...identity, userId });
  return identity;
}

async function linkedIds(userId: string): Promise<string[]> {
  return (await store.identities.listIdentities(userId)).map((i) => i.externalId).sort();
}

async function auditCount(action: string, targetId: string): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from audit_log where action = ${action} and target_id = ${targetId}`;
  return row!.count;
}

function complete(token: string, identity = newIdentity(), password = GOOD_PASSWORD) {
  return completeReset(store, { tokenHash: hashToken(token), password, identity });
}

describe('issueResetLink', () => {
  it('gives an admin a 7-day link, stores only its SHA-256 and audits it', async () => {
    const person = await seedUser(store, { name: 'Rita', email: 'rita@example.com' });
    const { token, payload, expiresAt } = await issueResetLink(store, {
      actorId: admin.id,
      userId: person.id,
    });
    expect(payload).toBe(`r_${token}`);
    const days = (expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const rows = await sql`select * from password_resets where user_id = ${person.id}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toEqual(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const [audit] = await sql`
      select * from audit_log where action = 'user.password_reset_issued' and target_id = ${person.id}`;
    expect(audit).toMatchObject({
      actorId: admin.id,
      actorName: 'Admin',
      targetName: 'Rita',
      targetEmail: 'rita@example.com',
    });
  });

  it('refuses members, unknown users and deactivated accounts and writes nothing', async () => {
    const member = await seedUser(store);
    const gone = await seedUser(store, { status: 'deactivated' });
    await expect(issueResetLink(store, { actorId: member.id, userId: member.id })).rejects.toBeInstanceOf(
      NotAdminError,
    );
    await expect(
      issueResetLink(store, { actorId: admin.id, userId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toBeInstanceOf(UnknownUserError);
    await expect(issueResetLink(store, { actorId: admin.id, userId: gone.id })).rejects.toBeInstanceOf(
      AccountFrozenError,
    );
    const rows = await sql`select 1 from password_resets where user_id in ${sql([member.id, gone.id])}`;
    expect(rows).toHaveLength(0);
  });

  it('voids the older live link when a newer one is issued', async () => {
    const person = await seedUser(store);
    const older = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const newer = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    expect(await resolveResetToken(store, hashToken(older.token))).toEqual({
      kind: 'unusable',
      reason: 'voided',
    });
    await expect(complete(older.token)).rejects.toMatchObject({ reason: 'voided' });
    await complete(newer.token);
  });

  it('leaves exactly one live link when five are issued at the same moment', async () => {
    const person = await seedUser(store);
    const links = await Promise.all(
      Array.from({ length: 5 }, () => issueResetLink(store, { actorId: admin.id, userId: person.id })),
    );
    const live = await sql<{ tokenHash: Buffer }[]>`
      select token_hash from password_resets
      where user_id = ${person.id} and used_at is null and voided_at is null`;
    expect(live).toHaveLength(1);
    const usable = [];
    for (const { token } of links) {
      if ((await resolveResetToken(store, hashToken(token))).kind === 'reset') usable.push(token);
    }
    expect(usable).toHaveLength(1);
    expect(hashToken(usable[0]!)).toEqual(live[0]!.tokenHash);
  });
});

describe('resolveResetToken', () => {
  it('names the account of a live link', async () => {
    const person = await seedUser(store, { name: 'Lina' });
    const { token, expiresAt } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    expect(await resolveResetToken(store, hashToken(token))).toEqual({
      kind: 'reset',
      userId: person.id,
      userName: 'Lina',
      expiresAt,
    });
  });

  it('says why a link is unusable: unknown, expired, used or voided', async () => {
    expect(await resolveResetToken(store, hashToken(newToken()))).toEqual({
      kind: 'unusable',
      reason: 'unknown',
    });
    const expiring = await seedUser(store);
    const expired = await issueResetLink(store, { actorId: admin.id, userId: expiring.id });
    await sql`update password_resets set expires_at = now() - interval '1 second' where user_id = ${expiring.id}`;
    expect(await resolveResetToken(store, hashToken(expired.token))).toEqual({
      kind: 'unusable',
      reason: 'expired',
    });
    const using = await seedUser(store);
    const used = await issueResetLink(store, { actorId: admin.id, userId: using.id });
    await complete(used.token);
    expect(await resolveResetToken(store, hashToken(used.token))).toEqual({
      kind: 'unusable',
      reason: 'used',
    });
    const voiding = await seedUser(store);
    const voided = await issueResetLink(store, { actorId: admin.id, userId: voiding.id });
    await issueResetLink(store, { actorId: admin.id, userId: voiding.id });
    expect(await resolveResetToken(store, hashToken(voided.token))).toEqual({
      kind: 'unusable',
      reason: 'voided',
    });
  });
});

describe('completeReset', () => {
  it('succeeds once when ten chats complete one link at the same moment', async () => {
    const person = await seedUser(store);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => complete(token)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const result of results.filter((r) => r.status === 'rejected')) {
      expect(result.reason).toBeInstanceOf(ResetLinkUnusableError);
      expect(result.reason).toMatchObject({ reason: 'used' });
    }
    expect(await linkedIds(person.id)).toHaveLength(1);
    expect(await auditCount('user.password_reset_completed', person.id)).toBe(1);
  });

  it('sets the password and unlinks every other chat but the one that completed it', async () => {
    const person = await seedUser(store);
    const stolen = await link(person.id, 'slack');
    const mine = await link(person.id);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const { user, unlinked } = await complete(token, mine);
    expect(user.id).toBe(person.id);
    expect(unlinked.map((i) => i.externalId)).toEqual([stolen.externalId]);
    expect(await linkedIds(person.id)).toEqual([mine.externalId]);
    expect(await verifyPassword((await store.users.getPasswordHash(person.id))!, GOOD_PASSWORD)).toBe(true);
    const [audit] = await sql`
      select * from audit_log where action = 'user.password_reset_completed' and target_id = ${person.id}`;
    expect(audit).toMatchObject({ actorId: person.id, details: { platform: 'telegram', chatsUnlinked: 1 } });
    await expect(complete(token, mine)).rejects.toMatchObject({ reason: 'used' });
  });

  it('links a new chat that completes it and logs every earlier chat out', async () => {
    const person = await seedUser(store);
    const earlier = [await link(person.id), await link(person.id, 'slack')];
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const fresh = newIdentity('slack');
    const { unlinked } = await complete(token, fresh);
    expect(unlinked.map((i) => i.externalId).sort()).toEqual(earlier.map((i) => i.externalId).sort());
    expect(await linkedIds(person.id)).toEqual([fresh.externalId]);
  });

  it('refuses a chat linked to another account and changes nothing', async () => {
    const person = await seedUser(store);
    const own = await link(person.id);
    const other = await seedUser(store);
    const othersChat = await link(other.id);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await expect(complete(token, othersChat)).rejects.toBeInstanceOf(IdentityLinkedError);
    expect(await resolveResetToken(store, hashToken(token))).toMatchObject({ kind: 'reset' });
    expect(await store.users.getPasswordHash(person.id)).toBe('not-a-real-hash');
    expect(await linkedIds(person.id)).toEqual([own.externalId]);
    expect(await linkedIds(other.id)).toEqual([othersChat.externalId]);
    expect(await auditCount('user.password_reset_completed', person.id)).toBe(0);
  });

  it('refuses a weak password before touching the record, so the link stays usable', async () => {
    const person = await seedUser(store);
    const own = await link(person.id);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    const chat = newIdentity();
    await expect(complete(token, chat, 'qwerty123456')).rejects.toBeInstanceOf(WeakPasswordError);
    expect(await resolveResetToken(store, hashToken(token))).toMatchObject({ kind: 'reset' });
    expect(await store.identities.getIdentity(chat)).toBeUndefined();
    expect(await linkedIds(person.id)).toEqual([own.externalId]);
    expect(await store.users.getPasswordHash(person.id)).toBe('not-a-real-hash');
  });

  it('refuses an account deactivated after the link was issued and changes nothing', async () => {
    const person = await seedUser(store);
    const own = await link(person.id);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await sql`update users set status = 'deactivated', deactivated_at = now() where id = ${person.id}`;
    const chat = newIdentity();
    await expect(complete(token, chat)).rejects.toBeInstanceOf(UserDeactivatedError);
    expect(await resolveResetToken(store, hashToken(token))).toMatchObject({ kind: 'reset' });
    expect(await store.identities.getIdentity(chat)).toBeUndefined();
    expect(await linkedIds(person.id)).toEqual([own.externalId]);
    expect(await store.users.getPasswordHash(person.id)).toBe('not-a-real-hash');
  });

  it('leaves the name, agents and groups alone', async () => {
    const person = await seedUser(store, { name: 'Unchanged Name' });
    await createGroup(store, { actorId: admin.id, name: 'Reset Keepers' });
    await addToGroup(store, { actorId: admin.id, groupName: 'Reset Keepers', userId: person.id });
    await store.agents.insertAgent({
      name: 'Smithers',
      description: '',
      instructions: 'knows me',
      visibility: 'restricted',
      ownerId: person.id,
      createdBy: person.id,
    });
    const state = () => sql`
      select u.name, u.email, u.role, u.status,
        (select array_agg(g.name) from group_members m join groups g on g.id = m.group_id where m.user_id = u.id) as groups,
        (select array_agg(a.name || ':' || a.instructions || ':' || (a.deleted_at is null)) from agents a where a.owner_id = u.id) as agents
      from users u where u.id = ${person.id}`;
    const before = await state();
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await complete(token);
    expect(await state()).toEqual(before);
    expect(before[0]).toMatchObject({ name: 'Unchanged Name', groups: ['Reset Keepers'] });
  });

  it('refuses the link of an erased person as unknown and creates nothing', async () => {
    const person = await seedUser(store, { name: 'Erased Soon' });
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await eraseUser(store, { actorId: admin.id, userId: person.id, successorId: null });
    expect(await resolveResetToken(store, hashToken(token))).toEqual({ kind: 'unusable', reason: 'unknown' });
    const chat = newIdentity();
    await expect(complete(token, chat)).rejects.toMatchObject({ reason: 'unknown' });
    expect(await store.identities.getIdentity(chat)).toBeUndefined();
    expect(await store.users.getUserById(person.id)).toBeUndefined();
  });

  it('refuses a link whose issuer is no longer an admin, however they lost the rights', async () => {
    const issuer = await seedUser(store, { role: 'admin', name: 'Former Admin' });
    const person = await seedUser(store);
    const { token } = await issueResetLink(store, { actorId: issuer.id, userId: person.id });
    await changeRole(store, { actorId: admin.id, userId: issuer.id, role: 'member' });
    await expect(complete(token)).rejects.toMatchObject({ reason: 'voided' });

    const other = await seedUser(store, { role: 'admin' });
    const second = await issueResetLink(store, { actorId: other.id, userId: person.id });
    // As a link issued before losing the rights revoked anything would stand.
    await sql`update users set role = 'member' where id = ${other.id}`;
    expect(await resolveResetToken(store, hashToken(second.token))).toEqual({
      kind: 'unusable',
      reason: 'voided',
    });
    const chat = newIdentity();
    await expect(complete(second.token, chat)).rejects.toMatchObject({ reason: 'voided' });
    expect(await store.identities.getIdentity(chat)).toBeUndefined();
    expect(await store.users.getPasswordHash(person.id)).toBe('not-a-real-hash');
  });

  it('refuses unknown and expired links with their reason', async () => {
    await expect(complete(newToken())).rejects.toMatchObject({ reason: 'unknown' });
    const person = await seedUser(store);
    const { token } = await issueResetLink(store, { actorId: admin.id, userId: person.id });
    await sql`update password_resets set expires_at = now() - interval '1 second' where user_id = ${person.id}`;
    const error: unknown = await complete(token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResetLinkUnusableError);
    expect(error).toMatchObject({ reason: 'expired' });
  });
});
