import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import type { KnownBlock } from '@slack/types';
import { StartupError } from '../../startup-error.js';
import { screenSlackBody } from './body-guard.js';
import type { Logger } from '../../log.js';
import type { Inbound } from '../../engine/inbound.js';
import type { LocalizedOutbound, NoticeSender } from '../../engine/outbound.js';
import type { SecretForm, SecretOutcome } from '../../engine/secrets.js';
import type { Route } from '../../http/server.js';
import { supportedLocale, type Locale } from '../../i18n/locales.js';
import { msg } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { BUTTON_ACTION_PREFIX, deliver, SECRET_ACTION, secretModal } from './render.js';
import {
  actionInbound,
  commandInbound,
  isDirectMessage,
  messageInbound,
  modalErrors,
  modalForm,
  secretOrigin,
  speaking,
  type SecretFormMeta,
} from './translate.js';
import { UserLocales } from './user-locales.js';

/** The engine as the adapter sees it. */
export interface UpdateHandler {
  handle(inbound: Inbound): Promise<LocalizedOutbound[]>;
  submitSecret(origin: Inbound, nonce: string, form: SecretForm): Promise<SecretOutcome>;
  /** Where the engine's notices to people other than the asker are handed to this adapter. */
  sendNoticesOn?(platform: 'slack', send: NoticeSender): void;
}

/** A users.info that takes longer than this gives no language rather than hold up the update. */
const LOCALE_LOOKUP_TIMEOUT_MS = 2_000;

export interface SlackOptions {
  botToken: string;
  /** HTTP mode: requests are checked against it. */
  signingSecret?: string;
  /** Socket Mode instead of HTTP. */
  appToken?: string;
  /** Another Web API server (tests). */
  apiUrl?: string;
  /** Retries of a failed Web API call (Slack's default retries for ~30 minutes). */
  retries?: number;
  /** The Telegram bot serving this deployment too, if one does: a code's instructions link to it. */
  telegramBotUsername?: string;
  /** From an earlier `fetchSlackIdentity`; without it the first request asks Slack once. */
  identity?: SlackIdentity;
  /** The deployment's DEFAULT_LOCALE (English unless set): words a modal that carries no language. */
  defaultLocale?: Locale;
  log: Logger;
}

/** Who the bot is on Slack: Bolt needs it for every request (to ignore the bot's own messages). */
export interface SlackIdentity {
  botId: string;
  botUserId: string;
}

