import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack-server.js';
import { SlackUser } from '../support/slack-user.js';
import { SLACK_SIGNING_SECRET } from '../support/slack.js';
import { createSlackAdapter, type UpdateHandler } from '../../src/adapters/slack/app.js';
import type { Inbound } from '../../src/engine/inbound.js';
import type { LocalizedOutbound } from '../../src/engine/outbound.js';
import { listen } from '../../src/http/server.js';
import { supportedLocale } from '../../src/i18n/locales.js';

const slack = new FakeSlack();
let server: Server;
let eventsUrl = '';
/** What reached the engine; it answers every update with a password prompt in the sender's language. */
const received: Inbound[] = [];
const engine: UpdateHandler = {
  handle: async (inbound) => {
    received.push(inbound);
    const locale = supportedLocale(inbound.sender.languageCode) ?? 'en';
    const prompt: LocalizedOutbound = {
      type: 'secretPrompt',
      text: '?',
      purpose: 'login',
      action: 'a.secret',
      nonce: 'N'.repeat(22),
      locale,
    };
    return [prompt];
  },
  submitSecret: async (origin) => (received.push(origin), { kind: 'stale' }),
};

beforeAll(async () => {
  await slack.start();
  const adapter = createSlackAdapter(engine, {
    botToken: 'xoxb-test-token',
    signingSecret: SLACK_SIGNING_SECRET,
    apiUrl: slack.url,
    retries: 0,
    identity: { botId: 'BBOT', botUserId: 'UBOT' },
    log: pino({ level: 'silent' }),
  });
  server = await listen(0, [adapter.route!], () => undefined);
  eventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await slack.stop();
});

describe('Slack speaks the user’s language', () => {
  it('asks users.info for the locale once, hands it to the engine and words its modal in it', async () => {
    slack.locales.set('USOFIA', 'es-ES');
    const sofia = new SlackUser(slack, eventsUrl, 'T1', 'USOFIA');
    expect(await sofia.command('login')).toMatch(/\[Introducirla en privado\]/);
    expect(received.at(-1)!.sender.languageCode).toBe('es-ES');
    expect(slack.lookups).toEqual([
      { method: 'users.info', body: expect.objectContaining({ user: 'USOFIA', include_locale: 'true' }) },
    ]);

    await sofia.click('Introducirla en privado');
    const view = slack.calls.filter((c) => c.method === 'views.open').pop()!.body.view as {
      title: { text: string };
      submit: { text: string };
      close: { text: string };
      private_metadata: string;
      blocks: { label: { text: string }; hint: { text: string } }[];
    };
    expect([view.submit.text, view.close.text, view.blocks[0]!.label.text]).toEqual([
      'Enviar',
      'Cancelar',
      'Tu contraseña',
    ]);
    expect(view.blocks[0]!.hint.text).toMatch(/nunca se publica/);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ locale: 'es' });

    const { replies } = await sofia.submitSecret('whatever-it-is');
    expect(replies).toMatch(/Ese formulario ya no está vigente/);
    expect(received.at(-1)!.sender.languageCode).toBe('es-ES');
    expect(await sofia.dmText('hola')).toMatch(/Introducirla en privado/);
    // Kept for ten minutes: the button, the modal and the next message asked Slack nothing more.
    expect(slack.lookups).toHaveLength(1);
  });

  it('goes on without a language when users.info fails', async () => {
    slack.failing.add('UFAIL');
    const user = new SlackUser(slack, eventsUrl, 'T1', 'UFAIL');
    expect(await user.command('login')).toMatch(/\[Enter it privately\]/);
    expect(received.at(-1)!.sender).not.toHaveProperty('languageCode');
  });
});
