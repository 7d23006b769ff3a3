import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { NotAdminError } from '../../../domain/errors.js';
import type { Engine } from '../../../engine/engine.js';
import type { Inbound } from '../../../engine/inbound.js';
import type { LocalizedOutbound } from '../../../engine/outbound.js';
import type { Route } from '../../../http/server.js';
import { supportedLocale, type Locale } from '../../../i18n/locales.js';
import { msg, type Message } from '../../../i18n/message.js';
import { translate } from '../../../i18n/translate.js';
import type { Logger } from '../../../log.js';
import { BadBodyError, readJson, sendEmpty, sendFile, sendJson } from './http.js';
import { initDataOf, InitDataError, verifyInitData, type WebAppUser } from './init-data.js';
import { CONTENT_SECURITY_POLICY, loadPages, type Pages, type StaticFile } from './pages.js';
import { passwordForm, passwordSubmission } from './password-form.js';
import { MINI_APP_PATHS, PAGE_LOCALE_PARAM } from './paths.js';
import { loadUserTable } from './users-table.js';

export interface MiniAppOptions {
  /** Authorization, limits and every answer come from the engine; the Mini App only translates. */
  engine: Pick<
    Engine,
    'handle' | 'submitSecret' | 'pendingSecret' | 'admitFormRequest' | 'requireAdmin' | 'directoryPage'
  >;
  log: Logger;
  /** Init data is signed with a key derived from it. */
  botToken: string;
  /** Delivers replies to a person's private chat with the bot (the Telegram adapter's `sendTo`). */
  chat: { sendTo(userId: number, replies: LocalizedOutbound[]): Promise<void> };
  pages?: Pages;
  /** The deployment's DEFAULT_LOCALE (English unless set): a page's words when nothing names a language. */
  defaultLocale?: Locale;
}

const STALE = msg('miniapp-stale');
const LOCKED = msg('miniapp-locked');
const openUserBody = z.object({ userId: z.string().uuid() });

/** The update the engine would get had this person typed in their private chat with the bot. */
function originOf(user: WebAppUser): Inbound {
  return {
    platform: 'telegram',
    sender: {
      externalId: String(user.id),
      username: user.username,
      displayName: user.displayName,
      ...(user.languageCode ? { languageCode: user.languageCode } : {}),
    },
    chat: { id: String(user.id), isPrivate: true },
  };
}

/** The language a request asks for (a page sends its own); only its first, most wanted one counts. */
function acceptedLocale(req: IncomingMessage): Locale | undefined {
  return supportedLocale(req.headers['accept-language']?.split(',')[0]?.split(';')[0]);
}

/** What a form's next prompt shows: the flow's words since the submission (a refusal, then the ask). */
function noticeOf(replies: LocalizedOutbound[]): string {
  return replies.flatMap((r) => (r.type === 'text' || r.type === 'secretPrompt' ? [r.text] : [])).join('\n');
}

/**
 * The Telegram Mini App on the shared listener: the password form and the admin's user table, their
 * assets, and the JSON endpoints behind them. Every endpoint trusts only signed init data.
 */