export interface SlackAdapter {
  /** The `/slack/events` route for the shared HTTP listener (HTTP mode only). */
  route: Route | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const SLACK_EVENTS_PATH = '/slack/events';

function apiUrlOption(apiUrl: string | undefined) {
  return apiUrl ? { slackApiUrl: `${apiUrl.replace(/\/$/, '')}/api/` } : {};
}

/** Asks Slack who the bot is (`auth.test`), once; throws StartupError saying what to check. */
export async function fetchSlackIdentity(options: {
  botToken: string;
  apiUrl?: string;
  retries?: number;
}): Promise<SlackIdentity> {
  const client = new WebClient(options.botToken, {
    ...apiUrlOption(options.apiUrl),
    retryConfig: { retries: options.retries ?? 2 },
    logLevel: LogLevel.ERROR,
  });
  const result = await client.auth.test().catch((error: { data?: { error?: string }; message?: string }) => {
    throw new StartupError(
      error.data?.error
        ? `Slack did not accept SLACK_BOT_TOKEN (auth.test: ${error.data.error}): use the app's Bot User OAuth Token (xoxb-…)`
        : `Cannot reach Slack's Web API (auth.test: ${error.message ?? 'no answer'}): check the network or SLACK_API_URL`,
    );
  });
  if (!result.bot_id || !result.user_id)
    throw new StartupError("SLACK_BOT_TOKEN is not a bot token: use the app's Bot User OAuth Token (xoxb-…)");
  return { botId: result.bot_id, botUserId: result.user_id };
}

function parseMeta(json: string): SecretFormMeta | undefined {
  try {
    const meta = JSON.parse(json) as Partial<SecretFormMeta>;
    return typeof meta.chat === 'string' && typeof meta.purpose === 'string' && typeof meta.nonce === 'string'
      ? (meta as SecretFormMeta)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The language a user's locale names, asked once in a while (see UserLocales); never waits long. */
function userLocales(options: SlackOptions): UserLocales {
  const client = new WebClient(options.botToken, {
    ...apiUrlOption(options.apiUrl),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: LOCALE_LOOKUP_TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
  });
  return new UserLocales(async (user) => {
    const info = await client.users.info({ user, include_locale: true });
    return info.user?.locale;
  });
}

/**
 * Gatehouse on Slack through Bolt: one slash command, DMs, Block Kit buttons and a modal for secrets.
 * Every listener acks first; the engine's work and the replies follow the ack.
 */
export function createSlackAdapter(engine: UpdateHandler, options: SlackOptions): SlackAdapter {
  const clientOptions = {
    ...apiUrlOption(options.apiUrl),
    retryConfig: { retries: options.retries ?? 3 },
  };
  // Bolt's own authorization asks auth.test before every request's listeners (and so before `ack`) when
  // token verification is off; the bot's identity is asked once instead and kept.
  let identity: Promise<SlackIdentity> | undefined = options.identity && Promise.resolve(options.identity);
  const authorize = async () => {
    identity ??= fetchSlackIdentity({ ...options, retries: options.retries ?? 3 }).catch((error: unknown) => {
      identity = undefined;
      throw error;
    });
    return { botToken: options.botToken, ...(await identity) };
  };
  const receiver =
    options.appToken || !options.signingSecret
      ? undefined
      : new HTTPReceiver({
          signingSecret: options.signingSecret,
          endpoints: SLACK_EVENTS_PATH,
          processBeforeResponse: false,
          unhandledRequestTimeoutMillis: 2_500,
        });
  const app = new App({
    authorize,
    ...(receiver ? { receiver } : { socketMode: true, appToken: options.appToken }),
    clientOptions,
    logLevel: LogLevel.ERROR,
    developerMode: false,
  });
  const defaultLocale = options.defaultLocale ?? 'en';
  const codes = options.telegramBotUsername ? { telegramBotUsername: options.telegramBotUsername } : {};
  const failed = (error: unknown) => options.log.error({ err: error }, 'slack update failed');
  const locales = userLocales(options);
  /** The update as the engine gets it: with the language Slack says its sender uses. */
  const withLanguage = async (inbound: Inbound, userId: string) =>
    speaking(inbound, await locales.of(userId));
  // A notice is no update's answer: it opens the person's DM with the bot token itself.
  const noticeClient = new WebClient(options.botToken, { ...clientOptions, logLevel: LogLevel.ERROR });
  engine.sendNoticesOn?.('slack', async (externalId, notice) => {
    const userId = externalId.slice(externalId.indexOf(':') + 1);
    await deliver({ ...codes, client: noticeClient, userId, channel: '' }, [
      notice.type === 'text' ? { ...notice, privately: true } : notice,
    ]);
  });

  app.command('/gatehouse', async ({ ack, body, respond, client }) => {
    await ack();
    const replies = await engine.handle(await withLanguage(commandInbound(body), body.user_id));
    await deliver(
      { ...codes, client, userId: body.user_id, channel: body.channel_id, respond },
      replies,
    ).catch(failed);
  });

  app.message(async ({ message, body, client }) => {
    if (
      message.subtype !== undefined ||
      !('user' in message) ||
      !message.user ||
      !isDirectMessage(message.channel)
    )
      return;
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const replies = await engine.handle(
      await withLanguage(
        messageInbound(teamId, {
          user: message.user,
          channel: message.channel,
          text: message.text ?? '',
          ts: message.ts,
        }),
        message.user,
      ),
    );
    await deliver({ ...codes, client, userId: message.user, channel: message.channel }, replies).catch(
      failed,
    );
  });

  app.action(SECRET_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    const meta = action.type === 'button' ? parseMeta(action.value ?? '') : undefined;
    if (!meta || body.type !== 'block_actions') return;
    const view = secretModal(meta, supportedLocale(meta.locale) ?? defaultLocale);
    await client.views.open({ trigger_id: body.trigger_id, view }).catch(failed);
  });

  app.action(new RegExp(`^${BUTTON_ACTION_PREFIX}`), async ({ ack, body, action, respond, client }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !action.value) return;
    const channel = body.channel?.id ?? '';
    const replies = await engine.handle(
      await withLanguage(
        actionInbound(body.team?.id ?? '', body.user.id, channel, action.value),
        body.user.id,
      ),
    );
    const blocks: unknown = body.message?.blocks;
    const tapped = Array.isArray(blocks) ? { blocks: blocks as KnownBlock[] } : {};
    await deliver({ ...codes, client, userId: body.user.id, channel, respond, tapped }, replies).catch(
      failed,
    );
  });

  app.view(SECRET_ACTION, async ({ ack, body, view, client }) => {
    const meta = parseMeta(view.private_metadata);
    const value = view.state.values.secret?.value?.value ?? '';
    const again = view.state.values.again?.value?.value ?? undefined;
    // The modal's words are the prompt's: its language rides in the metadata, as the modal was worded.
    const locale = supportedLocale(meta?.locale) ?? defaultLocale;
    if (!meta) {
      await ack({
        response_action: 'errors',
        errors: { secret: translate(locale, msg('slack-form-expired')) },
      });
      return;
    }
    const errors = modalErrors(meta.purpose, value, again, locale);
    if (errors) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const origin = await withLanguage(secretOrigin(body.team?.id ?? '', body.user.id, meta), body.user.id);
    const outcome = await engine.submitSecret(origin, meta.nonce, modalForm(value));
    const replies: LocalizedOutbound[] =
      outcome.kind === 'taken'
        ? outcome.replies
        : [
            {
              type: 'text',
              text: translate(locale, outcome.kind === 'stale' ? msg('slack-stale-form') : outcome.refusal),
              locale,
            },
          ];
    await deliver({ ...codes, client, userId: body.user.id, channel: meta.chat }, replies).catch(failed);
  });

  app.error(async (error) => failed(error));

  return {
    route: receiver
      ? async (req, res) => {
          if (new URL(req.url ?? '/', 'http://x').pathname !== SLACK_EVENTS_PATH) return false;
          const status = await screenSlackBody(req);
          if (status === 200) receiver.requestListener(req, res);
          else res.writeHead(status).end();
          return true;
        }
      : undefined,
    start: async () => {
      if (!receiver) await app.start();
    },
    stop: async () => {
      if (!receiver) await app.stop();
    },
  };
}
