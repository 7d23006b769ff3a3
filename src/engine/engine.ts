import { resolveIdentity } from '../domain/accounts.js';
import { activeAdminIds, activeRoleOf, requireActiveAdmin } from '../domain/actors.js';
import type { Platform, Role } from '../domain/enums.js';
import { NotAdminError } from '../domain/errors.js';
import { listDirectory, touchLastSeen, type DirectoryPage } from '../domain/users.js';
import type { Store } from '../store/store.js';
import { commandNameOf, findCommand } from './commands/index.js';
import { withoutNul } from './sanitize.js';
import type { EngineDeps } from './deps.js';
import { conversationKey, type Inbound } from './inbound.js';
import { admitFormRequest } from './limits.js';
import { localize, text, type LocalizedOutbound, type NoticeSender, type Outbound } from './outbound.js';
import { chooseLocale, type Locale } from '../i18n/locales.js';
import { translate } from '../i18n/translate.js';
import { msg } from '../i18n/message.js';
import { APOLOGY, SESSION_STORE_AWAY } from './replies.js';
import { SessionStoreUnavailableError, type HeldSession } from '../store/sessions.js';
import { nonceMatches, type SecretForm, type SecretOutcome } from './secrets.js';
import type { SecretPurpose } from '../../flows/types.js';
import { Turn, type SessionData } from './turn.js';
import { localeOf } from './turn-scope.js';
import type { UserRow } from '../store/users.js';
import { restingSecretWait } from './secret-input.js';
import { NoticeDesk } from './notices.js';

/** Renewed while an update runs; after a crash the conversation waits at most this long. */
const LOCK_TTL_MS = 6_000;

const LOCK_WAIT_MS = 60_000;
/**
 * A speaker's account read this soon before the conversation's lock was taken may stand in for a
 * read under it (see `usableEarlyRead`). A holder that died wrote last at least two thirds of
 * LOCK_TTL_MS before its lock expired (it renews every third), far longer than this.
 */
const EARLY_READ_TRUSTED_MS = 1_000;
/** Speakers whose role `rolesJustRead` keeps at most (they are asked for at once, or never). */
const ROLES_KEPT_MAX = 1_000;

/**
 * The platform-neutral heart: one update in, replies out. Updates of one conversation are handled
 * one at a time (a lock in the session store), also across processes.
 */
export class Engine {
  private readonly local = new Map<string, Promise<unknown>>();
  /**
   * The role each speaker's latest update here left them with (undefined: no active account), until
   * `roleOf` asks once; bounded, as adapters without menus never ask.
   */
  private readonly rolesJustRead = new Map<string, Role | undefined>();
  /** What a turn works with: `deps`, with the agents a speaker may use kept while access is unchanged. */
  private readonly turnDeps: EngineDeps;

  readonly deps: EngineDeps;

  constructor(deps: EngineDeps) {
    this.deps = deps.notices ? deps : { ...deps, notices: new NoticeDesk(deps.log) };
    this.turnDeps = { ...this.deps, store: withKeptAccess(deps.store) };
  }

  /** How an adapter reaches its platform's people privately, for notices about their account. */
  sendNoticesOn(platform: Platform, send: NoticeSender): void {
    this.deps.notices?.register(platform, send);
  }

  async handle(update: Inbound): Promise<LocalizedOutbound[]> {
    const asked = withoutNul(update);
    const inbound = inPrivateChat(asked) ?? asked;
    const key = conversationKey(inbound);
    const started = performance.now();
    const { metrics } = this.deps;
    const stateless = isStateless(inbound);
    // Behind an earlier update of the conversation here, an early read could only be stale.
    const early =
      this.deps.sessions.tellsWhenLockFreed && !this.local.has(key)
        ? this.startSpeakerRead(inbound)
        : undefined;
    return this.serialized(key, { stateless }, async (held, lockless) => {
      try {
        const { replies, locale } = await this.process(
          held,
          inbound,
          (turn) => turn.run({ fromAnotherChat: inbound !== asked }),
          early && this.usableEarlyRead(early, held, lockless),
        );
        const seconds = (performance.now() - started) / 1000;
        metrics?.updateHandled(inbound.platform, 'ok', seconds);
        // What kind of update it was, never what it said: texts may hold passwords.
        this.deps.log.debug(
          {
            platform: inbound.platform,
            command: inbound.command?.name,
            kind: kindOf(inbound),
            ms: seconds * 1000,
          },
          'update handled',
        );
        const answered = inbound === asked ? replies : withGroupNotice(asked, replies.map(sentPrivately));
        return answered.map((reply) => localize(reply, locale));
      } catch (error) {
        return this.failed(inbound, error, started);
      }
    }).catch((error: unknown) => this.failed(inbound, error, started));
  }

