import { runWithRecord } from './run.js';

const code = await runWithRecord(async ({ store }) => {
  const broken = await store.audit.firstBrokenAuditLink();
  const rows = await store.audit.countAudit();
  if (broken === null) {
    process.stdout.write(`The audit trail verifies: ${rows} rows, every hash links to the one before.\n`);
    return 0;
  }
  process.stdout.write(
    `The audit trail is broken at row ${broken} (of ${rows}): that row or the one before it was changed.\n`,
  );
  return 2;
});
process.exit(code);
