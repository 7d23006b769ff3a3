import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call (or response_url post) the bot made. */
export interface SlackCall {
  method: string;
  body: Record<string, unknown>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

/** Form bodies carry nested values as JSON strings; they are parsed back so tests read plain objects. */
function parseBody(raw: Buffer, contentType: string): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json'))
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const body: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      try {
        body[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
      } catch {
        body[key] = value;
      }
    }
    return body;
  }
  return { raw: text };
}

/**
 * A local stand-in for Slack's Web API (`/api/<method>`), response URLs and file uploads, speaking
 * the wire format Bolt's client expects. It records every call.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  private server: Server | undefined;
  private nextId = 1;
  url = '';
  /** How long every call takes to be answered, as a slow Slack would (recorded when it arrives). */
  delayMs = 0;
  /** Calls received and not answered yet. */
  inFlight = 0;
  /**
   * `users.info` questions (the bot asks who someone is, it says nothing): kept apart from `calls`.
   * Users' locales are set in `locales` (Slack's default is en-US); a user in `failing` gets an error.
   */
  readonly lookups: SlackCall[] = [];
  readonly locales = new Map<string, string>();
  readonly failing = new Set<string>();

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const body = parseBody(await readBody(req), req.headers['content-type'] ?? '');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const method = path.startsWith('/api/') ? path.slice(5) : (path.split('/')[1] ?? path);
      // Bolt checks its token now and then; that is not something the bot says.
      if (method === 'users.info') this.lookups.push({ method, body });
      else if (method !== 'auth.test') this.calls.push({ method, body });
      this.inFlight += 1;
      if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      this.inFlight -= 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(this.answer(method, body)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A response_url for a slash command or button payload. */
  responseUrl(): string {
    return `${this.url}/respond/${this.nextId++}`;
  }

  /** Calls of one method since `from` (an index into `calls`). */
  since(from: number, method?: string): SlackCall[] {
    return this.calls.slice(from).filter((c) => method === undefined || c.method === method);
  }

  /** Like Slack: a user's `locale` only when `include_locale` is true (form bodies carry it as text). */
  private userInfo(body: Record<string, unknown>): Record<string, unknown> {
    const id = String(body.user ?? '');
    if (!id || this.failing.has(id)) return { ok: false, error: 'user_not_found' };
    const withLocale = body.include_locale === true || body.include_locale === 'true';
    return {
      ok: true,
      user: {
        id,
        name: id.toLowerCase(),
        is_bot: false,
        ...(withLocale ? { locale: this.locales.get(id) ?? 'en-US' } : {}),
      },
    };
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const id = this.nextId++;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', team_id: 'T1', bot_id: 'BBOT' };
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(body.users ?? 'X')}` } };
      case 'chat.postMessage':
        return { ok: true, channel: body.channel, ts: `${id}.000` };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${id}.000` };
      case 'users.info':
        return this.userInfo(body);
      case 'views.open':
        return { ok: true, view: { id: `V${id}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.url}/upload/F${id}`, file_id: `F${id}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: [{ id: 'F1' }] };
      default:
        return { ok: true };
    }
  }
}