  /** The answer to an update that failed: a short apology, or what can be done while the session store is away. */
  private async failed(inbound: Inbound, error: unknown, started: number): Promise<LocalizedOutbound[]> {
    const storeAway = error instanceof SessionStoreUnavailableError;
    this.deps.log[storeAway ? 'warn' : 'error'](
      { err: error, platform: inbound.platform, chat: inbound.chat.id },
      // i18n-exempt: a log line
      'update failed',
    );
    this.deps.metrics?.failed('update');
    const answered = storeAway ? await this.withoutSessionStore(inbound) : undefined;
    this.deps.metrics?.updateHandled(
      inbound.platform,
      answered ? 'ok' : 'failed',
      (performance.now() - started) / 1000,
    );
    return (
      answered ?? [localize(text(storeAway ? SESSION_STORE_AWAY : APOLOGY), this.platformLocale(inbound))]
    );
  }

  /**
   * With the session store away, a command that needs no conversation state is still answered from
   * the record (no lock, nothing saved); undefined for anything else.
   */
  private async withoutSessionStore(inbound: Inbound): Promise<LocalizedOutbound[] | undefined> {
    if (!isStateless(inbound)) return undefined;
    try {
      const { replies, locale } = await this.process(undefined, inbound, (turn) => turn.run());
      return replies.map((reply) => localize(reply, locale));
    } catch (error) {
      this.deps.log.error({ err: error, platform: inbound.platform }, 'update failed without sessions');
      return undefined;
    }
  }

  /**
   * A secret from a private web form (Telegram's Mini App), fed to the conversation's flow as if
   * typed, but only while the prompt whose link carried `nonce` is current; the nonce is then used up.
   * `origin` names the sender and chat as an update would (its content fields are ignored).
   */
  async submitSecret(origin: Inbound, nonce: string, form: SecretForm): Promise<SecretOutcome> {
    const key = conversationKey(origin);
    return this.serialized(key, {}, async (held) => {
      const { result, replies, locale } = await this.process(held, origin, (turn) =>
        turn.submit(nonce, form),
      );
      if (result.kind === 'taken') return { ...result, replies: replies.map((r) => localize(r, locale)) };
      return result.kind === 'refused' ? { ...result, refusal: translate(locale, result.refusal) } : result;
    });
  }

  /**
   * The purpose the conversation's flow waits for, if `nonce` is its current prompt's and the chat
   * still maps to the flow's owner; changes nothing.
   */
  async pendingSecret(origin: Inbound, nonce: string): Promise<SecretPurpose | undefined> {
    const [user, stored] = await Promise.all([
      resolveIdentity(this.deps.store, { platform: origin.platform, externalId: origin.sender.externalId }),
      this.deps.sessions.load(conversationKey(origin)),
    ]);
    const flow = parseSession(stored?.data).flow;
    return flow?.awaitsSecret &&
      flow.owner === (user?.id ?? null) &&
      flow.secretNonce &&
      nonceMatches(flow.secretNonce, nonce)
      ? flow.awaitsSecret
      : undefined;
  }

  /**
   * Counts one request to a private web form (Telegram's Mini App) by `origin`'s sender before it is
   * served; false once they used up the form limit's window.
   */
  admitFormRequest(origin: Inbound): Promise<boolean> {
    return admitFormRequest(this.deps, { platform: origin.platform, externalId: origin.sender.externalId });
  }

  /**
   * The id of the active admin `origin`'s sender is, read from the record now (a web page asks on
   * every request); NotAdminError for anyone else.
   */
  async requireAdmin(origin: Inbound): Promise<string> {
    const who = { platform: origin.platform, externalId: origin.sender.externalId };
    const account = await resolveIdentity(this.deps.store, who);
    if (!account) throw new NotAdminError();
    return (await requireActiveAdmin(this.deps.store, account.id)).id;
  }

  /** One page of the admin's directory (accounts and open invites) for `origin`; NotAdminError unless an admin's. */
  async directoryPage(origin: Inbound, page: { limit: number; after?: string }): Promise<DirectoryPage> {
    return listDirectory(this.deps.store, { actorId: await this.requireAdmin(origin), ...page });
  }

