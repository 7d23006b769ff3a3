import { describe, expect, it, vi } from 'vitest';
import { createGroup } from '../../../src/domain/groups.js';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, 'ada');
const german = await seedUser(store, { role: 'admin', name: 'Kai', email: 'kai@example.com' });
await linkChat(store, german, 'kai');
await sql`update users set locale = 'de' where id = ${german.id}`;
const bob = await seedUser(store, { name: 'Bob', email: 'bob@example.com' });
await linkChat(store, bob, 'bob');
const ada = new Person(engine, 'ada');

const groupsOf = (userId: string) => store.groups.listUserGroupNames(userId);
const membershipAudits = async () =>
  (await sql`select 1 from audit_log where action = 'user.groups_updated' and target_id = ${bob.id}`).length;

describe("the admin's person panel", () => {
  it('reads role, groups, chats and last seen as /profile and /users do, in the reader’s language', async () => {
    const seenHoursAgo = () =>
      sql`update users set last_seen_at = now() - interval '3 hours' where id = ${bob.id}`;
    await seenHoursAgo();
    const profile = await new Person(engine, 'bob').say('/profile');
    expect(profile).toMatch(/^Bob <bob@example\.com>\nRole: member\nGroups: none\nChats: telegram\n/);
    expect(profile).toMatch(/, last seen 3 h ago /);
    // Bob's message marks him seen, out of band: wait for it, then set the clock back for the others.
    await vi.waitFor(async () => {
      const [row] =
        await sql`select last_seen_at > now() - interval '1 minute' as fresh from users where id = ${bob.id}`;
      expect(row!.fresh).toBe(true);
    });
    await seenHoursAgo();
    expect(await ada.say('/users bob')).toMatch(
      /^Bob · bob@example\.com · member · Active · groups: none · seen 3 h ago/,
    );
    expect(await ada.say('/user bob@example.com')).toMatch(
      /^Bob <bob@example\.com>\nRole: member\nStatus: Active\nGroups: none\nChats: telegram\nLast seen: 3 h ago /,
    );
    await ada.tap('Done');
    const kai = new Person(engine, 'kai');
    expect(await kai.say('/user bob@example.com')).toMatch(
      /^Bob <bob@example\.com>\nRolle: Mitglied\nStatus: Aktiv\nGruppen: keine\nChats: telegram\nZuletzt gesehen: vor 3 Std\. /,
    );
    await kai.say('/cancel');
  });

  it('chooses groups with toggle buttons and saves the ticked ones on Done', async () => {
    for (const name of ['Sales', 'Dev', 'Ops']) await createGroup(store, { actorId: admin.id, name });
    const audits = await membershipAudits();
    await ada.say('/user bob@example.com');
    expect(await ada.tap('Groups')).toBe(
      'Which groups should Bob be in? None selected yet. Tap groups to select or unselect them, then Done; ' +
        'or send all the names, separated by commas. [Dev] [Ops] [Sales] [Done] [Cancel]',
    );
    expect(await ada.tap('Dev')).toMatch(/Selected: Dev\. [\s\S]* \[✓ Dev\] \[Ops\] \[Sales\] \[Done\]/);
    expect(await ada.tap('Sales')).toMatch(/\[✓ Dev\] \[Ops\] \[✓ Sales\] \[Done\]/);
    expect(await groupsOf(bob.id)).toEqual([]);
    expect(await ada.tap('Done')).toMatch(
      /^Bob <bob@example\.com>\n[\s\S]*Groups: Dev, Sales\n[\s\S]*\n\n✓ Groups of Bob: Dev, Sales\. \(by Ada\) \[Make admin\]/,
    );
    expect(await groupsOf(bob.id)).toEqual(['Dev', 'Sales']);
    expect(await membershipAudits()).toBe(audits + 1);

    // Reopened, the toggles start from the groups Bob is in; typed names are the whole list.
    expect(await ada.tap('Groups')).toMatch(
      /Selected: Dev, Sales\. [\s\S]* \[✓ Dev\] \[Ops\] \[✓ Sales\] \[Done\]/,
    );
    expect(await ada.say('ops')).toMatch(/^Groups of Bob: Ops\./);
    expect(await groupsOf(bob.id)).toEqual(['Ops']);
    await ada.tap('Done');
  });

  it('offers buttons for the first 24 groups only, and takes the others typed', async () => {
    for (let i = 0; i < 25; i += 1)
      await createGroup(store, { actorId: admin.id, name: `Team ${String(i).padStart(2, '0')}` });
    await ada.say('/user bob@example.com');
    const question = await ada.tap('Groups');
    expect(question.match(/\[[^\]]+\]/g)).toHaveLength(24 + 2);
    expect(question).toContain('[Team 20] [Done] [Cancel]');
    expect(question).toMatch(
      /\nOnly the first 24 of 28 groups have buttons; for the others, send all the names, separated by commas\. \[/,
    );
    expect(await ada.say('Team 24, ops')).toMatch(/^Groups of Bob: Ops, Team 24\./);
    expect(await groupsOf(bob.id)).toEqual(['Ops', 'Team 24']);
    await ada.tap('Done');
  });
});
