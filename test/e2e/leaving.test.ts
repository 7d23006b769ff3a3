import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { Person, testEngine } from '../support/engine.js';
import { linkChat, seedUser } from '../support/seed.js';
import { SlackUser } from '../support/slack-user.js';
import { TelegramUser } from '../support/telegram-user.js';
import { withBothPlatforms } from '../support/platforms.js';
import { engineDirectory } from '../../src/adapters/telegram/menus.js';
import { createAgent } from '../../src/domain/agents.js';
import { createInvites } from '../../src/domain/invites.js';
import { deactivateUser } from '../../src/domain/users.js';
import type { OwnDataExport } from '../../src/domain/data-export.js';
import { verifyAuditChain } from '../../src/domain/audit-chain.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const log = pino({ level: 'silent' });
const platforms = withBothPlatforms(engine, log, { directory: engineDirectory(engine) });
const { telegram, slack } = platforms;

const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, '11');
await linkChat(store, admin, 'T1:UADA', 'slack');

async function rowsAbout(userId: string) {
  const [row] = await sql`
    select (select count(*) from users where id = ${userId})::int as users,
      (select count(*) from identities where user_id = ${userId})::int as identities`;
  return row;
}

describe('/delete on Telegram', () => {
  it('asks who takes the agents over, wants the email typed back, and erases in one go', async () => {
    const carl = await seedUser(store, { role: 'admin', name: 'Carl', email: 'carl@example.com' });
    await linkChat(store, carl, '33');
    await createAgent(store, { actorId: carl.id, name: 'Release Bot' });
    await createInvites(store, {
      actorId: carl.id,
      emails: ['new@example.com'],
      role: 'member',
      groupNames: [],
    });
    await sessions.save('telegram:33:33', JSON.stringify({ flow: undefined }), 0, 60);
    const ada = new TelegramUser(platforms.bot.bot, telegram, 11, 'Ada');

    expect(await ada.say('/delete carl@example.com')).toBe(
      'Carl created 1 agent that will outlive the account: Release Bot.\n' +
        'Who takes it over? Tap a person, or send their email or @username. [Ada (admin)] [Cancel]',
    );
    const confirm = await ada.tap('Ada (admin)');
    expect(confirm).toBe(
      [
        'Erase Carl &lt;carl@example.com&gt;?',
        '',
        'This erases the account for good: their chat links, group memberships, personal context and reset links. It cannot be undone.',
        '1 open invite they issued will be revoked.',
        'Release Bot will belong to Ada.',
        'The audit trail keeps its rows about the account: it is the record of what happened.',
        '',
        'To confirm, type carl@example.com [Cancel]',
      ].join('\n'),
    );
    expect(await ada.say('carl@example.org')).toBe(
      'That does not match. Type carl@example.com exactly, or tap Cancel. [Cancel]',
    );
    expect(await rowsAbout(carl.id)).toEqual({ users: 1, identities: 1 });
    expect(await ada.say('Carl@Example.com')).toBe(
      'Carl is erased. Release Bot now belongs to Ada. 1 open invite was revoked.',
    );
    expect(await rowsAbout(carl.id)).toEqual({ users: 0, identities: 0 });
    expect((await sessions.load('telegram:33:33'))?.data).toBe('');
    expect((await verifyAuditChain(store)).broken).toEqual([]);

    const carlAgain = new TelegramUser(platforms.bot.bot, telegram, 33, 'Carl');
    expect(await carlAgain.say('/agents')).toMatch(/not linked|don't know you|\/login/i);
  });

  it('is refused for oneself, pointing to /deleteme, and cancels without changing anything', async () => {
    const ada = new TelegramUser(platforms.bot.bot, telegram, 11, 'Ada');
    expect(await ada.say('/delete ada@example.com')).toBe(
      "You can't delete yourself. Use /deleteme for your own account.",
    );
    const dan = await seedUser(store, { name: 'Dan', email: 'dan@example.com' });
    expect(await ada.say('/delete dan@example.com')).toMatch(
      /^Erase Dan &lt;dan@example\.com&gt;\?[\s\S]*\[Cancel\]$/,
    );
    expect(await ada.tap('Cancel')).toMatch(/^Erase Dan[\s\S]*\n\n✓ Nothing was erased\. \(by Ada\)$/);
    expect(await rowsAbout(dan.id)).toEqual({ users: 1, identities: 0 });
  });

  it('sends /export as a JSON document in the private chat', async () => {
    const ada = new TelegramUser(platforms.bot.bot, telegram, 11, 'Ada');
    await ada.say('/export');
    const document = ada.lastCalls.find((c) => c.method === 'sendDocument');
    const file = document?.params.document as { filename: string; content: string };
    expect(file.filename).toMatch(/^gatehouse-my-data-\d{4}-\d\d-\d\d\.json$/);
    const data = JSON.parse(file.content) as OwnDataExport;
    expect(data.account.email).toBe('ada@example.com');
    expect(file.content).not.toContain('carl@example.com');
  });
});

describe('/gatehouse delete on Slack', () => {
  it('runs the same flow with buttons and a typed confirmation in the DM', async () => {
    const erin = await seedUser(store, { name: 'Erin', email: 'erin@example.com' });
    await linkChat(store, erin, 'T1:UERIN', 'slack');
    const ada = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UADA');
    expect(await ada.command('delete erin@example.com')).toMatch(
      /^Erase Erin <erin@example\.com>\?[\s\S]*To confirm, type erin@example.com \[Cancel\]$/,
    );
    expect(await ada.dmText('erin@example.com')).toBe('Erin is erased.');
    expect(await rowsAbout(erin.id)).toEqual({ users: 0, identities: 0 });
    const erinAgain = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UERIN');
    expect(await erinAgain.command('profile')).not.toMatch(/Erin/);
  });

  it('lets a deactivated person export and delete themselves, and nothing else', async () => {
    const fay = await seedUser(store, { name: 'Fay', email: 'fay@example.com' });
    await linkChat(store, fay, 'T1:UFAY', 'slack');
    await deactivateUser(store, { actorId: admin.id, userId: fay.id });
    const slackFay = new SlackUser(slack, platforms.slackEventsUrl, 'T1', 'UFAY');
    expect(await slackFay.command('agents')).toMatch(/Your account is deactivated/);
    const from = slack.calls.length;
    await slackFay.command('export');
    expect(slack.since(from).map((c) => c.method)).toContain('files.completeUploadExternal');
    expect(await slackFay.command('deleteme')).toMatch(
      /^Delete your account for good\?[\s\S]*To confirm, type fay@example.com \[Cancel\]$/,
    );
    expect(await slackFay.dmText('fay@example.com')).toBe(
      'Your account is erased. Thank you for being here. Goodbye!',
    );
    expect(await rowsAbout(fay.id)).toEqual({ users: 0, identities: 0 });
  });
});

describe('a deactivated person', () => {
  it('keeps exactly two doors: /export and /deleteme', async () => {
    const gus = await seedUser(store, { name: 'Gus', email: 'gus@example.com' });
    await linkChat(store, gus, 'gus');
    await deactivateUser(store, { actorId: admin.id, userId: gus.id });
    const person = new Person(engine, 'gus');
    const [audit] = await sql`select count(*)::int as n from audit_log`;
    for (const line of [
      '/agents',
      '/profile',
      '/context',
      '/password',
      '/name Gus2',
      '/onboarding',
      'hello',
      '/users',
    ])
      expect(await person.say(line)).toMatch(/^Your account is deactivated\. You can still \/export/);
    expect(await person.press('/context clear')).toMatch(/^Your account is deactivated/);
    const [after] = await sql`select count(*)::int as n from audit_log`;
    expect(after!.n).toBe(audit!.n);
    expect(await person.say('/export')).toMatch(/^\(file gatehouse-my-data-.*\.json\)$/);
    expect(await person.say('/deleteme')).toMatch(/^Delete your account for good\?/);
    expect(await person.say('/agents')).toMatch(/^Your account is deactivated/);
    expect(await person.say('/deleteme')).toMatch(/^Delete your account for good\?/);
    expect(await person.say('gus@example.com')).toMatch(/^Your account is erased\./);
  });
});

describe('/delete with the new owner typed', () => {
  it('takes an email or @username, refuses someone who cannot take over, and hands over', async () => {
    const hal = await seedUser(store, { role: 'admin', name: 'Hal', email: 'hal@example.com' });
    const ivy = await seedUser(store, { name: 'Ivy', email: 'ivy@example.com' });
    const gone = await seedUser(store, { name: 'Gone', email: 'gone@example.com', status: 'deactivated' });
    await createAgent(store, { actorId: hal.id, name: 'Hal Bot' });
    const ada = new Person(engine, '11');
    expect(await ada.say('/delete hal@example.com')).toMatch(/Who takes it over\?/);
    expect(await ada.say('nobody@example.com')).toMatch(
      /can't find anyone matching “nobody@example.com”[\s\S]*Who takes it over\?/,
    );
    expect(await ada.say(gone.email!)).toMatch(
      /That new owner must be another active person\.[\s\S]*Who takes it over\?/,
    );
    expect(await ada.say('hal@example.com')).toMatch(/That new owner must be another active person\./);
    expect(await ada.say('ivy@example.com')).toMatch(
      /Hal Bot will belong to Ivy\.[\s\S]*type hal@example.com/,
    );
    expect(await ada.say('hal@example.com')).toBe('Hal is erased. Hal Bot now belongs to Ivy.');
    const [agent] = await sql`select created_by from agents where name = 'Hal Bot'`;
    expect(agent!.createdBy).toBe(ivy.id);
  });
});