  /**
   * The role of the active account behind a chat identity, for what an adapter shows (a command
   * menu); never for authorization, which every update reads again.
   */
  roleOf(platform: Platform, externalId: string): Promise<Role | undefined> {
    // An adapter asks right after the person's update, which has just read their account: that
    // answer serves once, instead of a second read of the same row.
    const key = `${platform}:${externalId}`;
    if (this.rolesJustRead.has(key)) {
      const role = this.rolesJustRead.get(key);
      this.rolesJustRead.delete(key);
      return Promise.resolve(role);
    }
    return activeRoleOf(this.deps.store, { platform, externalId });
  }

  private noteRole(inbound: Inbound, user: UserRow | undefined): void {
    if (this.rolesJustRead.size >= ROLES_KEPT_MAX) this.rolesJustRead.clear();
    this.rolesJustRead.set(
      `${inbound.platform}:${inbound.sender.externalId}`,
      user?.status === 'active' ? user.role : undefined,
    );
  }

  /** The chat ids on `platform` of every active admin, for what an adapter shows them. */
  adminChatIds(platform: Platform): Promise<string[]> {
    return activeAdminIds(this.deps.store, platform);
  }

  /** The language of someone the record was not asked about: their platform's, else the default. */
  private platformLocale(inbound: Inbound): Locale {
    return chooseLocale({
      platform: inbound.sender.languageCode,
      fallback: this.deps.settings.defaultLocale,
    });
  }

  /**
   * Runs `work` after the conversation's earlier updates in this process, under its lock, with the
   * state read under it. A `stateless` update (one that starts and ends no flow) in a conversation
   * with no state takes no lock: see `unlockedIfIdle`.
   */
  private async serialized<T>(
    key: string,
    options: { stateless?: boolean },
    work: (held: HeldSession, lockless: boolean) => Promise<T>,
  ): Promise<T> {
    const previous = this.local.get(key) ?? Promise.resolve();
    const locked = async () => {
      const unlocked = options.stateless ? await this.unlockedIfIdle(key) : undefined;
      const held = unlocked ?? (await this.acquire(key));
      try {
        return await work(held, unlocked !== undefined);
      } finally {
        await held.release();
      }
    };
    const run = previous.then(locked, locked);
    this.local.set(key, run);
    try {
      return await run;
    } finally {
      if (this.local.get(key) === run) this.local.delete(key);
    }
  }

  /**
   * The lock exists so that updates of one conversation never interleave their reads and writes of
   * its state. An update that starts and ends no flow, in a conversation that has none, reads nothing
   * another update could change under it and writes nothing (the speaker's account and rights are
   * read from the record on every update, with or without the lock), so it needs none: one read of
   * the state tells. With a flow there it takes the lock like any other update (a secret prompt it
   * shows again saves a fresh nonce). Should it leave state after all, the save is still the
   * compare-and-set against the version read, so it never overwrites a newer state.
   */
  private async unlockedIfIdle(key: string): Promise<HeldSession | undefined> {
    const { sessions } = this.deps;
    const stored = await sessions.load(key);
    if (stored?.data) return undefined;
    return {
      stored,
      saveAndRelease: (data, ttlSeconds) => sessions.save(key, data, stored?.version ?? 0, ttlSeconds),
      release: async () => undefined,
    };
  }

  /** The account of the update's speaker, as the record has it now. */
  private readSpeaker(inbound: Inbound): Promise<UserRow | undefined> {
    return resolveIdentity(this.deps.store, {
      platform: inbound.platform,
      externalId: inbound.sender.externalId,
      username: inbound.sender.username,
    });
  }

  /** The speaker's account, read as their update arrives, before any lock is asked for. */
  private startSpeakerRead(inbound: Inbound): EarlyRead {
    const startedAt = performance.now();
    const user = this.readSpeaker(inbound);
    // Unused, its failure is nobody's; used, it is awaited and handled like any read.
    user.catch(() => undefined);
    return { startedAt, user };
  }

  /**
   * The early read of the speaker's account, where it is as good as a read under the lock: the lock
   * was free since before that read began, so every earlier holder's writes (a claim that linked
   * this chat, a logout that unlinked it) had committed before it; undefined where it must be read
   * again. An update that took no lock (`unlockedIfIdle`) is ordered after nothing: its early read
   * serves as its read. Either way the account is read after the update arrived, so a change made
   * elsewhere before then (a revocation) is seen.
   */
  private usableEarlyRead(
    early: EarlyRead,
    held: HeldSession,
    lockless: boolean,
  ): Promise<UserRow | undefined> | undefined {
    if (lockless) return early.user;
    const since = performance.now() - early.startedAt;
    const freeFor = held.freeForMs;
    return freeFor !== undefined && freeFor > since && since < EARLY_READ_TRUSTED_MS ? early.user : undefined;
  }

