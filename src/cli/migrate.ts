import { runWithRecord } from './run.js';

process.exitCode = await runWithRecord(async (record) => {
  const { applied } = record;
  process.stdout.write(applied.length === 0 ? 'The schema is up to date.\n' : `Applied: ${applied.join(', ')}\n`);
  return 0;
});
