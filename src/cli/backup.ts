import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { backupRecord } from '../store/backup.js';
import { describeRows } from './row-counts.js';
import { runWithRecord } from './run.js';

const USAGE = 'Usage: npm run backup [-- <file>]   (without a file the archive goes to stdout)\n';

/**
 * Writes a backup of the record to `file`, or to stdout, and says on stderr how many rows of which
 * tables it holds. A file is written under a temporary name, readable by its owner only, and
 * renamed when complete, so a file of that name is always a whole backup.
 */
async function backup(file: string | undefined): Promise<number> {
  return runWithRecord(
    async ({ sql }) => {
      const partial = file && `${file}.partial`;
      if (partial) await rm(partial, { force: true });
      const out = partial ? createWriteStream(partial, { mode: 0o600 }) : process.stdout;
      try {
        const { schemaVersion, rows, leftOut } = await backupRecord(sql, out);
        if (file && partial) await rename(partial, file);
        const { total, perTable } = describeRows(rows);
        process.stderr.write(
          `Backed up ${total} rows at schema ${schemaVersion} to ${file ?? 'stdout'}` +
            ` (left out: ${leftOut.join(', ') || 'nothing'}):\n  ${perTable}\n`,
        );
        return 0;
      } catch (error) {
        if (partial) await rm(partial, { force: true });
        throw error;
      }
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
  if (args.length > 1 || args[0]?.startsWith('-')) {
    process.stderr.write(USAGE);
    return 1;
  }
  if (args[0] === undefined && process.stdout.isTTY) {
    process.stderr.write(
      `A backup is compressed, not for a terminal: name a file or redirect stdout.\n${USAGE}`,
    );
    return 1;
  }
  return backup(args[0]);
}

// Exit explicitly: the embedded server's exit hooks would otherwise report success.
process.exit(await main(process.argv.slice(2)));
