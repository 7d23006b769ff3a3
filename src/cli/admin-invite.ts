import { createAdminInvite } from '../domain/invites.js';
import { codeInstructions } from '../setup-invite.js';
import { runWithRecord } from './run.js';

const code = await runWithRecord(async ({ store }) => {
  const { payload } = await createAdminInvite(store);
  process.stdout.write(
    [
      'A new admin invite (valid 7 days, works once):',
      ...codeInstructions(payload, { telegramBotUsername: undefined }),
      '',
    ].join('\n'),
  );
  return 0;
});
// Exit explicitly: the embedded server's exit hooks would otherwise report success.
process.exit(code);
