import { Api, Bot, Composer, matchFilter, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler, type APIThrottlerOptions } from '@grammyjs/transformer-throttler';
import type { Locale } from '../../i18n/locales.js';
import type { Logger } from '../../log.js';
import type { Inbound } from '../../engine/inbound.js';
import type { LocalizedOutbound, NoticeSender } from '../../engine/outbound.js';
import type { Route } from '../../http/server.js';
import { CommandMenus, type MenuDirectory } from './menus.js';
import { deliver } from './render.js';
import { toInbound } from './translate.js';
import { webhookRoute } from './webhook.js';

/** The engine as the adapter sees it. */
export interface UpdateHandler {
  handle(inbound: Inbound): Promise<LocalizedOutbound[]>;
  /** Where the engine's notices to people other than the asker are handed to this adapter. */
  sendNoticesOn?(platform: 'telegram', send: NoticeSender): void;
}

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  /** From an earlier getMe; without it `init()` asks once. */
  botInfo?: UserFromGetMe;
  /** Webhook mode: the public URL Telegram posts to, and the secret it must send back. */
  webhook?: { url: string; secret: string };
  /** Where admins are found for their command menus; without it only the default menu is set. */
  directory?: MenuDirectory;
  /** The deployment's DEFAULT_LOCALE (English unless set): the menus' words for any other language. */
  defaultLocale?: Locale;
  log: Logger;
  /** Retries of a failed call, 429s included (after `retry_after`). */
  maxRetries?: number;
  /** Telegram's limits by default (30 messages/s, 1/s per chat, 20/min per group); tests loosen them. */
  throttle?: APIThrottlerOptions;
  /** Long-polling timeout of getUpdates in seconds. */
  pollTimeoutSeconds?: number;
  /** `PUBLIC_URL`: password prompts and `/users` get Mini App buttons (the engine's capabilities must agree). */
  publicUrl?: string;
}

export interface TelegramAdapter {
  bot: Bot;
  /** The webhook route for the shared HTTP listener (webhook mode only). */
  route: Route | undefined;
  /** Calls getMe unless the bot info was given; returns the bot's username (for deep links). */
  init(): Promise<string>;
  /** Publishes the command menus, then polls or registers the webhook. */
  start(): Promise<void>;
  /** Stops polling and waits for the updates in flight. */
  stop(): Promise<void>;
  /** Sends replies that did not come from an update (a Mini App's submission) to a person's private chat. */
  sendTo(userId: number, replies: LocalizedOutbound[]): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** Asks Telegram who the bot is, once, before anything else runs. */
export function fetchBotInfo(token: string, apiRoot: string): Promise<UserFromGetMe> {
  return new Api(token, { apiRoot }).getMe();
}

/** Update in, `Inbound` to the engine, its replies out; buttons are answered at once. */
export function telegramComposer(
  engine: UpdateHandler,
  menus: CommandMenus | undefined,
  publicUrl?: string,
): Composer<Context> {
  const composer = new Composer<Context>();
  // One middleware with grammY's own filter predicates rather than two `on` filters: each `on`
  // builds a composer of its own for every update, garbage that every update pays for.
  // i18n-exempt: grammY's filter queries
  const isButton = matchFilter('callback_query:data');
  // i18n-exempt: grammY's filter queries
  const isTextOrButton = matchFilter(['message:text', 'callback_query:data']);
  composer.use(async (ctx, next) => {
    if (isButton(ctx)) await ctx.answerCallbackQuery().catch(() => undefined);
    if (!isTextOrButton(ctx)) return next();
    const inbound = toInbound(ctx);
    if (!inbound || !ctx.chat) return;
    const replies = await engine.handle(inbound);
    const tapped = ctx.callbackQuery?.message;
    await deliver(
      {
        api: ctx.api,
        chatId: ctx.chat.id,
        userId: ctx.from.id,
        isPrivate: ctx.chat.type === 'private',
        botUsername: ctx.me.username,
        ...(publicUrl ? { webAppUrl: publicUrl } : {}),
        ...(tapped
          ? { tapped: { messageId: tapped.message_id, ...('text' in tapped ? { text: tapped.text } : {}) } }
          : {}),
      },
      replies,
    );
    await menus?.afterUpdate(String(ctx.from.id), Boolean(inbound.command ?? inbound.action));
  });
  return composer;
}

/** Gatehouse on Telegram through grammY: long polling with the runner, or a webhook route. */
export function createTelegramAdapter(engine: UpdateHandler, options: TelegramOptions): TelegramAdapter {
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  bot.api.config.use(apiThrottler(options.throttle));
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: options.maxRetries ?? 3, maxDelaySeconds: 120, rethrowHttpErrors: true }),
  );
  const menus = options.directory
    ? new CommandMenus(bot.api, options.directory, options.log, options.defaultLocale ?? 'en')
    : undefined;

  let inFlight = 0;
  let drained: (() => void) | undefined;
  bot.use(async (_ctx, next) => {
    inFlight += 1;
    try {
      await next();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  });
  // One chat's updates, and one person's, are handled in order; others run in parallel.
  bot.use(
    sequentialize((ctx: Context) =>
      [ctx.chat?.id, ctx.from?.id].filter((id) => id !== undefined).map(String),
    ),
  );
  bot.use(telegramComposer(engine, menus, options.publicUrl));
  bot.catch((error) =>
    options.log.error({ err: error.error, update: error.ctx.update.update_id }, 'telegram update failed'),
  );

  const sendTo = async (userId: number, replies: LocalizedOutbound[]) => {
    await bot.init();
    await deliver(
      {
        api: bot.api,
        chatId: userId,
        userId,
        isPrivate: true,
        botUsername: bot.botInfo.username,
        ...(options.publicUrl ? { webAppUrl: options.publicUrl } : {}),
      },
      replies,
    );
  };
  // A person's private chat with the bot has their user id.
  engine.sendNoticesOn?.('telegram', (externalId, notice) => sendTo(Number(externalId), [notice]));

  let runner: RunnerHandle | undefined;
  const { webhook } = options;
  return {
    bot,
    route: webhook ? webhookRoute(bot, webhook) : undefined,
    init: async () => {
      await bot.init();
      return bot.botInfo.username;
    },
    start: async () => {
      await bot.init();
      await menus?.publish();
      if (webhook) {
        await bot.api.setWebhook(webhook.url, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        return;
      }
      await bot.api.deleteWebhook();
      runner = run(bot, {
        runner: {
          fetch: { allowed_updates: [...ALLOWED_UPDATES], timeout: options.pollTimeoutSeconds ?? 30 },
        },
      });
    },
    stop: async () => {
      if (runner?.isRunning()) await runner.stop();
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
    },
    sendTo: async (userId, replies) => {
      await sendTo(userId, replies);
      // A form may have created or changed an account (a claim makes an admin), as an update can.
      await menus?.afterUpdate(String(userId), false);
    },
  };
}
