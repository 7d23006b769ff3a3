import { randomBytes } from 'node:crypto';
import type { Db, Sql } from './db.js';
import type { AuditErasure } from '../domain/enums.js';
import type { AuditTrail } from './audit.js';
import * as agents from './agents.js';
import * as audit from './audit.js';
import * as context from './context.js';
import * as dataExport from './data-export.js';
import * as erasure from './erasure.js';
import * as groups from './groups.js';
import * as identities from './identities.js';
import * as invites from './invites.js';
import * as passwordFailures from './password-failures.js';
import * as resets from './resets.js';
import * as stagedPasswords from './staged-passwords.js';
import * as users from './users.js';

const modules = {
  agents,
  audit,
  context,
  dataExport,
  erasure,
  groups,
  identities,
  invites,
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
 * `auditTrail` is what appending to the audit trail needs: its key, its erasure mode, the last link.
 */
export interface Store extends Queries {
  readonly db: Db;
  readonly auditTrail: AuditTrail;
  tx<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}

/**
 * `store` with every transaction opened through it (a domain function's, however deep it passes the
 * store on) first running `guard` inside that transaction; a guard that throws rolls the transaction
 * back before anything is written. A transaction's own store is the plain one: the guard runs once.
 */
export function guardedStore(store: Store, guard: (tx: Store) => Promise<void>): Store {
  return {
    ...store,
    tx: (fn) =>
      store.tx(async (tx) => {
        await guard(tx);
        return fn(tx);
      }),
  };
}

/** How this process writes the audit trail: the key of its hash chain and what erasure does to it. */
export interface AuditSettings {
  key: Buffer;
  erasure: AuditErasure;
}

function bindModule(db: Db, module: Record<string, unknown>): Record<string, unknown> {
  const bound: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(module)) {
    if (typeof value === 'function') bound[name] = (...args: unknown[]) => value(db, ...args);
  }
  return bound;
}

function bindStore(db: Db, auditTrail: AuditTrail, inTransaction: boolean): Store {
  const queries = Object.fromEntries(
    Object.entries(modules).map(([name, module]) => [name, bindModule(db, module)]),
  ) as unknown as Queries;
  const store: Store = {
    ...queries,
    db,
    auditTrail,
    tx: inTransaction
      ? (fn) => fn(store)
      : (fn) => (db as Sql).begin((tx) => fn(bindStore(tx, auditTrail, true))) as Promise<never>,
  };
  return store;
}

/**
 * Binds the queries to a pool. Without `audit` (tests, benchmarks) the trail is keyed with a random
 * key that lives as long as this store, and keeps names.
 */
export function createStore(
  sql: Sql,
  audit: AuditSettings = { key: randomBytes(32), erasure: 'keep' },
): Store {
  return bindStore(sql, { ...audit, lastLink: undefined }, false);
}
