import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testEngine } from '../support/engine.js';
import { form, postSigned, SLACK_SIGNING_SECRET } from '../support/slack.js';
import { FakeSlack } from '../fakes/slack-server.js';
import { createSlackAdapter, fetchSlackIdentity } from '../../src/adapters/slack/app.js';
import { BUTTON_ACTION_PREFIX, SECRET_ACTION } from '../../src/adapters/slack/render.js';
import { listen } from '../../src/http/server.js';
import { PostgresSessionStore } from '../../src/store/sessions-postgres.js';

/**
 * Slack wants every command, button and modal submission acknowledged within 3 s; the bot's work and
 * its replies follow the ack. With Slack's Web API answering slowly, the ack must not wait on it.
 */

const SLOW_API_MS = 3_000;
/** Far inside Slack's 3 s deadline, and far from the 3 s a call to the slow Web API takes. */
const ACK_WITHIN_MS = 1_000;

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const slack = new FakeSlack();
let server: Server;
let eventsUrl = '';

beforeAll(async () => {
  await slack.start();
  // As `npm start` does: who the bot is, asked once while Slack still answers quickly.
  const identity = await fetchSlackIdentity({ botToken: 'xoxb-test-token', apiUrl: slack.url });
  const adapter = createSlackAdapter(engine, {
    botToken: 'xoxb-test-token',
    signingSecret: SLACK_SIGNING_SECRET,
    apiUrl: slack.url,
    retries: 0,
    identity,
    log: pino({ level: 'silent' }),
  });
  server = await listen(0, [adapter.route!], () => undefined);
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  slack.delayMs = SLOW_API_MS;
});

afterAll(async () => {
  // Let the replies still on their slow way arrive before the fake goes.
  while (slack.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  server.close();
  await slack.stop();
});

/** Posts a signed request and returns Slack's view of it: the status and how long the ack took. */
async function timed(body: string, contentType: 'application/x-www-form-urlencoded') {
  const started = performance.now();
  const { status } = await postSigned(eventsUrl, body, contentType);
  return { status, ms: performance.now() - started };
}

const requests: [string, () => string][] = [
  [
    'a slash command',
    () =>
      form({
        command: '/gatehouse',
        text: 'help',
        team_id: 'T1',
        user_id: 'UNEW',
        user_name: 'new',
        channel_id: 'DUNEW',
        channel_name: 'directmessage',
        response_url: slack.responseUrl(),
        trigger_id: 'trigger-1',
      }),
  ],
  [
    'a button',
    () =>
      form({
        payload: JSON.stringify({
          type: 'block_actions',
          team: { id: 'T1' },
          user: { id: 'UNEW' },
          channel: { id: 'DUNEW' },
          trigger_id: 'trigger-2',
          response_url: slack.responseUrl(),
          actions: [
            {
              type: 'button',
              action_id: `${BUTTON_ACTION_PREFIX}0_0`,
              block_id: 'b',
              value: '/help',
              action_ts: '1',
            },
          ],
        }),
      }),
  ],
  [
    'a modal submission',
    () =>
      form({
        payload: JSON.stringify({
          type: 'view_submission',
          team: { id: 'T1' },
          user: { id: 'UNEW' },
          view: {
            id: 'V1',
            callback_id: SECRET_ACTION,
            // A form no step waits for: the engine refuses it as stale, and says so in the DM.
            private_metadata: JSON.stringify({ chat: 'DUNEW', purpose: 'new-password', nonce: 'n0' }),
            state: {
              values: {
                secret: { value: { type: 'plain_text_input', value: 'violet-Harbor-Lantern-42' } },
                again: { value: { type: 'plain_text_input', value: 'violet-Harbor-Lantern-42' } },
              },
            },
          },
        }),
      }),
  ],
];

describe('Slack acknowledgements while its Web API is slow', () => {
  it.each(requests)('acknowledges %s within a second, and the reply still follows', async (_, body) => {
    const from = slack.calls.length;
    const ack = await timed(body(), 'application/x-www-form-urlencoded');
    expect(ack.status).toBe(200);
    expect(ack.ms).toBeLessThan(ACK_WITHIN_MS);
    for (let i = 0; i < 200 && slack.since(from).length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(slack.since(from).map((c) => c.method)).not.toEqual([]);
  });
});
