/** The session store did not answer (unreachable, or too slow): the update cannot use conversation state. */
export class SessionStoreUnavailableError extends Error {
  override readonly name = 'SessionStoreUnavailableError';
  constructor(override readonly cause: unknown) {
    super(`session store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * One conversation's saved state and the version it was saved at. Empty `data` is a conversation
 * whose state has ended: it keeps its version, so a save that read the state before still fails.
 */
export interface StoredSession {
  readonly version: number;
  readonly data: string;
}

/**
 * Where conversation state rests between messages. `save` is a compare-and-set: it writes only if
 * the stored version is still `expectedVersion` (0 for "nothing stored") and returns false
 * otherwise, so a writer that read an older state never overwrites or brings back a newer one.
 * Saving empty data ends the conversation's state.
 */
export interface SessionStore {
  load(key: string): Promise<StoredSession | undefined>;
  save(key: string, data: string, expectedVersion: number, ttlSeconds: number): Promise<boolean>;
  /**
   * Ends every conversation whose key starts with `prefix` (a chat's, once it is unlinked): their
   * state is emptied and their version raised, so an update that read them before cannot save.
   * Returns how many had state.
   */
  endByPrefix(prefix: string): Promise<number>;
  /**
   * Takes the conversation's lock (so updates of one conversation never interleave, across processes
   * too); returns a release function, or undefined if someone else holds it. The lock is renewed
   * while held, so a slow update keeps it, and it frees itself within `ttlMs` of its holder dying.
   */
  tryLock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
  /**
   * `tryLock` and `load` in one step (Redis: one round trip): the held lock with the state read under
   * it, or undefined if someone else holds the lock.
   */
  lockAndLoad(key: string, ttlMs: number): Promise<HeldSession | undefined>;
  /**
   * Whether the locks it hands out tell how long ago they were last freed (`HeldSession.freeForMs`);
   * the engine reads a speaker's account before the lock only where it can judge that read.
   */
  readonly tellsWhenLockFreed: boolean;
  /**
   * Counts one event under `key` in a fixed window of `windowSeconds` (the first hit starts it) and
   * returns the count so far; `peek` reads it without counting. For attempt limits across processes.
   */
  hit(key: string, windowSeconds: number): Promise<number>;
  peek(key: string): Promise<number>;
  /** Removes what expired (Redis does this itself); returns how many were removed. */
  purgeExpired(): Promise<number>;
  close(): Promise<void>;
}

/** A conversation's lock, held, and its state as read under it. */
export interface HeldSession {
  readonly stored: StoredSession | undefined;
  /**
   * How long, at least, its last holder had freed the lock when it was taken, on the store's clock
   * (a store remembers a few seconds; a lock that expired, its holder gone, counts as freed longer
   * ago); undefined where the store cannot tell. What the engine read of the record since then came
   * after every earlier holder's writes (`Engine.usableEarlyRead`).
   */
  readonly freeForMs?: number;
  /**
   * `save` of `data` against the version read (compare-and-set, as `save`) and the lock's release, in
   * one step (Redis: one round trip); false if the state changed meanwhile.
   */
  saveAndRelease(data: string, ttlSeconds: number): Promise<boolean>;
  /** Frees the lock; does nothing once freed. */
  release(): Promise<void>;
}

/** `lockAndLoad` from a store's `tryLock`, `load` and `save`, for a store with no single step for it. */
export async function lockThenLoad(
  store: Pick<SessionStore, 'tryLock' | 'load' | 'save'>,
  key: string,
  ttlMs: number,
): Promise<HeldSession | undefined> {
  const unlock = await store.tryLock(key, ttlMs);
  if (!unlock) return undefined;
  let freed = false;
  const release = async () => {
    if (freed) return;
    freed = true;
    await unlock();
  };
  try {
    const stored = await store.load(key);
    return {
      stored,
      release,
      saveAndRelease: async (data, ttlSeconds) => {
        try {
          return await store.save(key, data, stored?.version ?? 0, ttlSeconds);
        } finally {
          await release();
        }
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/**
 * Renews a held lock every third of its time to live until the returned stop is called; a renewal
 * that fails is left to the next one (the lock then simply expires if its holder is gone).
 */
export function renewWhileHeld(renew: () => Promise<unknown>, ttlMs: number, held: Set<NodeJS.Timeout>) {
  const timer = setInterval(() => void renew().catch(() => undefined), Math.max(ttlMs / 3, 10));
  timer.unref();
  held.add(timer);
  return () => {
    clearInterval(timer);
    held.delete(timer);
  };
}
