import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freshDatabase } from './support/db.js';
import { BENCH_REDIS_URL } from './support/redis.js';
import type { Sizes } from './support/sizes.js';
import { imageNodeFlags } from './support/image.js';
import { median } from './support/stats.js';
import { BOT_INFO, BOT_TOKEN } from './support/telegram.js';
import { WEBHOOK_PATH, WEBHOOK_SECRET } from './support/webhook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

/**
 * How the process is started: TypeScript through tsx (as the image did before), or the compiled
 * build with the image's node flags (the Dockerfile's CMD).
 */
const VARIANTS = [
  ['tsx', ['--import', 'tsx', 'src/main.ts']],
  ['dist', [...imageNodeFlags(), 'dist/src/main.js']],
] as const;

/** A Bot API that answers getMe with the bench bot and everything else (setWebhook, menus) with true. */
async function fakeBotApi(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const method = req.url?.split('/').pop() ?? '';
    req.resume();
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: true, result: method === 'getMe' ? BOT_INFO : true }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function residentMb(pid: number): Promise<number> {
  const { stdout } = await run('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim()) / 1024;
}

/** One start of the real main in webhook mode: milliseconds until `/readyz` says 200, and RSS then. */
async function startOnce(args: readonly string[], env: Record<string, string>) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'gatehouse-bench-')),
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const ms = performance.now() - started;
    return { ms, rssMb: await residentMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * Time from `node` to `/readyz` answering 200, and the resident memory then, of the real `src/main.ts`
 * in Telegram webhook mode on a migrated database and Redis: through tsx and compiled (`npm run
 * build`, run first). Medians of `starts` starts after one unmeasured start each (tsx's cache warm).
 */
export async function benchStartup(sizes: Sizes['startup']): Promise<Record<string, number>> {
  await run('npm', ['run', 'build'], { cwd: ROOT });
  const url = await freshDatabase('gatehouse_bench_engine');
  const api = await fakeBotApi();
  const env = {
    DATABASE_URL: url,
    REDIS_URL: BENCH_REDIS_URL,
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    TELEGRAM_WEBHOOK_URL: `https://bench.invalid${WEBHOOK_PATH}`,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    LOG_LEVEL: 'warn',
  };
  const results: Record<string, number> = {};
  try {
    for (const [name, args] of VARIANTS) {
      await startOnce(args, env);
      const samples = [];
      for (let i = 0; i < sizes.starts; i++) samples.push(await startOnce(args, env));
      results[`startup_readyz_ms_${name}`] = median(samples.map((s) => s.ms));
      results[`startup_rss_mb_${name}`] = median(samples.map((s) => s.rssMb));
    }
  } finally {
    api.server.close();
  }
  return results;
}
