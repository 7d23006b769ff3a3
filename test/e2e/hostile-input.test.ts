import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine, transcript } from '../support/engine.js';
import { linkChat, seedUser } from '../support/seed.js';
import { form, postSigned, SLACK_SIGNING_SECRET } from '../support/slack.js';
import { FakeSlack } from '../fakes/slack-server.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { createSlackAdapter } from '../../src/adapters/slack/app.js';
import { createTelegramAdapter } from '../../src/adapters/telegram/bot.js';
import { listen } from '../../src/http/server.js';
import { COMMANDS } from '../../src/engine/commands/index.js';
import { APOLOGY as APOLOGY_MESSAGE } from '../../src/engine/replies.js';
import { translate } from '../../src/i18n/translate.js';
import type { Inbound } from '../../src/engine/inbound.js';
import { createGroup } from '../../src/domain/groups.js';

const APOLOGY = translate('en', APOLOGY_MESSAGE);

/**
 * Whatever people type or forge, the bot answers in words: no crash, no apology for an internal
 * error, no stack trace or internal message, and nothing written for someone who may not write.
 */

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const logLines: string[] = [];
const log = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(line) });
const engine = testEngine(store, sessions, {}, log);
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
const member = await seedUser(store, { name: 'Mo', email: 'mo@example.com' });
await linkChat(store, admin, 'admin-chat');
await linkChat(store, member, 'member-chat');
await createGroup(store, { actorId: admin.id, name: 'Ops' });

const INTERNAL =
  /Sorry, something went wrong|Error\b|\bat \S+ \(|\.ts:\d+|stack|undefined|null|NaN|\[object Object\]|postgres|SQLSTATE/i;

/** Every text inside an update's body. */
function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return value && typeof value === 'object' ? Object.values(value).flatMap(textsOf) : [];
}

/**
 * What in `said` reads like an internal error and is not the sender's own words quoted back: a reply
 * may quote what was typed, without its invisible characters ("I don't know /xNaNy" leaks nothing).
 */
function internalWords(said: string, typed: object): string[] {
  const own = textsOf(typed)
    .map((text) => text.replace(/[\p{Cc}\p{Cf}]/gu, '').toLowerCase())
    .join('\n');
  return [...said.matchAll(new RegExp(INTERNAL.source, 'gi'))]
    .map(([word]) => word)
    .filter((word) => !own.includes(word.toLowerCase()));
}

const WORDS = COMMANDS.map((c) => c.name);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    '\u202e',
    '\u200b\u200b',
    '\r\n\t',
    '%s%n',
    '${x}',
    '<b>x</b>',
    '<!channel>',
    '*_~`',
  ),
  fc.string({ unit: 'binary-ascii', minLength: 4000, maxLength: 20_000 }),
);
/** Names every plain JavaScript object answers to: a lookup keyed by outside text must not find them. */
const BUILT_IN_NAMES = ['valueOf', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];
const commandName = fc.oneof(fc.constantFrom(...WORDS, 'cancel', 'skip'), fc.string({ maxLength: 20 }));

/** One update: a command with random arguments, a text, a forged button or a forged secret. */
const update = fc.oneof(
  fc.record({ command: fc.record({ name: commandName, args: anyText }) }),
  fc.record({ text: anyText }),
  fc.record({
    action: fc.oneof(
      anyText,
      fc.tuple(fc.constantFrom(...WORDS), anyText).map(([c, a]) => `/${c} ${a}`),
      fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })).map(([i, v]) => `${i}.${v}`),
    ),
  }),
  fc.record({ secret: fc.record({ value: anyText }) }),
);

const who = fc.constantFrom('stranger', 'member-chat', 'admin-chat');
const platform = fc.constantFrom<'telegram' | 'slack'>('telegram', 'slack');

async function recordFingerprint(): Promise<string> {
  const [row] = await sql<{ hash: string }[]>`
    select md5(coalesce(string_agg(x, '|' order by x), '')) as hash from (
      select 'u' || (u.id, u.name, u.email, u.role, u.status, u.password_hash)::text as x from users u
      union all select 'i' || t::text from identities t
      union all select 'g' || t::text from groups t union all select 'm' || t::text from group_members t
      union all select 'v' || t::text from invites t union all select 'r' || t::text from password_resets t
      union all select 'a' || t::text from agents t union all select 'pc' || t::text from personal_context t
      union all select 'al' || t.id::text from audit_log t) s`;
  return row!.hash;
}

