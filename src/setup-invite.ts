import { createSetupInvite } from './domain/invites.js';
import type { Store } from './store/store.js';
import type { EngineSettings } from './engine/deps.js';

/** How a person opens an invite or reset payload on each platform. */
export function codeInstructions(
  payload: string,
  settings: Pick<EngineSettings, 'telegramBotUsername'>,
): string[] {
  return [
    ...(settings.telegramBotUsername
      ? [`  Telegram: https://t.me/${settings.telegramBotUsername}?start=${payload}`]
      : []),
    `  Anywhere else: send this code to the bot in a private chat: ${payload}`,
  ];
}

/** With no account in the record, creates the first admin's invite and prints it (only there, once). */
export async function printSetupInviteIfNeeded(
  store: Store,
  settings: Pick<EngineSettings, 'telegramBotUsername'>,
  out: NodeJS.WritableStream,
): Promise<boolean> {
  if ((await store.users.countUsers()) > 0) return false;
  const { payload } = await createSetupInvite(store);
  out.write(
    [
      '',
      'No account exists yet. Whoever opens this invite becomes the first admin:',
      ...codeInstructions(payload, settings),
      'It is valid for 7 days and works once. `npm run admin-invite` prints a new one.',
      '',
    ].join('\n') + '\n',
  );
  return true;
}
