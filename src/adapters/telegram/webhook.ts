import { webhookCallback, type Bot } from 'grammy';
import type { Route } from '../../http/server.js';

/**
 * The webhook route on the shared HTTP listener, at the webhook URL's path. grammY compares
 * `X-Telegram-Bot-Api-Secret-Token` in constant time: a wrong or missing one is a 401 and nothing runs.
 */
export function webhookRoute(bot: Bot, webhook: { url: string; secret: string }): Route {
  const path = new URL(webhook.url).pathname;
  const handle = webhookCallback(bot, 'http', {
    secretToken: webhook.secret,
    // Telegram resends an update that is not answered in time; a slow one finishes after the 200.
    onTimeout: 'return',
    timeoutMilliseconds: 8_000,
  });
  return async (req, res) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://x').pathname !== path) return false;
    await handle(req, res);
    return true;
  };
}
