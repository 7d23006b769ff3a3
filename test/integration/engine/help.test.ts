import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { store, sql } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');
const member = await seedUser(store, { name: 'Bob' });
await linkChat(store, member, 'bob');
const gone = await seedUser(store, { name: 'Dora', status: 'deactivated' });
await linkChat(store, gone, 'dora');

/** The section titles of a /help answer, in order: the lines right after a blank line. */
function titles(help: string): string[] {
  return help
    .split('\n\n')
    .slice(1, -1)
    .map((section) => section.split('\n')[0]!);
}

describe('/help', () => {
  it('shows a member their sections, one short line per command, with everyday buttons', async () => {
    const help = await new Person(engine, 'bob').say('/help');
    expect(titles(help)).toEqual(['Your account', 'Agents', 'Leaving']);
    expect(help).toMatch(/^\/onboarding — /m);
    expect(help).toMatch(/^\/deleteme — /m);
    expect(help).not.toMatch(/\/claim|\/login|\/invite|\/delete </);
    expect(help).toMatch(/\[Agents\] \[My profile\]$/);
  });

  it('shows an admin the people and invites too, /delete <user> apart from /deleteme', async () => {
    const help = await new Person(engine, 'ada').say('/help');
    expect(titles(help)).toEqual(['Your account', 'Agents', 'Invites', 'People', 'Leaving']);
    const sectionOf = (command: string) =>
      help
        .split('\n\n')
        .find((s) => s.includes(`\n${command} `))
        ?.split('\n')[0];
    expect(sectionOf('/delete')).toBe('People');
    expect(sectionOf('/deleteme')).toBe('Leaving');
    expect(help).not.toMatch(/\/claim|\/login/);
    expect(help).toMatch(/\[Invite someone\] \[People\] \[Agents\] \[My profile\]$/);
  });

  it('shows a stranger how to get in', async () => {
    const help = await new Person(engine, 'stranger-1').say('/help');
    expect(help).toMatch(/^To get started, open the invite link an admin sent you\./);
    expect(titles(help)).toEqual(['Getting in']);
    expect(help).toMatch(/^\/claim CODE — /m);
    expect(help).toMatch(/^\/login — /m);
    expect(help).not.toMatch(/\/profile|\/agents/);
    expect(help).toMatch(/\[Log in\] \[How to join\]$/);
  });

  it('shows a deactivated person only what they can still do', async () => {
    const help = await new Person(engine, 'dora').say('/help');
    expect(help).toMatch(/^Your account is deactivated/);
    expect(titles(help)).toEqual(['Leaving']);
    expect(help).toMatch(/\[Export my data\] \[Delete my account\]$/);
  });

  it('runs an everyday action from its button', async () => {
    const bob = new Person(engine, 'bob');
    await bob.say('/help');
    expect(await bob.tap('My profile')).toMatch(/Bob/);
  });
});

describe('/help <command>', () => {
  it('gives the full syntax and an example, with or without the slash', async () => {
    const ada = new Person(engine, 'ada');
    const invite = await ada.say('/help invite');
    expect(invite).toMatch(/^\/invite \[email…\] \[admin\|member\]/);
    expect(invite).toMatch(/^Example: \/invite bob@example\.com/m);
    expect(await ada.say('/help /invite')).toBe(invite);
    expect(await ada.say('/help group')).toMatch(/^\/group create[\s\S]*\n\/group add/);
  });

  it('answers a mistyped name with the nearest command', async () => {
    expect(await new Person(engine, 'ada').say('/help invties')).toBe(
      "I don't know /invties. Did you mean /invites? Send /help invites for how to use it.",
    );
    expect(await new Person(engine, 'bob').say('/help weather')).toBe(
      "I don't know /weather. Send /help to see what you can do.",
    );
  });

  it('tells a member a command is for admins, and a stranger that one needs an account', async () => {
    expect(await new Person(engine, 'bob').say('/help invite')).toBe('/invite is for admins.');
    expect(await new Person(engine, 'stranger-2').say('/help profile')).toMatch(
      /^\/profile is for people with an account here\. Open your invite link/,
    );
    expect(await new Person(engine, 'bob').say('/help cancel')).toMatch(/^\/cancel\nLeave the step/);
  });
});

describe('free text no step waits for', () => {
  it('greets a stranger with how to get in, never "expired"', async () => {
    const reply = await new Person(engine, 'stranger-3').say('Hi, I was told to talk to you');
    expect(reply).toMatch(/^Hello! I am Gatehouse[\s\S]*invite link[\s\S]*\/login/);
    expect(reply).not.toMatch(/expired/);
    expect(reply).toMatch(/\[Log in\]/);
  });

  it('tells a signed-in person what they can do next', async () => {
    const reply = await new Person(engine, 'ada').say('invite bob');
    expect(reply).toMatch(/^Nothing is waiting for an answer from you, Ada\./);
    expect(reply).toMatch(/\/ask <agent> <text>[\s\S]*\/agents[\s\S]*\/invite[\s\S]*\/help/);
    expect(reply).not.toMatch(/expired/);
    expect(await new Person(engine, 'bob').say('hello')).not.toMatch(/\/invite/);
  });
});

describe('/help <command> for a deactivated person', () => {
  it('explains their doors and refuses the rest with what they can still do', async () => {
    const dora = new Person(engine, 'dora');
    expect(await dora.say('/help deleteme')).toMatch(/^\/deleteme\nErase your own account/);
    expect(await dora.say('/help profile')).toMatch(/^Your account is deactivated\. You can still \/export/);
  });
});
