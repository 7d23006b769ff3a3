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

  /** Whether a notice can reach any of these chats (a platform whose adapter is connected). */
  canReach(identities: readonly { platform: Platform }[]): boolean {
    return identities.some((i) => this.senders.has(i.platform));
  }

  /**
   * Tells account `userId` `words`, worded in their own language (their saved choice, else
   * `fallback`), in every chat of theirs the bot reaches; resolves to how many it reached. Call it
   * once the change it tells of is committed; it never throws: a chat the bot cannot write to (no
   * private chat yet, blocked) is only logged.
   */
  async tell(store: Store, userId: string, words: Text, fallback: Locale): Promise<number> {
    try {
      const [user, identities] = await Promise.all([
        store.users.getUserById(userId),
        store.identities.listIdentities(userId),
      ]);
      if (!user) return 0;
      const notice = localize(text(words), chooseLocale({ saved: user.locale, fallback }));
      const reached = await Promise.all(
        identities.map(async ({ platform, externalId }) => {
          const send = this.senders.get(platform);
          if (!send) return false;
          return send(externalId, notice).then(
            () => true,
            (error: unknown) => {
              this.log.warn({ err: error, platform }, 'notice not delivered');
              return false;
            },
          );
        }),
      );
      return reached.filter(Boolean).length;
    } catch (error) {
      this.log.warn({ err: error }, 'notice not sent');
      return 0;
    }
  }
}
