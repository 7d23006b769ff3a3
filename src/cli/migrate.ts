import { runWithRecord } from './run.js';

const code = await runWithRecord(async (record) => {
  const { applied } = record;
  process.stdout.write(
    applied.length === 0 ? 'The schema is up to date.\n' : `Applied: ${applied.join(', ')}\n`,
  );
  return 0;
});
process.exit(code);
