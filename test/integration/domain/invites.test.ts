import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { GOOD_PASSWORD, newIdentity, seedUser } from '../../support/seed.js';
import {
  createInvites,
  listInvites,
  resendInvite,
  resolveInviteToken,
  revokeInvite,
} from '../../../src/domain/invites.js';
import { claimInvite } from '../../../src/domain/claims.js';
import { hashToken } from '../../../src/domain/tokens.js';
import type { Store } from '../../../src/store/store.js';
import {
  EmailTakenError,
  InvitePendingError,
  InviteStillValidError,
  NoChangeError,
  UnknownInviteError,
  NotAdminError,
  SeatLimitError,
  UnknownGroupError,
  ValidationError,
} from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada Admin', email: 'ada@example.com' });
await sql`insert into groups (name) values ('Design'), ('Ops')`;

const base = {
  actorId: admin.id,
  emails: [] as string[],
  role: 'member' as const,
  groupNames: [] as string[],
};

describe('createInvites', () => {
  it('stores only the SHA-256 of a 43-character token and shows the token once', async () => {
    const [issued] = await createInvites(store, {
      ...base,
      emails: [' Mixed@Example.COM '],
      label: 'Spring hires',
    });
    expect(issued!.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(issued!.payload.length).toBeLessThanOrEqual(64);
    const [row] =
      await sql`select token_hash, email, label, max_uses, expires_at - created_at as ttl from invites where id = ${issued!.invite.id}`;
    expect(Buffer.compare(row!.tokenHash, hashToken(issued!.token))).toBe(0);
    expect(row).toMatchObject({ email: 'mixed@example.com', label: 'Spring hires', maxUses: 1 });
    expect(JSON.stringify(await sql`select * from invites`)).not.toContain(issued!.token);
  });

  it('audits each invite with the acting admin and the invited email', async () => {
    const [issued] = await createInvites(store, {
      ...base,
      emails: ['audited@example.com'],
      groupNames: ['design'],
    });
    const [row] =
      await sql`select * from audit_log where action = 'user.invited' and target_email = 'audited@example.com'`;
    expect(row).toMatchObject({ actorId: admin.id, actorName: 'Ada Admin', actorEmail: 'ada@example.com' });
    expect(row!.details).toMatchObject({
      role: 'member',
      groups: ['Design'],
      invite: issued!.invite.id.slice(0, 8),
    });
  });

  it('refuses an email that has an account or an open invite, case-insensitively', async () => {
    await expect(createInvites(store, { ...base, emails: ['ADA@example.com'] })).rejects.toBeInstanceOf(
      EmailTakenError,
    );
    await createInvites(store, { ...base, emails: ['twice@example.com'] });
    await expect(createInvites(store, { ...base, emails: ['Twice@Example.com'] })).rejects.toBeInstanceOf(
      InvitePendingError,
    );
  });

  it('creates several invites all or nothing', async () => {
    await createInvites(store, { ...base, emails: ['taken-later@example.com'] });
    const before = (await sql`select count(*)::int as n from invites`)[0]!.n;
    await expect(
      createInvites(store, { ...base, emails: ['fresh-1@example.com', 'taken-later@example.com'] }),
    ).rejects.toBeInstanceOf(InvitePendingError);
    expect((await sql`select count(*)::int as n from invites`)[0]!.n).toBe(before);
  });

  it('refuses bad input with a typed error and writes nothing', async () => {
    await expect(createInvites(store, { ...base, emails: ['not-an-email'] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createInvites(store, { ...base, maxUses: 0 })).rejects.toBeInstanceOf(ValidationError);
    await expect(createInvites(store, { ...base, expiresInDays: 400 })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createInvites(store, { ...base, label: 'x'.repeat(101) })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(
      createInvites(store, { ...base, emails: ['a@example.com'], maxUses: 3 }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(createInvites(store, { ...base, groupNames: ['nope'] })).rejects.toBeInstanceOf(
      UnknownGroupError,
    );
  });

  it('is valid 7 days by default, 1 to 90 days when asked, and refuses 0, negative and huge expiries', async () => {
    const ttl = async (expiresInDays?: number) => {
      const [issued] = await createInvites(store, { ...base, ...(expiresInDays ? { expiresInDays } : {}) });
      const [row] = await sql<{ days: number; validDays: number }[]>`
        select extract(epoch from expires_at - created_at) / 86400 as days, valid_days
        from invites where id = ${issued!.invite.id}`;
      return [Math.round(row!.days * 1000) / 1000, row!.validDays];
    };
    expect(await ttl()).toEqual([7, 7]);
    expect(await ttl(1)).toEqual([1, 1]);
    expect(await ttl(90)).toEqual([90, 90]);
    const before = (await sql`select count(*)::int as n from invites`)[0]!.n;
    for (const expiresInDays of [0, -1, -30, 91, 100_000, 2 ** 31, 1.5, Number.NaN, Infinity]) {
      const error: unknown = await createInvites(store, { ...base, expiresInDays }).catch((e: unknown) => e);
      expect(error, String(expiresInDays)).toBeInstanceOf(ValidationError);
    }
    expect((await sql`select count(*)::int as n from invites`)[0]!.n).toBe(before);
  });

  it('refuses a member', async () => {
    const member = await seedUser(store);
    await expect(createInvites(store, { ...base, actorId: member.id })).rejects.toBeInstanceOf(NotAdminError);
  });
});

describe('listInvites, revokeInvite and resendInvite', () => {
  it('lists invites with status and uses, and keeps a revoked one as Revoked', async () => {
    const [issued] = await createInvites(store, { ...base, maxUses: 3, label: 'team offsite' });
    await claimInvite(store, {
      tokenHash: hashToken(issued!.token),
      name: 'Joined',
      password: GOOD_PASSWORD,
      identity: newIdentity(),
    });
    const revoked = await revokeInvite(store, { actorId: admin.id, reference: 'Team Offsite' });
    expect(revoked.revokedAt).not.toBeNull();
    const listed = (await listInvites(store, { actorId: admin.id })).find((i) => i.id === issued!.invite.id);
    expect(listed).toMatchObject({ status: 'Revoked', uses: 1, maxUses: 3, claimedBy: ['Joined'] });
    const [joined] = await sql`select status from users where name = 'Joined'`;
    expect(joined!.status).toBe('active');
    expect(await resolveInviteToken(store, hashToken(issued!.token))).toEqual({
      kind: 'unusable',
      reason: 'revoked',
    });
    const [audit] =
      await sql`select details from audit_log where action = 'user.invite_revoked' order by id desc limit 1`;
    expect(audit!.details).toMatchObject({ uses: 1, maxUses: 3 });
  });

  it('resends an expired invite with a fresh token, keeping email, role, groups and label', async () => {
    const [issued] = await createInvites(store, {
      ...base,
      emails: ['late@example.com'],
      role: 'admin',
      groupNames: ['Ops'],
      label: 'late one',
    });
    await sql`update invites set expires_at = now() - interval '1 day' where id = ${issued!.invite.id}`;
    expect(
      (await listInvites(store, { actorId: admin.id })).find((i) => i.id === issued!.invite.id)?.status,
    ).toBe('Expired');
    const resent = await resendInvite(store, { actorId: admin.id, reference: issued!.invite.id.slice(0, 8) });
    expect(resent.token).not.toBe(issued!.token);
    expect(await resolveInviteToken(store, hashToken(issued!.token))).toEqual({
      kind: 'unusable',
      reason: 'unknown',
    });
    const fresh = await resolveInviteToken(store, hashToken(resent.token));
    expect(fresh).toMatchObject({
      kind: 'invite',
      invite: { email: 'late@example.com', role: 'admin', label: 'late one', groupNames: ['Ops'] },
    });
    const [audit] =
      await sql`select * from audit_log where action = 'user.invite_resent' order by id desc limit 1`;
    expect(audit).toMatchObject({ targetEmail: 'late@example.com', actorId: admin.id });
  });
});

describe('resendInvite', () => {
  async function expiredInvite(
    s: Store,
    actorId: string,
    options: { expiresInDays?: number; maxUses?: number } = {},
  ) {
    const [issued] = await createInvites(s, {
      actorId,
      emails: [],
      role: 'member',
      groupNames: [],
      ...options,
    });
    await s.db`update invites set expires_at = now() - interval '1 hour' where id = ${issued!.invite.id}`;
    return issued!;
  }

  it('refuses a pending invite, saying until when it is valid, and changes nothing', async () => {
    const [issued] = await createInvites(store, {
      ...base,
      emails: ['still@example.com'],
      expiresInDays: 90,
    });
    const audits = (await sql`select count(*)::int as n from audit_log`)[0]!.n;
    const error: unknown = await resendInvite(store, {
      actorId: admin.id,
      reference: 'still@example.com',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InviteStillValidError);
    expect((error as InviteStillValidError).expiresAt).toEqual(issued!.invite.expiresAt);
    expect(await resolveInviteToken(store, hashToken(issued!.token))).toMatchObject({ kind: 'invite' });
    expect((await sql`select count(*)::int as n from audit_log`)[0]!.n).toBe(audits);
  });

  it('keeps the validity the invite was made with', async () => {
    const issued = await expiredInvite(store, admin.id, { expiresInDays: 30 });
    const resent = await resendInvite(store, { actorId: admin.id, reference: issued.invite.id });
    const days = (resent.invite.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    expect(resent.invite.validDays).toBe(30);
  });

  it('checks the seat limit again: the uses an expired invite gave back are taken again', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin' });
    const issued = await expiredInvite(s, boss.id, { maxUses: 2 });
    await createInvites(s, { actorId: boss.id, emails: [], role: 'member', groupNames: [], seatLimit: 3 });
    // Seats in use: active accounts plus the remaining uses of open invites.
    const seats = () =>
      s.tx(async (tx) => {
        const { active, reserved } = await tx.invites.lockAndCountSeats();
        return active + reserved;
      });
    expect(await seats()).toBe(2);
    await expect(
      resendInvite(s, { actorId: boss.id, reference: issued.invite.id, seatLimit: 3 }),
    ).rejects.toBeInstanceOf(SeatLimitError);
    expect(await seats()).toBe(2);
    const [blocked] = await db`select * from audit_log where action = 'user.invite_blocked'`;
    expect(blocked).toMatchObject({ actorId: boss.id, details: { seatLimit: 3, seatsTaken: 2 } });
    await resendInvite(s, { actorId: boss.id, reference: issued.invite.id, seatLimit: 4 });
    expect(await seats()).toBe(4);
  });

  it('refuses a revoked or used-up invite', async () => {
    const issued = await expiredInvite(store, admin.id);
    await revokeInvite(store, { actorId: admin.id, reference: issued.invite.id });
    await expect(
      resendInvite(store, { actorId: admin.id, reference: issued.invite.id }),
    ).rejects.toBeInstanceOf(NoChangeError);
  });
});

describe('revokeInvite', () => {
  it('refuses an unknown invite with UnknownInviteError and writes nothing', async () => {
    const before = await sql`select count(*)::int as n, count(revoked_at)::int as r from invites`;
    const audits = (await sql`select count(*)::int as n from audit_log`)[0]!.n;
    for (const reference of [
      'deadbeef',
      '00000000-0000-4000-8000-000000000000',
      'nobody@example.com',
      '',
      'x'.repeat(300),
    ])
      await expect(revokeInvite(store, { actorId: admin.id, reference })).rejects.toBeInstanceOf(
        UnknownInviteError,
      );
    expect(await sql`select count(*)::int as n, count(revoked_at)::int as r from invites`).toEqual(before);
    expect((await sql`select count(*)::int as n from audit_log`)[0]!.n).toBe(audits);
  });
});

describe('seat limit', () => {
  it('counts active accounts and open invite uses, not deactivated people, and audits a blocked invite', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin' });
    await seedUser(s, { status: 'deactivated' });
    const actor = {
      actorId: boss.id,
      emails: [] as string[],
      role: 'member' as const,
      groupNames: [] as string[],
    };
    await createInvites(s, { ...actor, maxUses: 2, seatLimit: 3 });
    await expect(createInvites(s, { ...actor, seatLimit: 3 })).rejects.toBeInstanceOf(SeatLimitError);
    const [blocked] = await db`select * from audit_log where action = 'user.invite_blocked'`;
    expect(blocked).toMatchObject({ actorId: boss.id, details: { seatLimit: 3, seatsTaken: 3 } });
    expect((await db`select count(*)::int as n from invites`)[0]!.n).toBe(1);
  });

  it('holds under concurrent invites: never more seats than the limit', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin' });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        createInvites(s, { actorId: boss.id, emails: [], role: 'member', groupNames: [], seatLimit: 4 }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect((await db`select count(*)::int as n from invites`)[0]!.n).toBe(3);
  });

  it('checks again at claim time when the limit was lowered', async () => {
    const { store: s } = await createTestDatabase();
    const boss = await seedUser(s, { role: 'admin' });
    const [issued] = await createInvites(s, {
      actorId: boss.id,
      emails: [],
      role: 'member',
      groupNames: [],
      seatLimit: 5,
    });
    await expect(
      claimInvite(s, {
        tokenHash: hashToken(issued!.token),
        name: 'Over',
        password: GOOD_PASSWORD,
        identity: newIdentity(),
        seatLimit: 1,
      }),
    ).rejects.toBeInstanceOf(SeatLimitError);
    expect(await s.users.countUsers()).toBe(1);
  });
});
