import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../domain/audit-chain.js';
import { describeVerification } from './audit-verify.js';
import { restoreRecord } from '../store/restore.js';
import { describeRows } from './row-counts.js';
import { runWithRecord } from './run.js';

const USAGE =
  'Usage: npm run restore [-- --no-upgrade] <file>   (into an empty database: DATABASE_URL, or a new DATA_DIR)\n' +
  "  --no-upgrade  leave the schema at the backup's version, for the older Gatehouse that wrote it\n";

/**
 * Restores a backup into the empty record, brings it up to this version's schema (unless `upgrade`
 * is false) and checks the audit trail with the key of this installation (AUDIT_KEY or
 * DATA_DIR/audit.key). Exits 1 with one line when it refuses, 2 when the restored trail does not verify.
 */
async function restore(file: string, upgrade: boolean): Promise<number> {
  return runWithRecord(
    async ({ url, sql, store }) => {
      const { header, rows, applied } = await restoreRecord(url, sql, file, { upgrade });
      const { total, perTable } = describeRows(rows);
      process.stdout.write(
        `Restored ${total} rows at schema ${header.schemaVersion}, backed up at ${header.takenAt}:\n  ${perTable}\n` +
          (!upgrade
            ? `Left at schema ${header.schemaVersion}: start the Gatehouse of that version on it.\n`
            : applied.length === 0
              ? 'No newer migrations to apply.\n'
              : `Applied: ${applied.join(', ')}\n`),
      );
      const verification = await verifyAuditChain(store);
      process.stdout.write(describeVerification(verification));
      return verification.broken.length === 0 ? 0 : 2;
    },
    process.env,
    { migrate: false, existingAuditKey: true },
  );
}

async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { 'no-upgrade': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(USAGE);
    return 1;
  }
  return restore(positionals[0]!, !values['no-upgrade']);
}

// Exit explicitly: the embedded server's exit hooks would otherwise report success.
process.exit(await main(process.argv.slice(2)));
