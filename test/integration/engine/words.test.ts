import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createAgent } from '../../../src/domain/agents.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');
const member = await seedUser(store, { name: 'Bob' });
await linkChat(store, member, 'bob');

const groupNames = async () =>
  (await store.db<{ name: string }[]>`select name from groups`).map((g) => g.name);

describe('multi-word names', () => {
  it('creates a group whose quoted name has spaces, straight or curly quotes', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/group create "Sales Team"')).toBe('Group Sales Team is created.');
    expect(await ada.say('/group create “Support Desk”')).toBe('Group Support Desk is created.');
    expect(await ada.say('/group add "Sales Team" bob')).toBe("Bob's groups: Sales Team.");
    expect(await ada.say('/group remove “Sales Team” bob')).toBe("Bob's groups: none.");
    expect(await ada.say('/group delete "Support Desk"')).toMatch(/^Delete group Support Desk\?/);
    expect(await ada.tap('Delete')).toBe('Group Support Desk is deleted.');
  });

  it('refuses an unquoted name with spaces with how to write it, and creates nothing', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/group create Marketing Team')).toMatch(
      /^Group names with spaces go in quotes, like \/group create "Sales Team"\. Usage: \/group /,
    );
    expect(await groupNames()).not.toContain('Marketing');
    expect(await ada.say('/group add Sales Team bob')).toMatch(
      /^Group names with spaces go in quotes, like \/group add "Sales Team" @ada\. Usage:/,
    );
    expect(await ada.say('/group delete Sales Team')).toMatch(/^Group names with spaces go in quotes/);
    expect(await groupNames()).toContain('Sales Team');
  });

  it('deletes an agent only by its whole name, and says back how a new one was read', async () => {
    const ada = new Person(engine, 'ada');
    await createAgent(store, { actorId: admin.id, name: 'Help Desk' });
    expect(await ada.say('/agent delete Help Desk')).toMatch(
      /^Agent names with spaces go in quotes, like \/agent delete "Help Desk"\. Usage:/,
    );
    expect(await ada.say('/agent delete "Help Desk"')).toBe('Agent Help Desk is deleted.');
    expect(await ada.say('/agent create Billing answers invoice questions')).toBe(
      'Agent Billing (described as “answers invoice questions”) is created, open to everyone. Restrict it with /agent access.',
    );
  });

  it('/ask takes a quoted agent name, the rest being the message', async () => {
    await createAgent(store, { actorId: admin.id, name: 'Travel Desk' });
    const bob = new Person(engine, 'bob');
    expect(await bob.say('/ask "Travel Desk"')).not.toMatch(/There is no agent/);
    expect(await bob.say('/ask "Nowhere Desk" hello')).toBe(
      'There is no agent called “Nowhere Desk” that you can use. See /agents.',
    );
  });
});

describe('sub-commands and options', () => {
  it('refuses words after /audit export instead of searching for a person called "export"', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/audit export now')).toMatch(
      /^\/audit export takes nothing after it\. Usage: \/audit/,
    );
    expect(ada.last.some((r) => r.type === 'file')).toBe(false);
    expect(await ada.say('/audit ada bob')).toMatch(
      /^One person at a time: “bob” is a second one\. Usage: \/audit/,
    );
  });

  it('words invite option errors as they are typed, with an example', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/invite expires:2w')).toMatch(
      /^Expiry is a number of days from 1 to 90, like expires:14d\. Usage: \/invite/,
    );
    expect(await ada.say('/invite uses:0')).toMatch(/^Uses is a number from 1 to 1000, like uses:5\. Usage:/);
  });
});

describe('commands that take nothing', () => {
  it.each(['/profile bob', '/groups Sales', '/agents all', '/logout everywhere', '/export now'])(
    'refuse words after them (%s) instead of ignoring them',
    async (line) => {
      const name = line.split(' ')[0]!;
      const ada = new Person(engine, 'ada');
      expect(await ada.say(line)).toBe(`${name} takes nothing after it. Usage: ${name}`);
      expect(ada.last.some((r) => r.type === 'file')).toBe(false);
    },
  );

  it('still links this chat after a refused /logout', async () => {
    const ada = new Person(engine, 'ada');
    await ada.say('/logout everywhere');
    expect(await ada.say('/profile')).toMatch(/^Ada/);
  });
});

describe('unknown commands', () => {
  it('suggests the nearest command the caller may use', async () => {
    expect(await new Person(engine, 'ada').say('/invties')).toBe(
      "I don't know /invties. Did you mean /invites?",
    );
    expect(await new Person(engine, 'bob').say('/invties')).toBe(
      "I don't know /invties. Send /help to see what I can do.",
    );
    expect(await new Person(engine, 'stranger').say('/hepl')).toBe("I don't know /hepl. Did you mean /help?");
  });
});
