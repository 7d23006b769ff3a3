import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { Person, testEngine } from '../support/engine.js';
import { form, postSigned, SLACK_SIGNING_SECRET } from '../support/slack.js';
import { readable, SlackUser } from '../support/slack-user.js';
import type { FakeSlack as Fake } from '../fakes/slack-server.js';

function readableDm(fake: Fake, channel: string): string {
  return readable(fake.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === channel));
}
import { FakeSlack } from '../fakes/slack-server.js';
import { createSlackAdapter, type UpdateHandler } from '../../src/adapters/slack/app.js';
import { listen } from '../../src/http/server.js';
import { createAdminInvite, createSetupInvite } from '../../src/domain/invites.js';
import { ATTEMPT_LIMITS } from '../../src/engine/limits.js';
import { hashPassword } from '../../src/domain/passwords.js';
import { linkChat, seedUser } from '../support/seed.js';
import { FakeOpenAi } from '../fakes/openai-server.js';
import { createOpenAiResponder } from '../../src/agents/responder.js';
import { createAgent, setAgentAccess } from '../../src/domain/agents.js';
import { createGroup } from '../../src/domain/groups.js';
import type { Inbound } from '../../src/engine/inbound.js';

const GOOD = 'violet-Harbor-Lantern-42';
const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const openai = new FakeOpenAi();
await openai.start();
const engine = testEngine(store, sessions, {}, pino({ level: 'silent' }), {
  agentResponder: createOpenAiResponder({ apiKey: 'test-key', baseURL: openai.url, model: 'fake-model' }),
});
const slack = new FakeSlack();
const log = pino({ level: 'silent' });
let server: Server;
let eventsUrl = '';
/** Lets a test hold updates back, as a slow database would. */
let gate: Promise<void> = Promise.resolve();
const gated: UpdateHandler = {
  handle: async (inbound: Inbound) => (await gate, engine.handle(inbound)),
  submitSecret: async (...args) => (await gate, engine.submitSecret(...args)),
};

beforeAll(async () => {
  await slack.start();
  const adapter = createSlackAdapter(gated, {
    botToken: 'xoxb-test-token',
    signingSecret: SLACK_SIGNING_SECRET,
    apiUrl: slack.url,
    retries: 0,
    log,
  });
  server = await listen(0, [adapter.route!], () => undefined);
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  server.close();
  await slack.stop();
  await openai.stop();
});

