import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { afterAll } from 'vitest';
import { CONSOLE_CAPABILITIES } from '../../../src/adapters/console/console.js';
import { TELEGRAM_MINI_APP_CAPABILITIES } from '../../../src/adapters/telegram/translate.js';
import { Engine } from '../../../src/engine/engine.js';
import type { LocalizedOutbound } from '../../../src/engine/outbound.js';
import { listen } from '../../../src/http/server.js';
import { miniAppRoute } from '../../../src/adapters/telegram/miniapp/routes.js';
import type { SessionStore } from '../../../src/store/sessions.js';
import type { Store } from '../../../src/store/store.js';
import { signInitData } from '../../support/telegram-user.js';
import { testDeps } from '../../support/engine.js';

export const TOKEN = '123456:TEST-token-abcdefghijklmnop';

/** Init data Telegram would sign for this Telegram user id, now. */
export function initDataFor(id: number, authDate = new Date(), token = TOKEN): string {
  return signInitData(token, { id, first_name: `User ${id}`, username: `user${id}` }, authDate);
}

/**
 * The engine as main.ts builds it with PUBLIC_URL set (Telegram with the Mini App), and the Mini App
 * route on a real listener; what it would send to a chat is recorded in `sent`.
 */
export async function miniAppHarness(
  store: Store,
  sessions: SessionStore,
  log: Logger = pino({ level: 'silent' }),
) {
  const deps = testDeps(
    store,
    sessions,
    {},
    log,
    {},
    {
      telegram: TELEGRAM_MINI_APP_CAPABILITIES,
      console: CONSOLE_CAPABILITIES,
    },
  );
  const engine = new Engine(deps);
  const sent: { userId: number; replies: LocalizedOutbound[] }[] = [];
  const route = miniAppRoute({
    engine,
    log,
    botToken: TOKEN,
    chat: { sendTo: async (userId, replies) => void sent.push({ userId, replies }) },
  });
  const failures: unknown[] = [];
  const server = await listen(0, [route], (error) => failures.push(error));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** One request to the Mini App, as its page makes it. */
  async function call(
    path: string,
    options: { initData?: string; method?: string; body?: unknown } = {},
  ): Promise<{ status: number; body: Record<string, unknown> | null; headers: Headers }> {
    const response = await fetch(`${base}${path}`, {
      method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
      headers: {
        'content-type': 'application/json',
        ...(options.initData ? { authorization: `tma ${options.initData}` } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await response.text();
    const body = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null;
    return { status: response.status, body, headers: response.headers };
  }

  return { engine, deps, sent, base, call, failures };
}

/** The nonce of the last secret prompt among replies (what the button's link carries). */
export function nonceOf(replies: LocalizedOutbound[]): string {
  const prompt = replies.filter((r) => r.type === 'secretPrompt').pop();
  if (prompt?.type !== 'secretPrompt') throw new Error('no secret prompt among the replies');
  return prompt.nonce;
}

/** What the chat was sent, as text. */
export function chatText(sent: { replies: LocalizedOutbound[] }[]): string {
  return sent
    .flatMap((s) => s.replies)
    .map((r) => ('text' in r ? r.text : `(${r.type})`))
    .join('\n');
}
