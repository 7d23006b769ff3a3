import { openCodeInConsole } from './adapters/console/console.js';
import { openCodeOnSlack } from './adapters/slack/translate.js';
import { openCodeOnTelegram } from './adapters/telegram/translate.js';
import { issueFirstStartInvite } from './domain/invites.js';
import type { Store } from './store/store.js';
import type { Config } from './config.js';

/** The platforms this process serves, as the operator's banners name them. */
export interface ConfiguredPlatforms {
  /** Telegram, with the bot's username when known (for a deep link). */
  telegram?: { username: string | undefined };
  slack?: boolean;
  /** The chat in this terminal. */
  console?: boolean;
}

/** The platforms the settings enable; the terminal chat runs when none is. */
export function configuredPlatforms(
  config: Pick<Config, 'TELEGRAM_BOT_TOKEN' | 'SLACK_BOT_TOKEN'>,
  telegramUsername?: string,
): ConfiguredPlatforms {
  return {
    ...(config.TELEGRAM_BOT_TOKEN ? { telegram: { username: telegramUsername } } : {}),
    ...(config.SLACK_BOT_TOKEN ? { slack: true } : {}),
    ...(!config.TELEGRAM_BOT_TOKEN && !config.SLACK_BOT_TOKEN ? { console: true } : {}),
  };
}

/** What the operator does with an admin invite's payload, in each adapter's words, on each platform this process serves. */
export function operatorInstructions(payload: string, platforms: ConfiguredPlatforms): string[] {
  return [
    ...(platforms.telegram
      ? [`  Telegram: ${openCodeOnTelegram(payload, platforms.telegram.username)}`]
      : []),
    ...(platforms.slack ? [`  Slack: ${openCodeOnSlack(payload)}`] : []),
    ...(platforms.console ? [`  In the terminal chat: ${openCodeInConsole(payload)}`] : []),
  ];
}

/**
 * With no account in the record, prints the first admin's invite, or (when another live process
 * printed it) where to look instead. Returns the release of the printer's lock, if this process holds it.
 */
export async function printSetupInviteIfNeeded(
  store: Store,
  platforms: ConfiguredPlatforms,
  out: NodeJS.WritableStream,
): Promise<(() => Promise<void>) | undefined> {
  const outcome = await issueFirstStartInvite(store);
  if (outcome.kind === 'not_needed') return undefined;
  const lines =
    outcome.kind === 'issued'
      ? [
          'No account exists yet. Whoever opens this invite becomes the first admin (it works once, for 7 days):',
          ...operatorInstructions(outcome.issued.payload, platforms),
          '`npm run admin-invite` prints a new one at any time.',
        ]
      : [
          'No account exists yet. Another Gatehouse process sharing this database printed the first',
          "admin's invite; use that one, or run `npm run admin-invite` to print a new one.",
        ];
  out.write(['', ...lines, ''].join('\n') + '\n');
  return outcome.kind === 'issued' ? outcome.release : undefined;
}
