import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../src/adapters/slack/app.js';
import { listen } from '../src/http/server.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import { freshDatabase, openRecord } from './support/db.js';
import { benchEngine } from './support/engine.js';
import { BENCH_REDIS_URL, benchPrefix, clearPrefix } from './support/redis.js';
import { seedTeam } from './support/seed.js';
import type { Sizes } from './support/sizes.js';
import { pool } from './support/stats.js';

const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const TEAM = 'TBENCH';
const IDENTITY = { botId: 'BBENCH', botUserId: 'UBOT' };
const BOT_TOKEN = 'xoxb-bench-not-real';

/**
 * `/gatehouse agents` through Bolt's HTTP receiver with signed requests (as Slack sends them), the
 * reply posted to the Web API (a local server answering at once), against a bare Bolt app on the
 * same receiver answering the same command with a fixed text the same way. An update counts once
 * its reply has reached the Web API.
 */
export async function benchSlack(sizes: Sizes['slack']): Promise<Record<string, number>> {
  const record = openRecord(await freshDatabase('gatehouse_bench_engine'));
  const prefix = benchPrefix('slack');
  const sessions = new RedisSessionStore(BENCH_REDIS_URL, prefix);
  const api = await webApi();
  const servers: Server[] = [];
  try {
    const team = await seedTeam(record.sql, { members: sizes.members });
    await record.sql`
      insert into identities (platform, external_id, user_id, username)
      select 'slack', ${TEAM} || ':U' || substring(u.email from 'member(\\d+)@'), u.id, null
      from users u where u.role = 'member'`;
    const members = team.members.map((_, i) => `U${i + 1}`);

    const adapter = createSlackAdapter(benchEngine(record.store, sessions), {
      botToken: BOT_TOKEN,
      signingSecret: SIGNING_SECRET,
      apiUrl: api.url,
      identity: IDENTITY,
      log: pino({ level: 'silent' }),
    });
    const ours = await listen(0, [adapter.route!], () => undefined);
    const bare = bareBolt(api.url);
    servers.push(ours, bare);

    const drive = (server: Server, total: number) =>
      rate(total, sizes.concurrency, (i) => command(server, api, members[i % members.length]!, 'agents'));
    await drive(ours, sizes.warmup);
    if (!api.lastText.startsWith('Agents you can use'))
      throw new Error(`/gatehouse agents did not list agents: ${api.lastText.slice(0, 80)}`);
    await drive(bare, sizes.warmup);
    const seconds = [0, 0];
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, server] of [ours, bare].entries())
        seconds[i]! += 1 / (await drive(server, sizes.updates / ROUNDS));
    const [agentsUps, bareUps] = seconds.map((s) => ROUNDS / s) as [number, number];
    return {
      slack_agents_ups: agentsUps,
      slack_bare_ups: bareUps,
      slack_agents_over_bare: agentsUps / bareUps,
    };
  } finally {
    for (const server of servers) await new Promise((resolve) => server.close(resolve));
    await api.close();
    await sessions.close();
    await record.close();
    await clearPrefix(prefix);
  }
}

const ROUNDS = 4;

/** A bare Bolt app on its HTTP receiver: `/gatehouse` acked, then a fixed text posted to the DM. */
function bareBolt(apiUrl: string): Server {
  const receiver = new HTTPReceiver({
    signingSecret: SIGNING_SECRET,
    endpoints: SLACK_EVENTS_PATH,
    processBeforeResponse: false,
  });
  const app = new App({
    receiver,
    authorize: async () => ({ botToken: BOT_TOKEN, ...IDENTITY }),
    clientOptions: { slackApiUrl: `${apiUrl}/api/` },
    logLevel: LogLevel.ERROR,
  });
  app.command('/gatehouse', async ({ ack, body, client }) => {
    await ack();
    await client.chat.postMessage({ channel: body.channel_id, text: 'Hello from a bare Bolt app.' });
  });
  return createServer(receiver.requestListener).listen(0, '127.0.0.1');
}

interface WebApi {
  url: string;
  lastText: string;
  /** Resolves when the next message for `channel` is posted. */
  posted(channel: string): Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req as AsyncIterable<Buffer>) body += chunk.toString('utf8');
  return body;
}

/** The Web API, answered at once: `chat.postMessage` resolves whoever waits for that channel. */
async function webApi(): Promise<WebApi> {
  const waiting = new Map<string, (() => void)[]>();
  const state: WebApi = {
    url: '',
    lastText: '',
    posted: (channel) =>
      new Promise((resolve) => {
        const list = waiting.get(channel) ?? [];
        list.push(resolve);
        waiting.set(channel, list);
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (req, res) => {
    const body = new URLSearchParams(await readBody(req));
    if (req.url?.endsWith('/chat.postMessage')) {
      const channel = body.get('channel') ?? '';
      state.lastText = body.get('text') ?? '';
      const list = waiting.get(channel);
      list?.shift()?.();
      if (list?.length === 0) waiting.delete(channel);
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"ts":"1.000"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** One `/gatehouse <text>` from `user` in their DM, signed as Slack signs it; resolves once answered. */
async function command(server: Server, api: WebApi, user: string, text: string): Promise<void> {
  const channel = `D${user}`;
  const body = new URLSearchParams({
    command: '/gatehouse',
    text,
    team_id: TEAM,
    user_id: user,
    user_name: user.toLowerCase(),
    channel_id: channel,
    response_url: `${api.url}/respond`,
    trigger_id: '1.2.3',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  const answered = api.posted(channel);
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}${SLACK_EVENTS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`the receiver answered ${response.status}`);
  await answered;
}

/** Runs `total` with `concurrency` in flight; returns per second. */
async function rate(total: number, concurrency: number, work: (i: number) => Promise<void>): Promise<number> {
  const start = performance.now();
  await pool(total, concurrency, work);
  return total / ((performance.now() - start) / 1000);
}
