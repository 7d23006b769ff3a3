import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { TelegramUser } from '../support/telegram-user.js';
import { SlackUser } from '../support/slack-user.js';
import { SLACK_SIGNING_SECRET } from '../support/slack.js';
import { seedUser } from '../support/seed.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { FakeSlack } from '../fakes/slack-server.js';
import { FakeOpenAi } from '../fakes/openai-server.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/bot.js';
import { engineDirectory } from '../../src/adapters/telegram/menus.js';
import { createSlackAdapter } from '../../src/adapters/slack/app.js';
import { listen } from '../../src/http/server.js';
import { createInvites } from '../../src/domain/invites.js';
import { createAgent, setAgentAccess } from '../../src/domain/agents.js';
import { addToGroup, createGroup, removeFromGroup } from '../../src/domain/groups.js';
import { createOpenAiResponder } from '../../src/agents/responder.js';

const GOOD = 'violet-Harbor-Lantern-42';
const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const openai = new FakeOpenAi();
const telegram = new FakeTelegram();
const slack = new FakeSlack();
const log = pino({ level: 'silent' });
let tg: TelegramAdapter;
let server: Server;
let eventsUrl = '';

beforeAll(async () => {
  await Promise.all([openai.start(), telegram.start(), slack.start()]);
  const engine = testEngine(store, sessions, {}, log, {
    agentResponder: createOpenAiResponder({ apiKey: 'k', baseURL: openai.url, model: 'fake' }),
  });
  tg = createTelegramAdapter(engine, {
    token: '123456:TEST-token-abcdefghijklmnop',
    apiRoot: telegram.url,
    log,
    throttle: { global: {}, group: { maxConcurrent: 1 }, out: { maxConcurrent: 1 } },
    directory: engineDirectory(engine),
  });
  await tg.init();
  const sl = createSlackAdapter(engine, {
    botToken: 'xoxb-t',
    signingSecret: SLACK_SIGNING_SECRET,
    apiUrl: slack.url,
    retries: 0,
    log,
  });
  server = await listen(0, [sl.route!], () => undefined);
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});
afterAll(async () => {
  server.close();
  await Promise.all([openai.stop(), telegram.stop(), slack.stop()]);
});

describe('one account on Telegram and Slack', () => {
  it('is claimed on Telegram, linked on Slack with /login, and loses an agent on both at once', async () => {
    const admin = await seedUser(store, { role: 'admin' });
    const [invite] = await createInvites(store, {
      actorId: admin.id,
      emails: ['pat@example.com'],
      role: 'member',
      groupNames: [],
    });
    const onTelegram = new TelegramUser(tg.bot, telegram, 31, 'Pat');
    expect(await onTelegram.say(`/start ${invite!.payload}`)).toMatch(/What should we call you/);
    await onTelegram.say('Pat');
    await onTelegram.say(GOOD);
    expect(await onTelegram.say(GOOD)).toMatch(/Your account is ready/);
    await onTelegram.say('/skip');

    const onSlack = new SlackUser(slack, eventsUrl, 'T1', 'UPAT');
    await onSlack.command('login');
    await onSlack.dmText('pat@example.com');
    await onSlack.click('Enter it privately');
    expect((await onSlack.submitSecret(GOOD)).replies).toMatch(/Welcome back, Pat/);
    expect(await onSlack.command('profile')).toMatch(/Chats: slack, telegram|Chats: telegram, slack/);

    await createGroup(store, { actorId: admin.id, name: 'Finance' });
    await createAgent(store, { actorId: admin.id, name: 'Ledger' });
    await setAgentAccess(store, { actorId: admin.id, agentName: 'Ledger', access: ['Finance'] });
    const pat = (await store.users.getUserByEmail('pat@example.com'))!;
    expect(await onTelegram.say('/agents')).not.toMatch(/Ledger/);
    await addToGroup(store, { actorId: admin.id, groupName: 'Finance', userId: pat.id });
    expect(await onTelegram.say('/agents')).toMatch(/Ledger/);
    expect(await onSlack.command('agents')).toMatch(/Ledger/);

    openai.answer({ content: 'Budget is fine.' }, { content: 'Also fine here.' });
    expect(await onTelegram.say('/ask Ledger how is the budget?')).toMatch(/Ledger: Budget is fine\./);
    await onSlack.command('ask Ledger and on Slack?');
    expect(slack.calls.map((c) => String(c.body.text ?? '')).join('\n')).toMatch(/Ledger: Also fine here\./);

    await removeFromGroup(store, { actorId: admin.id, groupName: 'Finance', userId: pat.id });
    expect(await onTelegram.say('one more')).toMatch(/no agent called “Ledger” that you can use/);
    expect(await onSlack.command('agents')).not.toMatch(/Ledger/);
  });
});
