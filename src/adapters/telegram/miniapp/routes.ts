import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { NotAdminError } from '../../../domain/errors.js';
import type { Engine } from '../../../engine/engine.js';
import type { Inbound } from '../../../engine/inbound.js';
import type { LocalizedOutbound } from '../../../engine/outbound.js';
import type { Route } from '../../../http/server.js';
import type { Logger } from '../../../log.js';
import { BadBodyError, readJson, sendEmpty, sendFile, sendJson } from './http.js';
import { initDataOf, InitDataError, verifyInitData, type WebAppUser } from './init-data.js';
import { CONTENT_SECURITY_POLICY, loadPages, type Pages, type StaticFile } from './pages.js';
import { passwordForm, passwordSubmission } from './password-form.js';
import { MINI_APP_PATHS } from './paths.js';
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
}

const STALE =
  'This form is no longer current (it was used already, or a newer step replaced it). Go back to the chat.';
const LOCKED = 'Too many attempts. Please wait a quarter of an hour and try again.';
const openUserBody = z.object({ userId: z.string().uuid() });

/** The update the engine would get had this person typed in their private chat with the bot. */
function originOf(user: WebAppUser): Inbound {
  return {
    platform: 'telegram',
    sender: { externalId: String(user.id), username: user.username, displayName: user.displayName },
    chat: { id: String(user.id), isPrivate: true },
  };
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
  const authenticate = (req: IncomingMessage) => verifyInitData(initDataOf(req), botToken);

  const page = (res: ServerResponse, file: StaticFile) =>
    sendFile(res, file, { 'content-security-policy': CONTENT_SECURITY_POLICY });

  /** The form asks what it is for before it shows its fields. */
  async function secretState(req: IncomingMessage, res: ServerResponse, nonce: string): Promise<void> {
    const user = authenticate(req);
    if (!(await engine.admitFormRequest(originOf(user)))) return sendJson(res, 429, { error: LOCKED });
    const purpose = await engine.pendingSecret(originOf(user), nonce);
    if (!purpose) return sendJson(res, 409, { error: STALE });
    sendJson(res, 200, { purpose });
  }

  async function submitSecret(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const user = authenticate(req);
    if (!(await engine.admitFormRequest(originOf(user)))) return sendJson(res, 429, { error: LOCKED });
    const parsed = passwordSubmission.safeParse(await readJson(req));
    if (!parsed.success) return sendJson(res, 400, { error: 'The form was not filled in as expected.' });
    const outcome = await engine.submitSecret(originOf(user), parsed.data.nonce, passwordForm(parsed.data));
    if (outcome.kind !== 'taken') {
      return outcome.kind === 'stale'
        ? sendJson(res, 409, { error: STALE })
        : sendJson(res, 422, { refusal: outcome.refusal });
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
    if (!parsed.success) return sendJson(res, 400, { error: 'No such row.' });
    // As if the admin had typed `/user <id>`: the panel, its buttons and its checks are the chat's.
    const replies = await engine.handle({
      ...originOf(user),
      command: { name: 'user', args: parsed.data.userId },
    });
    await chat.sendTo(user.id, replies);
    sendEmpty(res, 204);
  }

  async function dispatch(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const route = `${req.method ?? 'GET'} ${url.pathname}`;
    switch (route) {
      case `GET ${MINI_APP_PATHS.password}`:
        return page(res, pages.password);
      case `GET ${MINI_APP_PATHS.users}`:
        return page(res, pages.users);
      case `GET ${MINI_APP_PATHS.secretApi}`:
        return secretState(req, res, url.searchParams.get('n') ?? '');
      case `POST ${MINI_APP_PATHS.secretApi}`:
        return submitSecret(req, res);
      case `GET ${MINI_APP_PATHS.usersApi}`:
        return sendJson(res, 200, { rows: await loadUserTable(engine, originOf(authenticate(req))) });
      case `POST ${MINI_APP_PATHS.openUserApi}`:
        return openUser(req, res);
    }
    const asset =
      req.method === 'GET' && url.pathname.startsWith(MINI_APP_PATHS.assets)
        ? pages.assets.get(url.pathname.slice(MINI_APP_PATHS.assets.length))
        : undefined;
    if (asset) return sendFile(res, asset);
    sendJson(res, 404, { error: 'not found' });
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (!url.pathname.startsWith('/app/')) return false;
    try {
      await dispatch(req, res, url);
    } catch (error) {
      if (error instanceof InitDataError) {
        log.debug({ reason: error.reason }, 'mini app request without valid init data');
        sendJson(res, 401, { error: 'Open this page from its button in your Telegram chat with the bot.' });
      } else if (error instanceof NotAdminError) {
        sendJson(res, 403, { error: 'Only admins can see this.' });
      } else if (error instanceof BadBodyError) {
        sendJson(res, error.status, { error: error.message });
      } else throw error;
    }
    // The path only: the query carries a form's nonce, and bodies are never logged.
    log.debug({ method: req.method, path: url.pathname, status: res.statusCode }, 'mini app request');
    return true;
  };
}
