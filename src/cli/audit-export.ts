import { userInfo } from 'node:os';
import { streamAuditCsv } from '../domain/audit.js';
import { runWithRecord } from './run.js';

/** Who runs this on the server, as the audit row names them. */
function operatorName(): string {
  try {
    return userInfo().username;
  } catch {
    // A container user may have no passwd entry.
    return `uid ${process.getuid?.() ?? 'unknown'}`;
  }
}

const code = await runWithRecord(async ({ store }) => {
  const rows = await streamAuditCsv(store, process.stdout, { operator: operatorName() });
  process.stderr.write(`Exported ${rows} audit rows, oldest first (audited as audit.exported).\n`);
  return 0;
});
process.exit(code);
