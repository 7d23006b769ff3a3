import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import { claimInvite } from '../../../src/domain/claims.js';
import { createInvites } from '../../../src/domain/invites.js';
import { hashToken } from '../../../src/domain/tokens.js';
import { EmailTakenError, InviteUnusableError, WeakPasswordError } from '../../../src/domain/errors.js';
import { verifyPassword } from '../../../src/domain/passwords.js';

const { sql, store } = await createTestDatabase({ max: 20 });
const admin = await seedUser(store, { role: 'admin' });

async function counts() {
  const [row] = await sql<{ users: number; identities: number; agents: number; members: number }[]>`
    select (select count(*)::int from users) as users, (select count(*)::int from identities) as identities,
           (select count(*)::int from agents) as agents, (select count(*)::int from group_members) as members`;
  return row!;
}

async function invite(options: Partial<Parameters<typeof createInvites>[1]> = {}) {
  const [issued] = await createInvites(store, {
    actorId: admin.id,
    emails: [],
    role: 'member',
    groupNames: [],
    ...options,
  });
  return { ...issued!, tokenHash: hashToken(issued!.token) };
}

describe('claimInvite', () => {
  it('creates the account, links the chat, adds the invite groups and a personal Smithers', async () => {
    await sql`insert into groups (name) values ('Ops')`;
    const { tokenHash } = await invite({ emails: ['New.Person@Example.com'], groupNames: ['ops'] });
    const identity = newIdentity();
    const { user, personalAgentId } = await claimInvite(store, {
      tokenHash,
      name: ' Nia ',
      password: GOOD_PASSWORD,
      identity,
    });
    expect(user).toMatchObject({
      name: 'Nia',
      email: 'new.person@example.com',
      role: 'member',
      status: 'active',
    });
    expect(await store.groups.listUserGroupNames(user.id)).toEqual(['Ops']);
    const [agent] = await sql`select name, owner_id from agents where id = ${personalAgentId}`;
    expect(agent).toMatchObject({ name: 'Smithers', ownerId: user.id });
    expect((await store.identities.getIdentity(identity))?.userId).toBe(user.id);
    const hash = await store.users.getPasswordHash(user.id);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash!, GOOD_PASSWORD)).toBe(true);
    const [audit] =
      await sql`select * from audit_log where action = 'user.claimed' and target_id = ${user.id}`;
    expect(audit).toMatchObject({ actorId: user.id, targetEmail: 'new.person@example.com' });
  });

  it('claims an invite without an email, with or without an email given by the newcomer', async () => {
    const first = await invite();
    const plain = await claimInvite(store, {
      tokenHash: first.tokenHash,
      name: 'No Mail',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    });
    expect(plain.user.email).toBeNull();
    const second = await invite();
    const mailed = await claimInvite(store, {
      tokenHash: second.tokenHash,
      name: 'Some Mail',
      password: GOOD_PASSWORD,
      email: 'Given@Example.com',
      identity: newIdentity(),
    });
    expect(mailed.user.email).toBe('given@example.com');
  });

  it('gives exactly one account when 100 people claim a single-use invite at once', async () => {
    const { tokenHash } = await invite();
    const before = await counts();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) =>
        claimInvite(store, {
          tokenHash,
          name: `Racer ${i}`,
          password: GOOD_PASSWORD,
          identity: newIdentity(),
        }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.every((r) => r.reason instanceof InviteUnusableError && r.reason.reason === 'used_up')).toBe(
      true,
    );
    const after = await counts();
    expect(after.users - before.users).toBe(1);
    expect(after.identities - before.identities).toBe(1);
    expect(after.agents - before.agents).toBe(1);
  }, 120_000);

  it('gives exactly five accounts when an invite of five uses is claimed twenty times at once', async () => {
    const { tokenHash, invite: row } = await invite({ maxUses: 5 });
    const before = await counts();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        claimInvite(store, {
          tokenHash,
          name: `Five ${i}`,
          password: GOOD_PASSWORD,
          identity: newIdentity(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect((await counts()).users - before.users).toBe(5);
    const [stored] = await sql`select uses from invites where id = ${row.id}`;
    expect(stored!.uses).toBe(5);
  }, 60_000);

  it.each(['expired', 'revoked'] as const)('refuses an %s invite and creates nothing', async (reason) => {
    const { tokenHash, invite: row } = await invite();
    if (reason === 'expired')
      await sql`update invites set expires_at = now() - interval '1 minute' where id = ${row.id}`;
    else await sql`update invites set revoked_at = now() where id = ${row.id}`;
    const before = await counts();
    const error = await claimInvite(store, {
      tokenHash,
      name: 'Late',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    }).catch((e) => e);
    expect(error).toBeInstanceOf(InviteUnusableError);
    expect(error.reason).toBe(reason);
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown token and a used-up one with their reasons', async () => {
    const unknown = await claimInvite(store, {
      tokenHash: hashToken('x'.repeat(43)),
      name: 'X',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    }).catch((e) => e);
    expect(unknown).toMatchObject({ reason: 'unknown' });
    const { tokenHash } = await invite();
    await claimInvite(store, { tokenHash, name: 'First', password: GOOD_PASSWORD, identity: newIdentity() });
    const again = await claimInvite(store, {
      tokenHash,
      name: 'Second',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    }).catch((e) => e);
    expect(again).toMatchObject({ reason: 'used_up' });
  });

  it('refuses a weak password, creates nothing and leaves the use unconsumed', async () => {
    const { tokenHash, invite: row } = await invite();
    const before = await counts();
    await expect(
      claimInvite(store, { tokenHash, name: 'Weak', password: 'password1234', identity: newIdentity() }),
    ).rejects.toBeInstanceOf(WeakPasswordError);
    expect(await counts()).toEqual(before);
    const [stored] = await sql`select uses from invites where id = ${row.id}`;
    expect(stored!.uses).toBe(0);
  });

  it('refuses an email that already has an account and rolls the use back', async () => {
    const existing = await seedUser(store);
    const { tokenHash, invite: row } = await invite();
    await expect(
      claimInvite(store, {
        tokenHash,
        name: 'Dup',
        password: GOOD_PASSWORD,
        email: existing.email!,
        identity: newIdentity(),
      }),
    ).rejects.toBeInstanceOf(EmailTakenError);
    const [stored] = await sql`select uses from invites where id = ${row.id}`;
    expect(stored!.uses).toBe(0);
  });

  it('makes the first account ever an admin, whatever the invite says', async () => {
    const { store: fresh } = await createTestDatabase();
    const { createSetupInvite } = await import('../../../src/domain/invites.js');
    const setup = await createSetupInvite(fresh);
    const { user } = await claimInvite(fresh, {
      tokenHash: hashToken(setup.token),
      name: 'Founder',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    });
    expect(user.role).toBe('admin');
  });
});