describe('Gatehouse over Slack', () => {
  it('runs the story: a code in the DM, the password in a modal, onboarding, agents, admin actions from a channel', async () => {
    const ada = new SlackUser(slack, eventsUrl, 'T1', 'UADA');
    const bob = new SlackUser(slack, eventsUrl, 'T1', 'UBOB');
    const setup = await createSetupInvite(store);

    expect(await ada.dmText(setup.payload)).toMatch(
      /invited to Gatehouse as an admin[\s\S]*What should we call you/,
    );
    expect(await ada.dmText('Ada <b>Admin</b>')).toMatch(/email address/);
    expect(await ada.dmText('ada@example.com')).toMatch(/choose a password[\s\S]*\[Enter it privately\]/);
    expect(await ada.dmText('password1234')).toMatch(
      /never send a password as a message[\s\S]*\[Enter it privately\]/,
    );
    await ada.click('Enter it privately');
    const refused = await ada.submitSecret('password1234');
    expect(JSON.parse(refused.answer)).toEqual({
      response_action: 'errors',
      errors: { secret: expect.stringMatching(/common or breached/) },
    });
    const accepted = await ada.submitSecret(GOOD);
    expect(accepted.answer).toBe('');
    expect(accepted.replies).toMatch(/Your account is ready/);
    expect(await ada.command('skip')).toMatch(/Skipped/);

    const invite = await ada.command('invite bob@example.com member', 'CGENERAL');
    expect(invite).toMatch(/Invite bob@example\.com as member/);
    const created = await ada.click('Create');
    const dm = slack.since(slack.calls.length - 10).filter((c) => c.method === 'chat.postMessage');
    expect(dm.some((c) => String(c.body.channel) === 'DUADA')).toBe(true);
    expect(created).toMatch(/sent you the details in a private message/);
    const code = readableDm(slack, 'DUADA').match(/private chat: (i_[A-Za-z0-9_-]{43})/)?.[1];
    expect(code).toBeDefined();
    expect(
      slack.calls.filter((c) => c.method === 'respond').some((c) => JSON.stringify(c.body).includes(code!)),
    ).toBe(false);

    expect(await bob.command(`claim ${code}`)).toMatch(/What should we call you/);
    await bob.dmText('Bob');
    await bob.click('Enter it privately');
    expect((await bob.submitSecret(GOOD)).replies).toMatch(/Your account is ready/);
    await bob.command('skip');
    expect(await bob.command('agents')).toMatch(/Smithers \(yours\)/);
    expect(await bob.command('invites')).toMatch(/Only admins/);

    expect(await ada.command('role bob@example.com admin', 'CGENERAL')).toMatch(
      /Make Bob <bob@example\.com> an admin\?/,
    );
    expect(await ada.click('Yes, make admin')).toMatch(/Bob is now an admin/);
    expect(await bob.command('invites')).toMatch(/Invites/);

    expect(JSON.stringify(slack.calls)).not.toContain(GOOD);
    const fallbacks = slack.calls.map((c) => String(c.body.text ?? '')).join('\n');
    expect(fallbacks).toContain('Ada &lt;b&gt;Admin&lt;/b&gt;');
    expect(fallbacks).not.toContain('Ada <b>');
    expect(fallbacks).toContain('/gatehouse revoke');
    const [ada_] = await sql`select name from users where email = 'ada@example.com'`;
    expect(ada_!.name).toBe('Ada <b>Admin</b>');
  });

  it('links a Slack identity to an account made elsewhere with /gatehouse login, the password in a modal', async () => {
    const kim = await seedUser(store, { name: 'Kim', email: 'kim@example.com' });
    await store.users.setPasswordHash(kim.id, await hashPassword(GOOD));
    await store.identities.insertIdentity({
      platform: 'console',
      externalId: 'kim',
      userId: kim.id,
      username: 'kim',
    });
    const slackKim = new SlackUser(slack, eventsUrl, 'T1', 'UKIM');
    expect(await slackKim.command('login')).toMatch(/what is your email address/);
    expect(await slackKim.dmText('kim@example.com')).toMatch(/\[Enter it privately\]/);
    await slackKim.click('Enter it privately');
    const { answer, replies } = await slackKim.submitSecret(GOOD);
    expect(answer).toBe('');
    expect(replies).toMatch(/Welcome back, Kim/);
    expect((await store.identities.listIdentities(kim.id)).map((i) => i.externalId).sort()).toEqual([
      'T1:UKIM',
      'kim',
    ]);
    expect(await slackKim.command('profile')).toMatch(/Chats: console, slack/);
  });

  it('asks for a new password twice in the modal, refuses a mismatch there and creates nothing', async () => {
    const setup = await createAdminInvite(store);
    const mo = new SlackUser(slack, eventsUrl, 'T1', 'UMO');
    await mo.dmText(setup.payload);
    await mo.dmText('Mo');
    await mo.click('Skip');
    await mo.click('Enter it privately');
    const opened = slack.calls.filter((c) => c.method === 'views.open').pop()!;
    const labels = (opened.body.view as { blocks: { label: { text: string } }[] }).blocks.map(
      (b) => b.label.text,
    );
    expect(labels).toEqual(['Choose a password', 'The same password again']);
    const differ = await mo.submitSecret(GOOD, `${GOOD}x`);
    expect(JSON.parse(differ.answer)).toEqual({
      response_action: 'errors',
      errors: { again: expect.stringMatching(/differ/) },
    });
    expect(await store.identities.getUserByIdentity({ platform: 'slack', externalId: 'T1:UMO' })).toBe(
      undefined,
    );
    expect((await mo.submitSecret(GOOD)).replies).toMatch(/Your account is ready/);
  });

  it('counts a wrong current password in the modal for the account, with the other chats and platforms', async () => {
    const ned = await seedUser(store, { name: 'Ned', email: 'ned@example.com' });
    await store.users.setPasswordHash(ned.id, await hashPassword(GOOD));
    await linkChat(store, ned, 'T1:UNED', 'slack');
    for (let i = 0; i < ATTEMPT_LIMITS.password.perTarget - 1; i++) {
      const stranger = new Person(engine, `ned-guesser-${i}`);
      await stranger.say('/login');
      await stranger.say('ned@example.com');
      await stranger.say(`wrong-Guess-${i}0`);
    }
    const slackNed = new SlackUser(slack, eventsUrl, 'T1', 'UNED');
    await slackNed.command('password');
    await slackNed.click('Enter it privately');
    expect((await slackNed.submitSecret('wrong-Current-10')).replies).toMatch(/not your current password/);
    await slackNed.click('Enter it privately');
    expect((await slackNed.submitSecret(GOOD)).replies).toMatch(/Too many wrong attempts/);
    const [lockout] = await sql`
      select details from audit_log where action = 'auth.locked_out' and target_id = ${ned.id}`;
    expect(lockout!.details).toMatchObject({ kind: 'password', by: 'account', platform: 'slack' });
  });

  it('refuses a modal whose prompt has been replaced, and changes nothing', async () => {
    const setup = await createAdminInvite(store);
    const ola = new SlackUser(slack, eventsUrl, 'T1', 'UOLA');
    await ola.dmText(setup.payload);
    await ola.dmText('Ola');
    await ola.click('Skip');
    await ola.click('Enter it privately');
    expect(await ola.dmText('typed-By-Mistake-1')).toMatch(/never send a password as a message/);
    expect((await ola.submitSecret(GOOD)).replies).toMatch(/no longer current/);
    expect(await store.identities.getUserByIdentity({ platform: 'slack', externalId: 'T1:UOLA' })).toBe(
      undefined,
    );
  });

  it('lets a member talk to an agent in the DM and cuts them off when an admin restricts it', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    const lee = await seedUser(store, { name: 'Lee' });
    await store.identities.insertIdentity({
      platform: 'slack',
      externalId: 'T1:ULEE',
      userId: lee.id,
      username: 'lee',
    });
    await createAgent(store, { actorId: admin.id, name: 'Helpdesk' });
    await createGroup(store, { actorId: admin.id, name: 'IT' });
    const slackLee = new SlackUser(slack, eventsUrl, 'T1', 'ULEE');
    expect(await slackLee.command('agents')).toMatch(/Helpdesk[\s\S]*\[Talk to Helpdesk\]/);
    openai.answer({ content: 'Restart the VPN client.' });
    expect(await slackLee.click('Talk to Helpdesk')).toMatch(/You are talking to Helpdesk/);
    expect(await slackLee.dmText('My VPN is down')).toBe('Helpdesk: Restart the VPN client.');
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Helpdesk', access: ['IT'] });
    expect(await slackLee.dmText('Still down')).toMatch(/no agent called “Helpdesk” that you can use/);
  });

  it('creates a group with a quoted multi-word name and refuses the unquoted one, creating nothing', async () => {
    const olga = await seedUser(store, { role: 'admin', name: 'Olga' });
    await linkChat(store, olga, 'T1:UOLGA', 'slack', 'olga');
    const slackOlga = new SlackUser(slack, eventsUrl, 'T1', 'UOLGA');
    expect(await slackOlga.command('group create Sales Team')).toMatch(
      /^Group names with spaces go in quotes, like \/gatehouse group create "Sales Team"\. Usage: \/gatehouse group /,
    );
    expect(await store.groups.getGroupsByNames(['Sales'])).toEqual([]);
    expect(await slackOlga.command('group create "Sales Team"')).toBe('Group Sales Team is created.');
  });

  it('shows an admin help grouped by purpose with buttons that run, in Slack’s command words', async () => {
    const hana = await seedUser(store, { role: 'admin', name: 'Hana' });
    await linkChat(store, hana, 'T1:UHANA', 'slack', 'hana');
    const slackHana = new SlackUser(slack, eventsUrl, 'T1', 'UHANA');
    const help = await slackHana.command('help');
    expect(help).toMatch(/What you can do \(admin\):/);
    expect(help).toMatch(/Your account\n\/gatehouse profile — /);
    expect(help).toMatch(
      /\n\nInvites\n\/gatehouse invite — [\s\S]*\n\nPeople\n[\s\S]*\n\nLeaving\n\/gatehouse export — /,
    );
    expect(help).not.toMatch(/claim|login/);
    expect(await slackHana.click('My profile')).toMatch(/Hana/);
    expect(await slackHana.command('help invite')).toMatch(
      /\/gatehouse invite \[email…\][\s\S]*\nExample: \/gatehouse invite /,
    );
  });

  it('rejects forged and stale signatures and processes nothing', async () => {
    const before = slack.calls.length;
    const body = form({
      command: '/gatehouse',
      text: 'help',
      team_id: 'T1',
      user_id: 'UX',
      channel_id: 'DUX',
      response_url: slack.responseUrl(),
    });
    expect(
      (await postSigned(eventsUrl, body, 'application/x-www-form-urlencoded', { secret: 'wrong-secret' }))
        .status,
    ).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect(
      (await postSigned(eventsUrl, body, 'application/x-www-form-urlencoded', { timestamp: stale })).status,
    ).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(slack.calls.length).toBe(before);
  });

  it('acks a command before a slow update is done, then replies', async () => {
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const from = slack.calls.length;
    const response = await postSigned(
      eventsUrl,
      form({
        command: '/gatehouse',
        text: 'help',
        team_id: 'T1',
        user_id: 'USLOW',
        channel_id: 'DUSLOW',
        response_url: slack.responseUrl(),
      }),
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(200);
    expect(slack.since(from)).toHaveLength(0);
    open();
    gate = Promise.resolve();
    await new Promise((r) => setTimeout(r, 300));
    expect(
      slack
        .since(from)
        .some((c) => c.method === 'chat.postMessage' && String(c.body.text).includes('To get started')),
    ).toBe(true);
  });

  it('refuses a forged button politely and changes nothing', async () => {
    const mallory = new SlackUser(slack, eventsUrl, 'T1', 'UMAL');
    const before = await sql`select count(*)::int as n from audit_log`;
    expect(await mallory.pressRaw('gh_btn_0_0', 'zzzz.create')).toMatch(/This button has expired/);
    expect(await sql`select count(*)::int as n from audit_log`).toEqual(before);
  });
});