  private async acquire(key: string): Promise<HeldSession> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
      const held = await this.deps.sessions.lockAndLoad(key, LOCK_TTL_MS);
      if (held) return held;
      if (Date.now() > deadline) throw new Error('conversation lock not acquired in time');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  /**
   * One update's turn on the state `held` read (none: the session store is away, nothing is saved),
   * by the speaker's account as `readEarly` found it, else as read now.
   */
  private async process<T>(
    held: HeldSession | undefined,
    inbound: Inbound,
    work: (turn: Turn) => Promise<T>,
    readEarly?: Promise<UserRow | undefined>,
  ): Promise<{ result: T; replies: Outbound[]; locale: Locale }> {
    const { store } = this.deps;
    const user = await (readEarly ?? this.readSpeaker(inbound));
    const stored = held?.stored;
    const session = parseSession(stored?.data);
    const turn = new Turn(this.turnDeps, inbound, user, session);
    const result = await work(turn);
    const replies = turn.replies;
    const ttlSeconds = restingSecretWait(turn.session, this.deps.settings.sessionTtlSeconds);
    // No flow left: the state is ended by the same compare-and-set, never deleted blindly.
    const data = turn.session.flow ? JSON.stringify(turn.session) : '';
    if (held && data !== (stored?.data ?? '')) {
      const saved = await held.saveAndRelease(data, ttlSeconds);
      // Ending a state that was ended meanwhile (this very chat unlinked by its step) is no news.
      if (!saved && data !== '')
        this.deps.log.warn(
          { platform: inbound.platform },
          'session changed under the lock; kept the newer one',
        );
    }
    if (user) void touchLastSeen(store, user).catch(() => undefined);
    this.noteRole(inbound, turn.user);
    const locale = localeOf({ deps: this.deps, inbound, user: turn.user });
    return { result, replies: withGroupNotice(inbound, replies), locale };
  }
}

/** The speaker's account, asked for when their update arrived. */
interface EarlyRead {
  startedAt: number;
  user: Promise<UserRow | undefined>;
}

/**
 * The record, with the agents a person may use kept from an earlier update while the record's access
 * epoch is unchanged (src/store/access-epoch.ts): every update reads the epoch with its speaker's
 * account before anything else, so a change of access applies at the next message, across processes.
 */
function withKeptAccess(store: Store): Store {
  return { ...store, agents: { ...store.agents, listVisibleAgents: store.agents.listVisibleAgentsKept } };
}

/** A command that starts and ends no flow (`stateless` in its spec). */
function isStateless(inbound: Inbound): boolean {
  const name = commandNameOf(inbound);
  return name !== undefined && findCommand(name)?.stateless === true;
}

function kindOf(inbound: Inbound): 'command' | 'button' | 'form' | 'text' {
  if (inbound.command) return 'command';
  if (inbound.action !== undefined) return 'button';
  return inbound.secret !== undefined ? 'form' : 'text';
}

function parseSession(data: string | undefined): SessionData {
  if (!data) return {};
  try {
    const parsed = JSON.parse(data) as SessionData;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * A command whose answer is for the asker alone (`answersPrivately`), asked in a group whose replies
 * everyone sees, runs as if sent in the asker's private chat: a panel's buttons then work there.
 */
function inPrivateChat(inbound: Inbound): Inbound | undefined {
  const privateChat = inbound.sender.privateChatId;
  const name = commandNameOf(inbound);
  if (inbound.chat.isPrivate || !privateChat || !name || !findCommand(name)?.answersPrivately)
    return undefined;
  const { messageId: _inTheGroup, ...update } = inbound;
  return { ...update, chat: { id: privateChat, isPrivate: true } };
}

/** A reply of an update that ran in the private chat goes there, not to the group it came from. */
function sentPrivately(reply: Outbound): Outbound {
  return reply.type === 'text' || reply.type === 'file' ? { ...reply, privately: true } : reply;
}

/** In a group, something meant for one person goes to them privately, and the group is told. */
function withGroupNotice(inbound: Inbound, replies: Outbound[]): Outbound[] {
  if (inbound.chat.isPrivate || !replies.some((r) => 'privately' in r && r.privately)) return replies;
  return [...replies, text(msg('engine-sent-privately'))];
}
