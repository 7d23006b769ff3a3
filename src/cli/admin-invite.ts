import { createAdminInvite } from '../domain/invites.js';
import { msg } from '../i18n/message.js';
import { translate } from '../i18n/translate.js';
import { configuredPlatforms, operatorInstructions } from '../setup-invite.js';
import { runWithRecord } from './run.js';

const code = await runWithRecord(async ({ store }, config) => {
  const { payload } = await createAdminInvite(store);
  process.stdout.write(
    [
      translate(config.DEFAULT_LOCALE, msg('adapters-setup-new-invite')),
      ...operatorInstructions(payload, configuredPlatforms(config), config.DEFAULT_LOCALE),
      '',
    ].join('\n'),
  );
  return 0;
});
process.exit(code);
