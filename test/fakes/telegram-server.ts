import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Bot API call the bot made, its parameters as sent (JSON or the fields of a multipart form). */
export interface TelegramCall {
  method: string;
  params: Record<string, unknown>;
}

/** A message the bot sent, as Telegram keeps it: its plain text (entities rendered away) and keyboard. */
export interface SentMessage {
  chatId: string;
  messageId: number;
  text: string;
  replyMarkup?: unknown;
}

/** What a person reads of an HTML-parse-mode text. */
function plainOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** An inline keyboard with no buttons is none. */
function keyboardOf(markup: unknown): unknown {
  const rows = (markup as { inline_keyboard?: unknown[] } | undefined)?.inline_keyboard;
  return rows && rows.length > 0 ? markup : undefined;
}

type Failure = { error_code: number; description: string; parameters?: { retry_after?: number } };

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** Multipart fields as text; a file part is recorded by its filename and content. */
function parseMultipart(body: string, boundary: string): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const part of body.split(`--${boundary}`)) {
    const name = part.match(/;\s*name="?([^";\r\n]+)"?/)?.[1];
    if (!name) continue;
    const value = part.slice(part.indexOf('\r\n\r\n') + 4).replace(/\r\n$/, '');
    const filename = part.match(/filename="?([^";\r\n]+)"?/)?.[1];
    fields[name] = filename ? { filename, content: value } : value;
  }
  // A file travels as its own part, named by an `attach://<part>` value.
  for (const [key, value] of Object.entries(fields)) {
    const part = typeof value === 'string' ? value.match(/^attach:\/\/(.+)$/)?.[1] : undefined;
    if (part && part in fields) {
      fields[key] = fields[part];
      delete fields[part];
    }
  }
  return fields;
}

/**
 * A local Bot API server (`/bot<token>/<method>`) for the real grammY: records every call, answers
 * like Telegram, and fails chosen calls (429 with retry_after, 400 on deleteMessage, 403 on a DM).
 */
export class FakeTelegram {
  readonly calls: TelegramCall[] = [];
  private readonly failures: {
    method: string;
    failure: Failure;
    when?: (p: Record<string, unknown>) => boolean;
  }[] = [];
  private server: Server | undefined;
  private messageId = 100;
  /** Every message the bot sent, by `<chat>:<message id>`, as edits left it. */
  readonly messages = new Map<string, SentMessage>();
  private readonly updates: { update_id: number }[] = [];
  private wake: (() => void)[] = [];
  url = '';

  /** Queues an update for the bot's next getUpdates. */
  push(update: { update_id: number }): void {
    this.updates.push(update);
    for (const wake of this.wake.splice(0)) wake();
  }

  /** getUpdates: drops what the offset confirms, then waits up to `timeout` seconds for something new. */
  private async nextUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<unknown[]> {
    const offset = Number(params.offset ?? 0);
    while (this.updates.length > 0 && this.updates[0]!.update_id < offset) this.updates.shift();
    if (this.updates.length === 0 && Number(params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Number(params.timeout) * 1000);
        const done = () => (clearTimeout(timer), resolve());
        this.wake.push(done);
        res.once('close', done);
      });
    }
    return this.updates.slice(0, Number(params.limit ?? 100));
  }

  /** The next call of `method` (matching `when`) fails once with this answer. */
  failNext(method: string, failure: Failure, when?: (params: Record<string, unknown>) => boolean): void {
    this.failures.push({ method, failure, ...(when ? { when } : {}) });
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      const raw = await readBody(req);
      const type = req.headers['content-type'] ?? '';
      const boundary = type.match(/boundary=(.+)$/)?.[1];
      const params = boundary
        ? parseMultipart(raw, boundary)
        : raw
          ? (JSON.parse(raw) as Record<string, unknown>)
          : {};
      if (method === 'getUpdates') {
        const result = await this.nextUpdates(params, res);
        if (!res.destroyed)
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ok: true, result }));
        return;
      }
      const failing = this.failures.findIndex((f) => f.method === method && (!f.when || f.when(params)));
      this.calls.push({ method, params });
      if (failing >= 0) {
        const [taken] = this.failures.splice(failing, 1);
        res.writeHead(taken!.failure.error_code, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, ...taken!.failure }));
        return;
      }
      const refusal = this.refusedEdit(method, params);
      if (refusal) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 400, description: refusal }));
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, result: this.answer(method, params) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    for (const wake of this.wake.splice(0)) wake();
    this.server?.closeAllConnections();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The message `chat_id`/`message_id` name, as the bot left it. */
  message(chatId: number | string, messageId: number | string): SentMessage | undefined {
    return this.messages.get(`${String(chatId)}:${String(messageId)}`);
  }

  /** The newest message the bot sent to `chatId`. */
  lastMessageIn(chatId: number | string): SentMessage | undefined {
    return [...this.messages.values()].reverse().find((m) => m.chatId === String(chatId));
  }

  /** Telegram's refusals of an edit: a message it does not know, or one the edit would not change. */
  private refusedEdit(method: string, params: Record<string, unknown>): string | undefined {
    if (method !== 'editMessageText' && method !== 'editMessageReplyMarkup') return undefined;
    const sent = this.message(String(params.chat_id), String(params.message_id));
    if (!sent) return 'Bad Request: message to edit not found';
    const text = method === 'editMessageText' ? plainOf(String(params.text)) : sent.text;
    if (
      text === sent.text &&
      JSON.stringify(keyboardOf(params.reply_markup)) === JSON.stringify(sent.replyMarkup)
    )
      return 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
    return undefined;
  }

  private answer(method: string, params: Record<string, unknown>): unknown {
    switch (method) {
      case 'getMe':
        return {
          id: 1,
          is_bot: true,
          first_name: 'Gatehouse',
          username: 'gatehouse_test_bot',
          can_join_groups: true,
        };
      case 'sendMessage':
      case 'sendDocument': {
        const sent: SentMessage = {
          chatId: String(params.chat_id),
          messageId: ++this.messageId,
          text: plainOf(String(params.text ?? params.caption ?? '')),
          replyMarkup: keyboardOf(params.reply_markup),
        };
        this.messages.set(`${sent.chatId}:${sent.messageId}`, sent);
        return this.asMessage(sent);
      }
      case 'editMessageText':
      case 'editMessageReplyMarkup': {
        const sent = this.message(String(params.chat_id), String(params.message_id))!;
        if (method === 'editMessageText') sent.text = plainOf(String(params.text));
        // Telegram drops the keyboard of a text edit that names none.
        sent.replyMarkup = keyboardOf(params.reply_markup);
        return this.asMessage(sent);
      }
      default:
        return true;
    }
  }

  private asMessage(sent: SentMessage): unknown {
    const chatId = Number(sent.chatId);
    return {
      message_id: sent.messageId,
      date: 0,
      chat: { id: chatId, type: chatId < 0 ? 'group' : 'private' },
      text: sent.text,
      ...(sent.replyMarkup ? { reply_markup: sent.replyMarkup } : {}),
    };
  }
}
