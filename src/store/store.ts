import type { Db, Sql } from './db.js';
import * as agents from './agents.js';
import * as audit from './audit.js';
import * as context from './context.js';
import * as groups from './groups.js';
import * as identities from './identities.js';
import * as invites from './invites.js';
import * as leaving from './leaving.js';
import * as passwordFailures from './password-failures.js';
import * as resets from './resets.js';
import * as stagedPasswords from './staged-passwords.js';
import * as users from './users.js';

const modules = {
  agents,
  audit,
  context,
  groups,
  identities,
  invites,
  leaving,
  passwordFailures,
  resets,
  stagedPasswords,
  users,
};

type Bound<M> = {
  [K in keyof M as M[K] extends (db: Db, ...args: never[]) => unknown ? K : never]: M[K] extends (
    db: Db,
    ...args: infer A
  ) => infer R
    ? (...args: A) => R
    : never;
};

type Queries = { readonly [K in keyof typeof modules]: Bound<(typeof modules)[K]> };

/**
 * The record as domain functions see it: every query bound to one connection pool or transaction.
 * `tx(fn)` runs `fn` with a store bound to a single transaction (an inner `tx` joins the outer one).
 */
export interface Store extends Queries {
  readonly db: Db;
  tx<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

function bindModule(db: Db, module: Record<string, unknown>): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function') bound[name] = (...args: unknown[]) => value(db, ...args);
  }
  return bound;
}

function bindStore(db: Db, inTransaction: boolean): Store {
  const queries = Object.fromEntries(
    Object.entries(modules).map(([name, module]) => [name, bindModule(db, module)]),
  ) as unknown as Queries;
  const store: Store = {
    ...queries,
    db,
    tx: inTransaction
      ? (fn) => fn(store)
      : (fn) => (db as Sql).begin((tx) => fn(bindStore(tx, true))) as Promise<never>,
  };
  return store;
}

/** Binds the queries to a pool. */
export function createStore(sql: Sql): Store {
  return bindStore(sql, false);
}
