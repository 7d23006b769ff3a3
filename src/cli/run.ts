import { ConfigError, loadConfig, type Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { RestoreRefusedError } from '../store/archive.js';
import { openRecord, type OpenedRecord } from '../store/open.js';

/**
 * Runs an operator command with the record open (and migrated, unless `migrate` is false): prints
 * a one-line reason and exits 1 on a bad setting or a refusal a person caused, and closes the
 * record whatever happens.
 */
export async function runWithRecord(
  command: (record: OpenedRecord, config: Config) => Promise<number>,
  env: NodeJS.ProcessEnv = process.env,
  options: { migrate?: boolean } = {},
): Promise<number> {
  let record: OpenedRecord | undefined;
  try {
    const config = loadConfig(env);
    record = await openRecord({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      maxConnections: 2,
      ...options,
    });
    return await command(record, config);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof DomainError ||
      error instanceof RestoreRefusedError
    ) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`Failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  } finally {
    await record?.close();
  }
}
