import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import { claimInvite } from '../../../src/domain/claims.js';
import { createAdminInvite, createInvites, resolveInviteToken } from '../../../src/domain/invites.js';
import { changeRole } from '../../../src/domain/users.js';
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

  it('refuses a password of 11 characters and creates nothing, and accepts one of 12', async () => {
    const { tokenHash } = await invite();
    const before = await counts();
    const error: unknown = await claimInvite(store, {
      tokenHash,
      name: 'Eleven',
      password: 'violet-Hrb4',
      identity: newIdentity(),
    }).catch((e: unknown) => e);
    expect(error).toEqual(new WeakPasswordError('too_short'));
    expect(await counts()).toEqual(before);
    const { user } = await claimInvite(store, {
      tokenHash,
      name: 'Twelve',
      password: 'violet-Harb4',
      identity: newIdentity(),
    });
    expect(user.name).toBe('Twelve');
  });

  it('makes a later admin invite an admin, from an admin or from the operator', async () => {
    const { tokenHash } = await invite({ role: 'admin' });
    const byAdmin = await claimInvite(store, {
      tokenHash,
      name: 'Second Admin',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    });
    expect(byAdmin.user.role).toBe('admin');
    const operators = await createAdminInvite(store);
    const byOperator = await claimInvite(store, {
      tokenHash: hashToken(operators.token),
      name: 'Third Admin',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    });
    expect(byOperator.user.role).toBe('admin');
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

describe('the first account', () => {
  it('is the one admin when ten setup invites that say member are claimed at the same moment', async () => {
    const { sql: db, store: fresh } = await createTestDatabase({ max: 12 });
    const tokens = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const { token } = await createAdminInvite(fresh);
        return token;
      }),
    );
    await db`update invites set role = 'member'`;
    const results = await Promise.allSettled(
      tokens.map((token, i) =>
        claimInvite(fresh, {
          tokenHash: hashToken(token),
          name: `Founder ${i}`,
          password: GOOD_PASSWORD,
          identity: newIdentity(),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const roles = await db<{ role: string; n: number }[]>`
      select role, count(*)::int as n from users group by role order by role`;
    expect(roles).toEqual([
      { role: 'admin', n: 1 },
      { role: 'member', n: 9 },
    ]);
  });
});

describe('an invite whose issuer lost their admin rights', () => {
  it.each([
    ['demoted', (id: string) => sql`update users set role = 'member' where id = ${id}`],
    ['deactivated', (id: string) => sql`update users set status = 'deactivated' where id = ${id}`],
  ])('is refused as revoked when the issuer was %s, and creates nothing', async (_, loseRights) => {
    const issuer = await seedUser(store, { role: 'admin' });
    const { tokenHash, invite: row } = await invite({ actorId: issuer.id, maxUses: 5 });
    // What an invite from before revocation on demotion looks like: still open, its issuer no admin.
    await loseRights(issuer.id);
    expect(await resolveInviteToken(store, tokenHash)).toEqual({ kind: 'unusable', reason: 'revoked' });
    const before = await counts();
    await expect(
      claimInvite(store, { tokenHash, name: 'Too Late', password: GOOD_PASSWORD, identity: newIdentity() }),
    ).rejects.toEqual(new InviteUnusableError('revoked'));
    expect(await counts()).toEqual(before);
    const [after] = await sql`select uses from invites where id = ${row.id}`;
    expect(after!.uses).toBe(0);
  });

  it('is claimed before the demotion or refused after it, when both happen at the same moment', async () => {
    for (let round = 0; round < 10; round++) {
      const issuer = await seedUser(store, { role: 'admin' });
      const { tokenHash, invite: row } = await invite({ actorId: issuer.id, maxUses: 3 });
      const [claim, demotion] = await Promise.allSettled([
        claimInvite(store, {
          tokenHash,
          name: `Racer ${round}`,
          password: GOOD_PASSWORD,
          identity: newIdentity(),
        }),
        changeRole(store, { actorId: admin.id, userId: issuer.id, role: 'member' }),
      ]);
      expect(demotion.status).toBe('fulfilled');
      if (claim.status === 'rejected') expect(claim.reason).toEqual(new InviteUnusableError('revoked'));
      const [after] = await sql`select uses, revoked_at from invites where id = ${row.id}`;
      expect(after).toEqual({ uses: claim.status === 'fulfilled' ? 1 : 0, revokedAt: expect.any(Date) });
    }
  });
});
