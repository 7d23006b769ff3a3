import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers next: a message (content and/or tool calls), an HTTP error, or silence. */
export type ScriptedAnswer =
  | { content?: string; toolCalls?: { name: string; arguments: string }[] }
  | { status: number }
  | { hang: true };

/** One chat completions request the client made. */
export interface RecordedRequest {
  model: string;
  messages: { role: string; content?: string | null }[];
  tools?: unknown[];
}

/**
 * A local OpenAI-compatible server (`POST /v1/chat/completions`) that replays scripted answers and
 * records every request, for the real `openai` SDK pointed at it with `baseURL`.
 */
export class FakeOpenAi {
  readonly requests: RecordedRequest[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private server: Server | undefined;
  url = '';

  /** Queues answers, used in order; with the queue empty it answers "ok". */
  answer(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  async start(): Promise<void> {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      this.requests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest);
      const next = this.script.shift() ?? { content: 'ok' };
      if ('hang' in next) return;
      if ('status' in next) {
        res.writeHead(next.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'scripted failure', type: 'server_error' } }));
        return;
      }
      const toolCalls = next.toolCalls?.map((call, i) => ({
        id: `call_${i}`,
        type: 'function',
        function: { name: call.name, arguments: call.arguments },
      }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: `chatcmpl-${this.requests.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'fake',
          choices: [
            {
              index: 0,
              finish_reason: toolCalls ? 'tool_calls' : 'stop',
              message: {
                role: 'assistant',
                content: next.content ?? null,
                ...(toolCalls ? { tool_calls: toolCalls } : {}),
              },
            },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
