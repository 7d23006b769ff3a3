/** How long a user's language is kept, and how many users' are: Slack is asked now and then, not per update. */
const KEEP_MS = 10 * 60_000;
/** A failed question is asked again sooner, so a short outage does not hide someone's language for long. */
const KEEP_FAILED_MS = 60_000;
const USERS_MAX = 10_000;

/** Asks Slack for a user's locale (`users.info` with `include_locale`); undefined when it gave none. */
export type LocaleLookup = (userId: string) => Promise<string | undefined>;

/**
 * Slack users' languages (their locale, e.g. "es-ES"), kept per user for a while in a bounded map.
 * A lookup that fails gives no language: an update is never held up or failed by it.
 */
export class UserLocales {
  private readonly known = new Map<string, { locale: string | undefined; until: number }>();

  constructor(
    private readonly lookup: LocaleLookup,
    private readonly now: () => number = Date.now,
  ) {}

  async of(userId: string): Promise<string | undefined> {
    const at = this.now();
    const kept = this.known.get(userId);
    if (kept && kept.until > at) return kept.locale;
    let locale: string | undefined;
    let keepMs = KEEP_MS;
    try {
      locale = await this.lookup(userId);
    } catch {
      keepMs = KEEP_FAILED_MS;
    }
    this.known.delete(userId);
    // The oldest entry goes first: a Map iterates in insertion order.
    const oldest = this.known.size >= USERS_MAX ? this.known.keys().next().value : undefined;
    if (oldest !== undefined) this.known.delete(oldest);
    this.known.set(userId, { locale, until: at + keepMs });
    return locale;
  }
}
