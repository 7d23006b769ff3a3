import type { Transformer } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';

/** The bot as getMe would describe it; given up front so nothing asks Telegram. */
export const BOT_INFO = {
  id: 4242,
  is_bot: true,
  first_name: 'Gatehouse',
  username: 'gatehouse_bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
} as UserFromGetMe;

export const BOT_TOKEN = '4242:bench-token-not-real';

let sentMessageId = 1_000_000;
let lastText = '';

/** What Telegram would answer to `method`: a sent message for the send methods, `true` for the rest. */
export function fakeResult(method: string, payload: Record<string, unknown>): unknown {
  if (method === 'sendMessage' || method === 'editMessageText') {
    lastText = String(payload.text);
    return {
      message_id: ++sentMessageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: payload.chat_id, type: 'private', first_name: 'Bench' },
      text: payload.text,
    };
  }
  return true;
}

/** A grammY API transformer that answers every Bot API call in-process: no network, no Telegram. */
export const fakeBotApi: Transformer = async (_prev, method, payload) =>
  ({ ok: true, result: fakeResult(method, payload as Record<string, unknown>) }) as never;

/**
 * The same answers one level lower, as the `fetch` grammY's client calls. `@grammyjs/conversations`
 * builds a fresh `Api` inside a conversation that keeps the client options but not the transformers,
 * so a dialogue comparison answers both sides here.
 */
export const fakeFetch = (async (url: string, init: { body: string }) => {
  const method = url.slice(url.lastIndexOf('/') + 1);
  const result = fakeResult(method, JSON.parse(init.body) as Record<string, unknown>);
  return { json: async () => ({ ok: true, result }) };
}) as unknown as typeof fetch;

let updateId = 1;
let messageId = 1;

/** A private-chat text message from Telegram user `userId`; a leading `/command` gets its entity. */
export function textUpdate(userId: number, text: string): Update {
  const command = /^\/\S+/.exec(text);
  return {
    update_id: ++updateId,
    message: {
      message_id: ++messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: userId, type: 'private', first_name: `U${userId}` },
      from: { id: userId, is_bot: false, first_name: `U${userId}`, username: `u${userId}` },
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  } as Update;
}

/** The text of the last message the fake Bot API was asked to send (to check a run did real work). */
export function lastSentText(): string {
  return lastText;
}