export function miniAppRoute(options: MiniAppOptions): Route {
  const { engine, log, botToken, chat } = options;
  const pages = options.pages ?? loadPages();
  const defaultLocale = options.defaultLocale ?? 'en';
  const authenticate = (req: IncomingMessage) => verifyInitData(initDataOf(req), botToken);

  /** The language of an API answer: the page's, else the person's Telegram app's, else the default. */
  const localeOf = (req: IncomingMessage, user?: WebAppUser): Locale =>
    acceptedLocale(req) ?? supportedLocale(user?.languageCode) ?? defaultLocale;
  const refuse = (res: ServerResponse, status: number, error: Message, locale: Locale) =>
    sendJson(res, status, { error: translate(locale, error) });

  /** A page in the language of the chat reply whose button opened it (its link names it). */
  const page = (req: IncomingMessage, res: ServerResponse, url: URL, files: Record<Locale, StaticFile>) => {
    const locale = supportedLocale(url.searchParams.get(PAGE_LOCALE_PARAM)) ?? acceptedLocale(req);
    sendFile(res, files[locale ?? defaultLocale], { 'content-security-policy': CONTENT_SECURITY_POLICY });
  };

  /** The form asks what it is for before it shows its fields. */
  async function secretState(req: IncomingMessage, res: ServerResponse, nonce: string): Promise<void> {
    const user = authenticate(req);
    const locale = localeOf(req, user);
    if (!(await engine.admitFormRequest(originOf(user)))) return refuse(res, 429, LOCKED, locale);
    const purpose = await engine.pendingSecret(originOf(user), nonce);
    if (!purpose) return refuse(res, 409, STALE, locale);
    sendJson(res, 200, { purpose });
  }

  async function submitSecret(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = authenticate(req);
    const locale = localeOf(req, user);
    if (!(await engine.admitFormRequest(originOf(user)))) return refuse(res, 429, LOCKED, locale);
    const parsed = passwordSubmission.safeParse(await readJson(req));
    if (!parsed.success) return refuse(res, 400, msg('miniapp-bad-form'), locale);
    const outcome = await engine.submitSecret(originOf(user), parsed.data.nonce, passwordForm(parsed.data));
    if (outcome.kind !== 'taken') {
      // A refusal comes worded by the engine, in the person's language.
      return outcome.kind === 'stale'
        ? refuse(res, 409, STALE, locale)
        : sendJson(res, 422, { refusal: translate(locale, outcome.refusal) });
    }
    await chat
      .sendTo(user.id, outcome.replies)
      .catch((error: unknown) => log.error({ err: error }, 'delivering a form reply failed'));
    sendJson(
      res,
      200,
      outcome.next ? { done: false, ...outcome.next, notice: noticeOf(outcome.replies) } : { done: true },
    );
  }

  async function openUser(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = authenticate(req);
    // The admin's pages read the role from the record on every request.
    await engine.requireAdmin(originOf(user));
    const parsed = openUserBody.safeParse(await readJson(req));
    if (!parsed.success) return refuse(res, 400, msg('miniapp-no-such-row'), localeOf(req, user));
    // As if the admin had typed `/user <id>`: the panel, its buttons and its checks are the chat's.
    const replies = await engine.handle({
      ...originOf(user),
      command: { name: 'user', args: parsed.data.userId },
    });
    await chat.sendTo(user.id, replies);
    sendEmpty(res, 204);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      switch (url.pathname) {
        case MINI_APP_PATHS.password:
          return page(req, res, url, pages.password);
        case MINI_APP_PATHS.users:
          return page(req, res, url, pages.users);
        case MINI_APP_PATHS.secretApi:
          return secretState(req, res, url.searchParams.get('n') ?? '');
        case MINI_APP_PATHS.usersApi:
          return sendJson(res, 200, { rows: await loadUserTable(engine, originOf(authenticate(req))) });
      }
    }
    if (method === 'POST') {
      switch (url.pathname) {
        case MINI_APP_PATHS.secretApi:
          return submitSecret(req, res);
        case MINI_APP_PATHS.openUserApi:
          return openUser(req, res);
      }
    }
    const asset =
      method === 'GET' && url.pathname.startsWith(MINI_APP_PATHS.assets)
        ? pages.assets.get(url.pathname.slice(MINI_APP_PATHS.assets.length))
        : undefined;
    if (asset) return sendFile(res, asset);
    refuse(res, 404, msg('miniapp-not-found'), localeOf(req));
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/app/')) return false;
    try {
      await dispatch(req, res, url);
    } catch (error) {
      if (error instanceof InitDataError) {
        log.debug({ reason: error.reason }, 'mini app request without valid init data');
        refuse(res, 401, msg('miniapp-open-from-chat'), localeOf(req));
      } else if (error instanceof NotAdminError) {
        refuse(res, 403, msg('miniapp-admins-only'), localeOf(req));
      } else if (error instanceof BadBodyError) {
        const said = error.status === 413 ? msg('miniapp-body-too-large') : msg('miniapp-body-not-json');
        refuse(res, error.status, said, localeOf(req));
      } else throw error;
    }
    // The path only: the query carries a form's nonce, and bodies are never logged.
    log.debug({ method: req.method, path: url.pathname, status: res.statusCode }, 'mini app request');
    return true;
  };
}
