import { auditKeyCreatedNotice, loadAuditKey } from '../audit-key.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { DomainError } from '../domain/errors.js';
import { RestoreRefusedError } from '../store/archive.js';
import { openRecord, type OpenedRecord } from '../store/open.js';
import { PRIVATE_UMASK } from '../private-files.js';
import { StartupError } from '../startup-error.js';

/**
 * Runs an operator command with the record open (and migrated, unless `migrate` is false; with
 * `existingAuditKey`, only under an audit key that exists already): prints
 * a one-line reason and exits 1 on a bad setting, a database it cannot use or a refusal a person
 * caused, and closes the record whatever happens.
 */
export async function runWithRecord(
  command: (record: OpenedRecord, config: Config) => Promise<number>,
  env: NodeJS.ProcessEnv = process.env,
  options: { migrate?: boolean; existingAuditKey?: boolean } = {},
): Promise<number> {
  let record: OpenedRecord | undefined;
  process.umask(PRIVATE_UMASK);
  try {
    const config = loadConfig(env);
    const key = await loadAuditKey(
      config,
      (file) => process.stderr.write(`${auditKeyCreatedNotice(file)}\n`),
      { create: !options.existingAuditKey },
    );
    record = await openRecord({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.DATA_DIR,
      audit: { key, erasure: config.AUDIT_ERASURE },
      maxConnections: 2,
      ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
    });
    return await command(record, config);
  } catch (error) {
    if (
      error instanceof ConfigError ||
      error instanceof StartupError ||
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
