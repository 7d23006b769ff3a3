import { createAdminInvite } from '../domain/invites.js';
import { configuredPlatforms, operatorInstructions } from '../setup-invite.js';
import { runWithRecord } from './run.js';

const code = await runWithRecord(async ({ store }, config) => {
  const { payload } = await createAdminInvite(store);
  process.stdout.write(
    [
      'A new admin invite (valid 7 days, works once):',
      ...operatorInstructions(payload, configuredPlatforms(config), config.DEFAULT_LOCALE),
      '',
    ].join('\n'),
  );
  return 0;
});
process.exit(code);
