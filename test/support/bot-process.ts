import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const BOT_TOKEN = '123456:TEST-token-abcdefghijklmnop';
export const WEBHOOK_SECRET = 'crash-test-secret-0123';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The real `src/main.ts` as a child process in Telegram webhook mode, fed updates over HTTP: what an
 * operator runs, so a test can `kill -9` it mid-flow and start it again.
 */
export class BotProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];
  port = 0;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gatehouse-bot-')),
        TELEGRAM_BOT_TOKEN: BOT_TOKEN,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/hook',
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
        PORT: String(this.port),
        LOG_LEVEL: 'info',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    for (let i = 0; i < 300; i++) {
      if (this.child.exitCode !== null) throw new Error(`the bot exited:\n${this.output.join('')}`);
      const ok = await fetch(`http://127.0.0.1:${this.port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the bot did not come up:\n${this.output.join('')}`);
  }

  /** Posts one update as Telegram would; resolves with the HTTP status once the bot answered. */
  async post(update: Record<string, unknown>): Promise<number> {
    const response = await fetch(`http://127.0.0.1:${this.port}/telegram/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    return response.status;
  }

  /** `kill -9`: no shutdown hook runs. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
