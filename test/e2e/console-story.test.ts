import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { describeWithRedis, testSessions } from '../support/sessions.js';
import { Person, shown, testEngine } from '../support/engine.js';
import { createSetupInvite } from '../../src/domain/invites.js';
import { verifyAuditChain } from '../../src/domain/audit-chain.js';

const GOOD = 'violet-Harbor-Lantern-42';

function payloadIn(text: string): string {
  const match = text.match(/start=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no link in:\n${text}`);
  return match[1]!;
}

describeWithRedis('the whole story through the engine, sessions in redis', () => story('redis'));
describe('the whole story through the engine, sessions in postgres', () => story('postgres'));

function story(kind: 'redis' | 'postgres'): void {
  it('runs from the setup link to deactivation and back', async () => {
    const { sql, store } = await createTestDatabase();
    const sessions = testSessions(sql, kind).open();
    const engine = testEngine(store, sessions);
    const ada = new Person(engine, 'ada');
    const bob = new Person(engine, 'bob');

    const setup = await createSetupInvite(store);
    expect(await ada.say(`/start ${setup.payload}`)).toMatch(
      /invited to Gatehouse as an admin[\s\S]*What should we call you/,
    );
    expect(await ada.say('Ada')).toMatch(/email address/);
    expect(await ada.say('ada@example.com')).toMatch(/choose a password.*\(secret\)/);
    expect(await ada.say('password1234')).toMatch(/\(message deleted\)[\s\S]*common or breached/);
    expect(await ada.say(GOOD)).toMatch(/\(message deleted\)[\s\S]*once more/);
    const welcome = await ada.say(GOOD);
    expect(welcome).toMatch(/Your account is ready[\s\S]*Smithers/);
    expect(JSON.stringify(await sql`select * from users`)).not.toContain(GOOD);

    expect(await ada.say('Founder and engineer')).toMatch(/\?/);
    expect(await ada.say('/skip')).toMatch(/Skipped/);

    await ada.say('/invite bob@example.com member');
    expect(await ada.tap('Create')).toMatch(/bob@example\.com/);
    const bobLink = payloadIn(ada.last.map((r) => (r.type === 'text' ? shown(r.text) : '')).join('\n'));
    expect(ada.last.some((r) => r.type === 'text' && r.privately)).toBe(true);

    expect(await bob.say(`/start ${bobLink}`)).toMatch(/What should we call you/);
    expect(await bob.say('Bob')).toMatch(/password/);
    await bob.say(GOOD);
    expect(await bob.say(GOOD)).toMatch(/Your account is ready/);
    const interview = await bob.say('Designer on the mobile app');
    expect(interview).toMatch(/\?/);
    await bob.say('Mobile');
    await bob.say('English');
    await bob.say('Short and casual');
    expect(await bob.say('Shipping the beta')).toMatch(/remember[\s\S]*\[Save\]/);
    expect(await bob.tap('Save')).toMatch(/Saved/);
    expect(await bob.say('/context')).toMatch(/Shipping the beta/);

    expect(await bob.say('/agents')).toMatch(/Smithers \(yours\)/);
    expect(await bob.say('/invites')).toMatch(/Only admins/);

    expect(await ada.say('/role bob@example.com admin')).toMatch(/Make Bob <bob@example\.com> an admin\?/);
    expect(await ada.tap('Yes, make admin')).toMatch(/Bob is now an admin/);
    expect(await bob.say('/invites')).toMatch(/Invites \(newest first\)/);
    await ada.say('/role bob@example.com member');
    expect(await ada.tap('Yes, make member')).toMatch(/Bob is now a member/);
    expect(await bob.say('/invites')).toMatch(/Only admins/);

    expect(await ada.say('/deactivate bob@example.com')).toMatch(/Deactivate Bob <bob@example\.com>\?/);
    expect(await ada.tap('Yes, deactivate')).toMatch(/Bob is deactivated/);
    expect(await bob.say('/agents')).toMatch(/Your account is deactivated/);
    expect(await bob.say('hello')).toMatch(/Your account is deactivated/);

    expect(await ada.say('/reactivate bob@example.com')).toMatch(/Bob is active again/);
    expect(await bob.say('/agents')).toMatch(/Smithers \(yours\)/);

    const actions = (await sql`select action from audit_log order by id`).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.claimed',
        'user.invited',
        'user.role_updated',
        'user.deleted',
        'user.updated',
      ]),
    );
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });
}
