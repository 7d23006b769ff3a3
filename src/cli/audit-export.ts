import { streamAuditCsv } from '../domain/audit.js';
import { runWithRecord } from './run.js';

const code = await runWithRecord(async ({ store }) => {
  const rows = await streamAuditCsv(store, process.stdout);
  process.stderr.write(`Exported ${rows} audit rows, oldest first.\n`);
  return 0;
});
process.exit(code);
