import type { Db } from './db.js';

/**
 * What this process knows of the record's access epoch (migrations/0009_access_epoch.sql), per
 * pool: the highest value a statement has read, and answers that hold as long as it stays the same.
 *
 * The invalidation rule: every transaction that changes who may use which agent (agents,
 * agent_groups, group_members, a person's role or status, an erasure) raises the epoch as it
 * commits. Every update reads the epoch with the speaker's account (`getUserByIdentity`, one
 * statement, the same snapshot), so a change committed before an update began is either seen in the
 * epoch it read, and drops every kept answer, or was already in them. Answers are kept for the
 * epoch seen when they were asked, never a newer one, so a change racing the read only drops an
 * answer sooner.
 */
interface Known<T> {
  seen: bigint;
  keptAt: bigint;
  kept: Map<string, readonly T[]>;
}

/** Beyond this many people the kept answers start over (a bound on memory, not a rule). */
const MAX_KEPT = 10_000;

const byPool = new WeakMap<Db, Known<unknown>>();

function known<T>(db: Db): Known<T> {
  let state = byPool.get(db) as Known<T> | undefined;
  if (!state) {
    state = { seen: 0n, keptAt: -1n, kept: new Map() };
    byPool.set(db, state as Known<unknown>);
  }
  return state;
}

/** Notes an epoch a statement read; the highest ever seen counts. */
export function sawAccessEpoch(db: Db, epoch: string | number | bigint): void {
  const state = known(db);
  const value = BigInt(epoch);
  if (value > state.seen) state.seen = value;
}

/**
 * `ask(key)`, or its answer kept since the newest epoch this process has seen (see the rule above).
 * A kept list is frozen and the same array on every call while it is kept, so what callers derive
 * from it (a reply's words) can be kept by its identity too, and dropped with it.
 */
export async function keptWhileAccessUnchanged<T>(
  db: Db,
  key: string,
  ask: () => Promise<readonly T[]>,
): Promise<readonly T[]> {
  const state = known<T>(db);
  const epoch = state.seen;
  if (state.keptAt !== epoch) {
    state.kept.clear();
    state.keptAt = epoch;
  }
  const kept = state.kept.get(key);
  if (kept) return kept;
  const answer = Object.freeze(await ask());
  if (state.keptAt === epoch) {
    if (state.kept.size >= MAX_KEPT) state.kept.clear();
    state.kept.set(key, answer);
  }
  return answer;
}
