import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine, transcript } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createInvites } from '../../../src/domain/invites.js';
import type { Platform } from '../../../src/domain/enums.js';
import type { Button, LocalizedOutbound } from '../../../src/engine/outbound.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, 'ada');
const ada = new Person(engine, 'ada');

// Each test starts with Ada in no flow, so replies open with what the test did.
beforeEach(async () => {
  await ada.say('/cancel');
});

/** One chat identity on any platform, whose handle the test chooses for each update. */
class Chat {
  last: LocalizedOutbound[] = [];
  private seq = 0;

  constructor(
    readonly platform: Platform,
    readonly externalId: string,
    public username: string | null,
  ) {}

  private base() {
    this.seq += 1;
    return {
      platform: this.platform,
      sender: { externalId: this.externalId, username: this.username, displayName: this.externalId },
      chat: { id: `D${this.externalId}`, isPrivate: true },
      messageId: String(this.seq),
    };
  }

  async say(line: string): Promise<string> {
    const [, name = '', args = ''] = line.match(/^\/(\w+)\s*([\s\S]*)$/) ?? [];
    this.last = await engine.handle({ ...this.base(), command: { name, args: args.trim() } });
    return transcript(this.last);
  }

  async tap(label: string): Promise<string> {
    const button = this.last
      .flatMap((r): Button<string>[] => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []))
      .find((b) => b.label === label);
    if (!button) throw new Error(`no button “${label}” in:\n${transcript(this.last)}`);
    this.last = await engine.handle({ ...this.base(), action: button.action });
    return transcript(this.last);
  }
}

async function roleOf(id: string): Promise<string> {
  const [row] = await sql<{ role: string }[]>`select role from users where id = ${id}`;
  return row!.role;
}

describe('@username', () => {
  it("means the person who shows it now on the caller's platform, and the confirmation says who", async () => {
    const robert = await seedUser(store, { name: 'Robert', email: 'robert@example.com' });
    const slackBob = await seedUser(store, { name: 'Bob Slack', email: 'bob@slack.example' });
    // Robert was @bob on Telegram when he joined; Slack's Bob joined by a DM, which carries no handle.
    await store.identities.insertIdentity({
      platform: 'telegram',
      externalId: '501',
      userId: robert.id,
      username: 'bob',
    });
    await store.identities.insertIdentity({
      platform: 'slack',
      externalId: 'T1:UBOB',
      userId: slackBob.id,
      username: null,
    });
    await new Chat('telegram', '501', 'robert').say('/profile');
    await new Chat('slack', 'T1:UBOB', 'bob').say('/profile');

    const slackAdmin = new Chat('slack', 'T1:UADA', 'ada');
    await store.identities.insertIdentity({
      platform: 'slack',
      externalId: 'T1:UADA',
      userId: admin.id,
      username: 'ada',
    });
    expect(await slackAdmin.say('/role @bob admin')).toBe(
      'Make Bob Slack <bob@slack.example> (@bob on Slack) an admin? ' +
        'They will be able to invite, change roles and groups, and read the audit trail. [Yes, make admin] [No]',
    );
    await slackAdmin.tap('Yes, make admin');
    expect(await roleOf(slackBob.id)).toBe('admin');
    expect(await roleOf(robert.id)).toBe('member');
    expect(await ada.say('/role @bob member')).toMatch(
      /^Make Bob Slack <bob@slack\.example> \(@bob on Slack\) a member\?/,
    );
    await ada.say('/cancel');
    expect(await ada.say('/role @robert admin')).toMatch(
      /^Make Robert <robert@example\.com> \(@robert on Telegram\) an admin\?/,
    );
  });

  it('that several people show elsewhere is refused with how to be specific', async () => {
    const one = await seedUser(store, { name: 'Sam One' });
    const two = await seedUser(store, { name: 'Sam Two' });
    await linkChat(store, one, 'T1:USAM', 'slack', 'sam');
    await linkChat(store, two, '502', 'telegram', 'sam');
    const consoleAdmin = new Person(engine, 'ada-console', 'console');
    await linkChat(store, admin, 'ada-console', 'console', 'ada-console');
    expect(await consoleAdmin.say('/deactivate @sam')).toBe(
      '“@sam” is more than one person: Sam One on Slack, Sam Two on Telegram. Say which with slack:@sam or telegram:@sam, or use their email.',
    );
    expect(await consoleAdmin.say('/deactivate telegram:@sam')).toMatch(
      /^Deactivate Sam Two <[^>]+> \(@sam on Telegram\)\?/,
    );
  });
});