describe('hostile input to the engine', () => {
  it('answers any update from anyone without an internal error, and a stranger writes nothing', async () => {
    let stranger = 0;
    await fc.assert(
      fc.asyncProperty(who, platform, update, async (sender, on, body) => {
        const externalId = sender === 'stranger' ? `stranger-${++stranger}` : sender;
        const before = sender === 'stranger' ? await recordFingerprint() : '';
        const inbound = {
          platform: on,
          sender: { externalId, username: null, displayName: 'x' },
          chat: { id: externalId, isPrivate: true },
          messageId: '1',
          ...body,
        } as Inbound;
        const said = transcript(await engine.handle(inbound));
        expect(said).not.toContain(APOLOGY);
        expect(internalWords(said, body)).toEqual([]);
        if (sender === 'stranger') expect(await recordFingerprint()).toBe(before);
      }),
      { numRuns: 400 },
    );
    expect(logLines.filter((l) => /"level":50/.test(l))).toEqual([]);
  });

  it('keeps a member in a flow safe from random answers, then /cancel always leaves', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/password', '/onboarding', '/context', '/login'),
        fc.array(update, { maxLength: 6 }),
        async (start, steps) => {
          const base = {
            platform: 'telegram' as const,
            sender: { externalId: 'member-chat', username: null, displayName: 'Mo' },
            chat: { id: 'member-chat', isPrivate: true },
            messageId: '1',
          };
          await engine.handle({ ...base, command: { name: start.slice(1), args: '' } });
          for (const step of steps) {
            const said = transcript(await engine.handle({ ...base, ...step } as Inbound));
            expect(said).not.toContain(APOLOGY);
            expect(internalWords(said, step)).toEqual([]);
          }
          await engine.handle({ ...base, command: { name: 'cancel', args: '' } });
          expect((await sessions.load('telegram:member-chat:member-chat'))?.data ?? '').toBe('');
        },
      ),
      { numRuns: 150 },
    );
    const [mo] = await sql`select role, status from users where id = ${member.id}`;
    expect(mo).toEqual({ role: 'member', status: 'active' });
  });
});

