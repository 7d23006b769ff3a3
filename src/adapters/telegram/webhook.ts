import type { IncomingMessage, ServerResponse } from 'node:http';
import { webhookCallback, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { readBody, type Route } from '../../http/server.js';

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
const BODY_LIMIT = 1024 * 1024;

/** A body that is not a Telegram update: answered 400 rather than handed to grammY. */
class MalformedUpdateError extends Error {
  override readonly name = 'MalformedUpdateError';
}

async function readUpdate(req: IncomingMessage): Promise<Update> {
  const body = await readBody(req, BODY_LIMIT);
  if (!body) throw new MalformedUpdateError('too large');
  let update: unknown;
  try {
    update = JSON.parse(body.toString('utf8'));
  } catch {
    throw new MalformedUpdateError('not JSON');
  }
  if (typeof update !== 'object' || update === null || !Number.isSafeInteger((update as Update).update_id))
    throw new MalformedUpdateError('not an update');
  return update as Update;
}

/** grammY's Node adapter, but a body that is not an update is refused before grammY sees it. */
function nodeAdapter(req: IncomingMessage, res: ServerResponse) {
  const header = req.headers[SECRET_HEADER];
  return {
    get update() {
      return readUpdate(req);
    },
    header: Array.isArray(header) ? header[0] : header,
    end: () => void res.end(),
    respond: (json: string) => void res.writeHead(200, { 'content-type': 'application/json' }).end(json),
    // i18n-exempt: an answer to Telegram's servers, not to a person
    unauthorized: () => void res.writeHead(401).end('secret token is wrong'),
  };
}

/**
 * The webhook route on the shared HTTP listener, at the webhook URL's path. grammY compares
 * `X-Telegram-Bot-Api-Secret-Token` in constant time: a wrong or missing one is a 401 and nothing runs.
 */
export function webhookRoute(bot: Bot, webhook: { url: string; secret: string }): Route {
  const path = new URL(webhook.url).pathname;
  const handle = webhookCallback(bot, nodeAdapter, {
    secretToken: webhook.secret,
    // Telegram resends an update that is not answered in time; a slow one finishes after the 200.
    onTimeout: 'return',
    timeoutMilliseconds: 8_000,
  });
  return async (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) return false;
    try {
      await handle(req, res);
    } catch (error) {
      if (!(error instanceof MalformedUpdateError)) throw error;
      res.writeHead(400).end();
    }
    return true;
  };
}
