import type { Platform } from '../domain/enums.js';
import { chooseLocale, type Locale } from '../i18n/locales.js';
import type { Text } from '../i18n/message.js';
import type { Logger } from '../log.js';
import type { Store } from '../store/store.js';
import { localize, text, type NoticeSender } from './outbound.js';

/**
 * Notices for someone other than the asker (an admin changed their role): each connected adapter
 * registers how it reaches a person, and a notice goes to every chat the account is linked on.
 */
export class NoticeDesk {
  private readonly senders = new Map<Platform, NoticeSender>();

  constructor(private readonly log: Logger) {}

  register(platform: Platform, send: NoticeSender): void {
    this.senders.set(platform, send);
  }

  /**
   * Tells account `userId` `words`, worded in their own language (their saved choice, else
   * `fallback`). Call it once the change it tells of is committed; it never throws: a person the bot
   * cannot reach (no private chat yet, blocked) is only logged.
   */
  async tell(store: Store, userId: string, words: Text, fallback: Locale): Promise<void> {
    try {
      const [user, identities] = await Promise.all([
        store.users.getUserById(userId),
        store.identities.listIdentities(userId),
      ]);
      if (!user) return;
      const notice = localize(text(words), chooseLocale({ saved: user.locale, fallback }));
      await Promise.all(
        identities.map(async ({ platform, externalId }) => {
          const send = this.senders.get(platform);
          if (!send) return;
          await send(externalId, notice).catch((error: unknown) =>
            this.log.warn({ err: error, platform }, 'notice not delivered'),
          );
        }),
      );
    } catch (error) {
      this.log.warn({ err: error }, 'notice not sent');
    }
  }
}