describe('hostile bodies posted to the webhooks', () => {
  const telegram = new FakeTelegram();
  const slack = new FakeSlack();
  let server: Server;
  let base = '';
  const SECRET = 'the-right-secret-123';

  beforeAll(async () => {
    await telegram.start();
    await slack.start();
    const tg = createTelegramAdapter(engine, {
      token: '123456:TEST-token-abcdefghijklmnop',
      apiRoot: telegram.url,
      log,
      maxRetries: 0,
      webhook: { url: 'https://bot.example.com/telegram/hook', secret: SECRET },
    });
    await tg.init();
    const sl = createSlackAdapter(engine, {
      botToken: 'xoxb-test-token',
      signingSecret: SLACK_SIGNING_SECRET,
      apiUrl: slack.url,
      retries: 0,
      log,
    });
    server = await listen(0, [tg.route!, sl.route!], (error) =>
      log.error({ err: error }, 'http handler failed'),
    );
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await telegram.stop();
    await slack.stop();
  });

  const jsonish = fc.oneof(
    fc.json({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc
      .record(
        {
          update_id: fc.oneof(fc.integer(), fc.string()),
          message: fc.record(
            {
              message_id: fc.oneof(fc.integer(), fc.constant(null)),
              date: fc.integer(),
              chat: fc.record(
                { id: fc.oneof(fc.integer(), fc.string()), type: fc.string({ maxLength: 12 }) },
                { requiredKeys: [] },
              ),
              from: fc.record(
                { id: fc.integer({ min: 1 }), is_bot: fc.boolean(), first_name: anyText },
                { requiredKeys: [] },
              ),
              text: anyText,
              entities: fc.array(
                fc.record({
                  type: fc.constantFrom('bot_command', 'mention', 'x'),
                  offset: fc.integer({ min: -5, max: 50 }),
                  length: fc.integer({ min: -5, max: 50 }),
                }),
                { maxLength: 3 },
              ),
            },
            { requiredKeys: [] },
          ),
          callback_query: fc.record(
            {
              id: fc.string(),
              data: anyText,
              from: fc.record({ id: fc.integer({ min: 1 }), first_name: fc.string() }),
            },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: [] },
      )
      .map((u) => JSON.stringify(u)),
  );

  it('never answers the Telegram webhook with a 5xx nor the chat with an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(jsonish, async (body) => {
        const from = telegram.calls.length;
        const response = await fetch(`${base}/telegram/hook`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body,
        });
        expect(response.status).toBeLessThan(500);
        for (const call of telegram.calls.slice(from))
          expect(String(call.params.text ?? '')).not.toMatch(/Sorry, something went wrong|\bat \S+ \(/);
      }),
      { numRuns: 200 },
    );
  });

  // A signed body of a type nobody handles waits out Bolt's 2.5 s before its 404, hence fewer runs.
  it(
    'never answers the Slack endpoint with a 5xx, whatever a signed body holds',
    { timeout: 120_000 },
    async () => {
      const slackBody = fc.oneof(
        fc.tuple(fc.constant('application/json' as const), jsonish),
        fc.tuple(
          fc.constant('application/x-www-form-urlencoded' as const),
          fc.oneof(
            fc
              .record(
                {
                  command: fc.constantFrom('/gatehouse', '/other', ''),
                  text: anyText,
                  user_id: fc.string({ maxLength: 12 }),
                  team_id: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...BUILT_IN_NAMES)),
                  channel_id: fc.string({ maxLength: 12 }),
                  response_url: fc.constant(''),
                },
                { requiredKeys: [] },
              )
              .map((f) => form(f)),
            fc.oneof(fc.json({ maxDepth: 3 }), anyText).map((payload) => form({ payload })),
            anyText,
          ),
        ),
      );
      await fc.assert(
        fc.asyncProperty(slackBody, async ([type, body]) => {
          const response = await postSigned(`${base}/slack/events`, body, type);
          expect(response.status).toBeLessThan(500);
          expect(response.text).not.toMatch(/\bat \S+ \(|Error:/);
        }),
        { numRuns: 60 },
      );
    },
  );

  it('answers a signed body naming a workspace after a built-in of JavaScript objects without a 5xx', async () => {
    for (const team of BUILT_IN_NAMES) {
      const body = form({
        command: '/gatehouse',
        text: 'help',
        team_id: team,
        user_id: 'U1',
        channel_id: 'D1',
      });
      const response = await postSigned(`${base}/slack/events`, body, 'application/x-www-form-urlencoded');
      expect(response.status, team).toBe(400);
    }
  });

  it('shows names with HTML or Slack markup as text on both platforms', async () => {
    await seedUser(store, { name: '<b>Sly</b> <!channel> *bold* &amp;', email: 'sly@example.com' });
    await linkChat(store, admin, '4242');
    await linkChat(store, admin, 'T1:UADA', 'slack');
    const from = telegram.calls.length;
    const update = {
      update_id: 77,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 4242, type: 'private' },
        from: { id: 4242, is_bot: false, first_name: 'Ada' },
        text: '/user sly@example.com',
        entities: [{ type: 'bot_command', offset: 0, length: 5 }],
      },
    };
    await fetch(`${base}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
    const sent = telegram.calls.slice(from).find((c) => c.method === 'sendMessage')!;
    expect(sent.params.parse_mode).toBe('HTML');
    expect(sent.params.text).toContain('&lt;b&gt;Sly&lt;/b&gt; &lt;!channel&gt; *bold* &amp;amp;');

    const slackFrom = slack.calls.length;
    await postSigned(
      `${base}/slack/events`,
      form({
        command: '/gatehouse',
        text: 'user sly@example.com',
        team_id: 'T1',
        user_id: 'UADA',
        channel_id: 'DUADA',
        response_url: slack.responseUrl(),
        trigger_id: 't',
      }),
      'application/x-www-form-urlencoded',
    );
    for (let i = 0; i < 100 && !slack.since(slackFrom, 'chat.postMessage').length; i++)
      await new Promise((r) => setTimeout(r, 20));
    const posted = slack.since(slackFrom, 'chat.postMessage')[0]!;
    expect(posted.body.text).toContain('&lt;b&gt;Sly&lt;/b&gt; &lt;!channel&gt; *bold* &amp;amp;');
    const section = (posted.body.blocks as { text: { type: string; text: string } }[])[0]!;
    expect(section.text).toMatchObject({ type: 'plain_text' });
    expect(section.text.text).toContain('<b>Sly</b> <!channel> *bold* &amp;');
  });
});

describe('fixed cases', () => {
  it('looks people up by text with NUL characters without failing', async () => {
    for (const name of ['resetpassword', 'user', 'role', 'audit', 'revoke', 'delete'])
      for (const args of ['a\u0000@b.c', '\u0000', 'x\u0000 y\u0000@example.com'])
        expect(
          transcript(
            await engine.handle({
              platform: 'telegram',
              sender: { externalId: 'admin-chat', username: null, displayName: 'Ada' },
              chat: { id: 'admin-chat', isPrivate: true },
              command: { name, args },
            }),
          ),
        ).not.toMatch(INTERNAL);
  });
});