describe('a deactivated person', () => {
  it('is frozen: /role, /group and /resetpassword say so and change nothing', async () => {
    const gone = await seedUser(store, { name: 'Gone', email: 'gone@example.com', status: 'deactivated' });
    await sql`insert into groups (name) values ('Frozen Team')`;
    expect(await ada.say('/role gone@example.com admin')).toMatch(
      /^Gone is deactivated, so their role stays as it is until you \/reactivate them\.\nGone <gone@example\.com>/,
    );
    expect(await ada.say('/group add "Frozen Team" gone@example.com')).toBe(
      'Gone is deactivated, so their groups stay as they are until you /reactivate them.',
    );
    expect(await ada.say('/resetpassword gone@example.com')).toBe(
      'Gone is deactivated, so they get no reset link until you /reactivate them.',
    );
    expect(await roleOf(gone.id)).toBe('member');
    const [links] = await sql`select count(*)::int as n from password_resets where user_id = ${gone.id}`;
    expect(links!.n).toBe(0);
  });

  it("has a panel that offers Reactivate and Delete only, and Delete asks for the erasure's confirmation", async () => {
    await seedUser(store, { name: 'Paused', email: 'paused@example.com', status: 'deactivated' });
    const panel = await ada.say('/user paused@example.com');
    expect(panel).toMatch(/Status: Deactivated[\s\S]*\[Reactivate\] \[Delete\] \[Done\]$/);
    expect(await ada.tap('Delete')).toMatch(
      /Erase Paused <paused@example\.com>\?[\s\S]*To confirm, type paused@example\.com/,
    );
  });
});

describe('an admin losing their rights', () => {
  it('is told how many open invites go with them, and they do', async () => {
    const rogue = await seedUser(store, { role: 'admin', name: 'Rogue', email: 'rogue@example.com' });
    await createInvites(store, { actorId: rogue.id, emails: [], role: 'admin', groupNames: [], maxUses: 5 });
    await createInvites(store, {
      actorId: rogue.id,
      emails: ['pal@example.com'],
      role: 'member',
      groupNames: [],
    });
    expect(await ada.say('/role rogue@example.com member')).toBe(
      'Make Rogue <rogue@example.com> a member?\nRogue has 2 open invites; they will be revoked. [Yes, make member] [No]',
    );
    expect(await ada.tap('Yes, make member')).toMatch(/\n✓ Rogue is now a member\. \(by Ada\)/);
    const [open] =
      await sql`select count(*)::int as n from invites where created_by = ${rogue.id} and revoked_at is null`;
    expect(open!.n).toBe(0);
    expect(await ada.say('/invites')).toMatch(/Revoked · pal@example\.com · member · 0\/1 used · by Rogue/);
  });
});

describe('/invites and /resend', () => {
  it('names who issued each invite, the operator for the setup ones', async () => {
    const { createAdminInvite } = await import('../../../src/domain/invites.js');
    await createAdminInvite(store);
    await createInvites(store, {
      actorId: admin.id,
      emails: ['named@example.com'],
      role: 'member',
      groupNames: [],
    });
    const listed = await ada.say('/invites');
    expect(listed).toMatch(
      /Pending · named@example\.com · member · 0\/1 used · until [A-Z][a-z]{2} \d{1,2}, \d{4} · by Ada/,
    );
    expect(listed).toMatch(
      /Pending · anyone · admin · 0\/1 used · until [A-Z][a-z]{2} \d{1,2}, \d{4} · “admin setup” · by the operator/,
    );
  });

  it('refuses to resend a pending invite and says until when it is valid', async () => {
    const [issued] = await createInvites(store, {
      actorId: admin.id,
      emails: ['leaky@example.com'],
      role: 'member',
      groupNames: [],
      expiresInDays: 90,
    });
    const until = new Intl.DateTimeFormat('en', {
      timeZone: 'UTC',
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(issued!.invite.expiresAt);
    expect(await ada.say('/resend leaky@example.com')).toBe(
      `That invite is still valid until ${until} UTC; /revoke it first if the link leaked.`,
    );
  });
});

describe('/users', () => {
  it('lists Active, Pending, Expired and Deactivated, each by name', async () => {
    const { sql: db, store: s } = await createTestDatabase();
    const own = testEngine(s, new PostgresSessionStore(db));
    const boss = await seedUser(s, { role: 'admin', name: 'Mia Boss', email: 'mia@example.com' });
    await linkChat(s, boss, 'mia');
    await seedUser(s, { name: 'Abe Gone', email: 'abe@example.com', status: 'deactivated' });
    await seedUser(s, { name: 'Zoe Active', email: 'zoe@example.com' });
    await createInvites(s, { actorId: boss.id, emails: ['new@example.com'], role: 'member', groupNames: [] });
    const [late] = await createInvites(s, {
      actorId: boss.id,
      emails: ['late@example.com'],
      role: 'admin',
      groupNames: [],
    });
    await db`update invites set expires_at = now() - interval '1 day' where id = ${late!.invite.id}`;
    const lines = (await new Person(own, 'mia').say('/users')).split('\n');
    expect(lines.map((l) => l.split(' · ').slice(0, 2).join(' · '))).toEqual([
      'Mia Boss · mia@example.com',
      'Zoe Active · zoe@example.com',
      '— · new@example.com',
      '— · late@example.com',
      expect.stringMatching(/^Abe Gone · abe@example\.com/),
    ]);
    expect(lines[2]).toMatch(
      /member · Pending invite [0-9a-f]{8} until [A-Z][a-z]{2} \d{1,2}, \d{4} · groups: none$/,
    );
    expect(lines[3]).toMatch(/admin · Expired invite [0-9a-f]{8} · groups: none$/);
    expect(lines[4]).toMatch(
      /· Deactivated · groups: none · seen never \[Mia Boss\] \[Zoe Active\] \[Abe Gone\]$/,
    );
  });
});
