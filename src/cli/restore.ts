import { restoreRecord } from '../store/restore.js';
import { describeRows } from './row-counts.js';
import { runWithRecord } from './run.js';

const USAGE = 'Usage: npm run restore <file>   (into an empty database: DATABASE_URL, or a new DATA_DIR)\n';

/**
 * Restores a backup into the empty record, brings it up to this version's schema and checks the
 * audit trail. Exits 1 with one line when it refuses, 2 when the restored trail does not verify.
 */
async function restore(file: string): Promise<number> {
  return runWithRecord(
    async ({ url, sql, store }) => {
      const { header, rows, applied } = await restoreRecord(url, sql, file);
      const { total, perTable } = describeRows(rows);
      process.stdout.write(
        `Restored ${total} rows at schema ${header.schemaVersion}, backed up at ${header.takenAt}:\n  ${perTable}\n` +
          (applied.length === 0 ? 'No newer migrations to apply.\n' : `Applied: ${applied.join(', ')}\n`),
      );
      const broken = await store.audit.firstBrokenAuditLink();
      const audited = await store.audit.countAudit();
      if (broken !== null) {
        process.stdout.write(`The restored audit trail is broken at row ${broken} (of ${audited}).\n`);
        return 2;
      }
      process.stdout.write(
        `The audit trail verifies: ${audited} rows, every hash links to the one before.\n`,
      );
      return 0;
    },
    process.env,
    { migrate: false },
  );
}

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (args.length !== 1 || args[0]!.startsWith('-')) {
    process.stderr.write(USAGE);
    return 1;
  }
  return restore(args[0]!);
}

// Exit explicitly: the embedded server's exit hooks would otherwise report success.
process.exit(await main(process.argv.slice(2)));
