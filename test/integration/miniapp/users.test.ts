import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { createInvites, revokeInvite } from '../../../src/domain/invites.js';
import { addToGroup, createGroup } from '../../../src/domain/groups.js';
import { changeRole } from '../../../src/domain/users.js';
import type { Button } from '../../../src/engine/outbound.js';
import type { TableRow } from '../../../src/adapters/telegram/miniapp/users-table.js';
import type { UserRow } from '../../../src/store/users.js';
import { chatText, initDataFor, miniAppHarness } from './harness.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const app = await miniAppHarness(store, sessions);
const ADA = 5001;
const BOB = 5002;
const ZED = 5003;
let ada: UserRow;
let bob: UserRow;

beforeAll(async () => {
  ada = await seedUser(store, { role: 'admin', name: 'Ada Admin', email: 'ada@example.com' });
  bob = await seedUser(store, { name: 'Bob Member', email: 'bob@example.com' });
  const zed = await seedUser(store, { role: 'admin', name: 'Zed Admin', email: 'zed@example.com' });
  await seedUser(store, { name: 'Cy Gone', email: 'cy@example.com', status: 'deactivated' });
  await linkChat(store, ada, String(ADA));
  await linkChat(store, bob, String(BOB));
  await linkChat(store, bob, 'U-BOB', 'slack');
  await linkChat(store, zed, String(ZED));
  await createGroup(store, { actorId: ada.id, name: 'ops' });
  await addToGroup(store, { actorId: ada.id, groupName: 'ops', userId: bob.id });
  await createInvites(store, {
    actorId: ada.id,
    emails: ['pending@example.com'],
    role: 'member',
    groupNames: ['ops'],
    label: 'new hire',
  });
  const [expired] = await createInvites(store, {
    actorId: ada.id,
    emails: ['late@example.com'],
    role: 'admin',
    groupNames: [],
  });
  await sql`update invites set expires_at = now() - interval '1 day' where id = ${expired!.invite.id}`;
  await createInvites(store, {
    actorId: ada.id,
    emails: ['gone@example.com'],
    role: 'member',
    groupNames: [],
  });
  await revokeInvite(store, { actorId: ada.id, reference: 'gone@example.com' });
});

const table = (telegramId: number) => app.call('/app/api/users', { initData: initDataFor(telegramId) });

describe('the Mini App user table', () => {
  it('lists every account and the pending and expired invites for an admin', async () => {
    const { status, body } = await table(ADA);
    expect(status).toBe(200);
    const rows = body!.rows as TableRow[];
    const byEmail = Object.fromEntries(rows.map((r) => [r.email, r]));
    expect(byEmail['bob@example.com']).toMatchObject({
      kind: 'user',
      id: bob.id,
      name: 'Bob Member',
      role: 'member',
      groups: ['ops'],
      status: 'Active',
      platforms: expect.arrayContaining(['telegram', 'slack']),
    });
    expect(byEmail['cy@example.com']).toMatchObject({ status: 'Deactivated' });
    expect(byEmail['pending@example.com']).toMatchObject({
      kind: 'invite',
      name: 'new hire',
      status: 'Pending',
      groups: ['ops'],
    });
    expect(byEmail['late@example.com']).toMatchObject({ kind: 'invite', status: 'Expired', role: 'admin' });
    expect(byEmail['gone@example.com']).toBeUndefined();
    expect(rows).toHaveLength(4 + 2);
  });

  it('sorts Active, Pending, Expired and Deactivated, each by name', async () => {
    const rows = (await table(ADA)).body!.rows as TableRow[];
    expect(rows.map((r) => `${r.status} ${r.name}`)).toEqual([
      'Active Ada Admin',
      'Active Bob Member',
      'Active Zed Admin',
      'Pending new hire',
      'Expired null',
      'Deactivated Cy Gone',
    ]);
  });

  it("refuses a member's init data with 403, and a stranger's", async () => {
    expect((await table(BOB)).status).toBe(403);
    expect((await table(9999)).status).toBe(403);
  });

  it('refuses forged or missing init data with 401', async () => {
    const forged = initDataFor(ADA, new Date(), '654321:FORGED-token-abcdefghijklmn');
    expect((await app.call('/app/api/users', { initData: forged })).status).toBe(401);
    expect((await app.call('/app/api/users')).status).toBe(401);
  });

  it('reads the role on every request: a demoted admin is refused at once', async () => {
    expect((await table(ZED)).status).toBe(200);
    const zed = (await store.users.getUserByEmail('zed@example.com'))!;
    await changeRole(store, { actorId: ada.id, userId: zed.id, role: 'member' });
    expect((await table(ZED)).status).toBe(403);
  });

  it("opens a row's panel in the admin's chat, and refuses a member", async () => {
    const before = app.sent.length;
    const opened = await app.call('/app/api/users/open', {
      initData: initDataFor(ADA),
      body: { userId: bob.id },
    });
    expect(opened.status).toBe(204);
    const told = app.sent.slice(before);
    expect(told.map((s) => s.userId)).toEqual([ADA]);
    expect(chatText(told)).toMatch(/Bob Member/);
    const member = await app.call('/app/api/users/open', {
      initData: initDataFor(BOB),
      body: { userId: ada.id },
    });
    expect(member.status).toBe(403);
    expect(app.sent.length).toBe(before + 1);
  });

  it('offers "Open the table" with /users in a private chat only', async () => {
    const base = {
      platform: 'telegram' as const,
      sender: { externalId: String(ADA), username: 'ada', displayName: 'Ada' },
      command: { name: 'users', args: '' },
    };
    const buttons = (replies: Awaited<ReturnType<typeof app.engine.handle>>) =>
      replies.flatMap((r): Button[] => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []));
    const inPrivate = buttons(
      await app.engine.handle({ ...base, chat: { id: String(ADA), isPrivate: true } }),
    );
    expect(inPrivate[0]).toEqual({ label: 'Open the table', action: '/users', page: 'users' });
    const inGroup = buttons(await app.engine.handle({ ...base, chat: { id: '-100777', isPrivate: false } }));
    expect(inGroup.some((b) => b.page)).toBe(false);
  });
});
