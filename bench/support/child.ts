import { execFile, fork, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

/**
 * A bench script run as a process of its own, talking over IPC: TypeScript through tsx, or with
 * `compiled` its build in `dist/bench/` run by node alone (see `buildForNode`).
 */
export class Child<Reply> {
  private readonly process: ChildProcess;
  private readonly waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void }[] = [];

  constructor(
    script: string,
    env: Record<string, string>,
    nodeFlags: string[] = [],
    options: { compiled?: boolean } = {},
  ) {
    const path = options.compiled
      ? new URL(`../../dist/bench/${script.replace(/\.ts$/, '.js')}`, import.meta.url)
      : new URL(`../${script}`, import.meta.url);
    this.process = fork(fileURLToPath(path), [], {
      execArgv: options.compiled ? nodeFlags : [...nodeFlags, '--import', 'tsx'],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.process.on('message', (message) => this.waiting.shift()?.resolve(message as Reply));
    this.process.on('exit', (code) => {
      for (const w of this.waiting.splice(0)) w.reject(new Error(`${script} exited with ${code}`));
    });
  }

  /** Sends a request and waits for the child's next message. */
  ask(request: unknown): Promise<Reply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (request !== undefined) this.process.send(request as object);
    });
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.send({ type: 'stop' });
    await exited;
  }
}

/** In a child: answers each request from the parent with `handle`'s result. */
export function serve(handle: (request: { type: string }) => Promise<unknown>): void {
  // A parent that dies (a benchmark interrupted) takes its children with it.
  process.on('disconnect', () => process.exit(1));
  process.on('message', (request: { type: string }) => {
    void handle(request).then(
      (reply) => process.send?.(reply ?? {}),
      (error: unknown) => {
        process.stderr.write(`bench child failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  });
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * `npm run build` (the app in `dist/`, as production runs it), then the bench scripts of
 * `bench/tsconfig.dist.json` compiled next to it in `dist/bench/`.
 */
export async function buildForNode(): Promise<void> {
  const run = promisify(execFile);
  await run('npm', ['run', 'build'], { cwd: ROOT });
  await run('npx', ['tsc', '-p', 'bench/tsconfig.dist.json'], { cwd: ROOT });
}
