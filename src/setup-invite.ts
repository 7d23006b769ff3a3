import { openCodeInConsole } from './adapters/console/console.js';
import { openCodeOnSlack } from './adapters/slack/translate.js';
import { openCodeOnTelegram } from './adapters/telegram/translate.js';
import { issueFirstStartInvite } from './domain/invites.js';
import type { Locale } from './i18n/locales.js';
import { msg } from './i18n/message.js';
import { translate } from './i18n/translate.js';
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

/**
 * What the operator does with an admin invite's payload, in each adapter's words, on each platform
 * this process serves; in `locale`, the deployment's DEFAULT_LOCALE.
 */
export function operatorInstructions(
  payload: string,
  platforms: ConfiguredPlatforms,
  locale: Locale,
): string[] {
  const lines = [
    ...(platforms.telegram
      ? [
          msg('adapters-setup-on-telegram', {
            how: openCodeOnTelegram(payload, platforms.telegram.username, locale),
          }),
        ]
      : []),
    ...(platforms.slack ? [msg('adapters-setup-on-slack', { how: openCodeOnSlack(payload, locale) })] : []),
    ...(platforms.console
      ? [msg('adapters-setup-in-console', { how: openCodeInConsole(payload, locale) })]
      : []),
  ];
  return lines.map((line) => `  ${translate(locale, line)}`);
}

/**
 * With no account in the record, prints the first admin's invite, or (when another live process
 * printed it) where to look instead, in `locale` (DEFAULT_LOCALE). Returns the release of the
 * printer's lock, if this process holds it.
 */
export async function printSetupInviteIfNeeded(
  store: Store,
  platforms: ConfiguredPlatforms,
  out: NodeJS.WritableStream,
  locale: Locale,
): Promise<(() => Promise<void>) | undefined> {
  const outcome = await issueFirstStartInvite(store);
  if (outcome.kind === 'not_needed') return undefined;
  const lines =
    outcome.kind === 'issued'
      ? [
          translate(locale, msg('adapters-setup-first-admin')),
          ...operatorInstructions(outcome.issued.payload, platforms, locale),
          translate(locale, msg('adapters-setup-new-any-time')),
        ]
      : [translate(locale, msg('adapters-setup-printed-elsewhere'))];
  out.write(['', ...lines, ''].join('\n') + '\n');
  return outcome.kind === 'issued' ? outcome.release : undefined;
}
