import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { createRunDatabase, createTestDatabase, testDatabaseUrl } from '../../support/db.js';
import { recordAudit, type AuditAppend } from '../../../src/domain/audit.js';
import { verifyAuditChain } from '../../../src/domain/audit-chain.js';
import { connect, type Sql } from '../../../src/store/db.js';
import { migrate, MIGRATIONS_DIR } from '../../../src/store/migrate.js';
import { createStore, type Store } from '../../../src/store/store.js';

const { sql, url, store } = await createTestDatabase();
const key = store.auditTrail.key;

/** Changes stored rows the way someone with the database alone could: around the append-only trigger. */
async function tamper(db: Sql, change: (tx: postgres.TransactionSql) => Promise<unknown>): Promise<void> {
  await db.begin(async (tx) => {
    await tx`alter table audit_log disable trigger audit_log_no_update`;
    await change(tx);
    await tx`alter table audit_log enable trigger audit_log_no_update`;
  });
}

const append = (s: Store, i: number) =>
  recordAudit(s, { action: 'group.created', actor: 'system', details: { group: `G${i}` } });

/** A store on its own pool that counts the statements it sends. */
function countingStore(databaseUrl: string): { store: Store; statements: () => number } {
  let count = 0;
  const counted = postgres(databaseUrl, {
    max: 2,
    onnotice: () => {},
    transform: { ...postgres.camel, undefined: null },
    debug: () => (count += 1),
  });
  afterAll(() => counted.end({ timeout: 5 }));
  return { store: createStore(counted, { key, erasure: 'keep' }), statements: () => count };
}
const counting = countingStore(url);

describe('the keyed audit chain', () => {
  it('returns each append’s id and hash and verifies with the key', async () => {
    const first = await append(store, 1);
    const second = await append(store, 2);
    expect(BigInt(second.id)).toBe(BigInt(first.id) + 1n);
    expect(second.hash).toMatch(/^[0-9a-f]{64}$/);
    const verification = await verifyAuditChain(store);
    expect(verification).toMatchObject({
      broken: [],
      keyedFrom: first.id,
      last: { id: second.id, hash: second.hash },
    });
  });

  it('keeps one chain when two processes append at once', async () => {
    const other = createStore(sql, { key, erasure: 'keep' });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? store : other).tx((tx) => append(tx, i)).then(() => append(i % 3 ? store : other, i)),
      ),
    );
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });

  it('sends one statement per append while this process saw the tail last', async () => {
    await append(counting.store, 1);
    const before = counting.statements();
    await append(counting.store, 2);
    await append(counting.store, 3);
    expect(counting.statements() - before).toBe(2);
    await append(store, 4);
    await append(counting.store, 5);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });

  it('appends after the real tail when the transaction of its last append rolled back', async () => {
    await expect(
      store.tx(async (tx) => {
        await append(tx, 1);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const after = await append(store, 2);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
    expect((await verifyAuditChain(store)).last).toEqual({ id: after.id, hash: after.hash });
  });

  it('does not verify under another key', async () => {
    const verification = await verifyAuditChain(store, { key: randomBytes(32) });
    expect(verification.broken.length).toBe(verification.rows);
    expect(verification.broken.every((b) => b.reason === 'content')).toBe(true);
  });
});

const trail = await createTestDatabase();

describe('verifyAuditChain on a tampered trail', () => {
  it('lists every broken row: a changed one, one after a removed row and one forged without the key', async () => {
    const rows: AuditAppend[] = [];
    for (let i = 0; i < 8; i++) rows.push(await append(trail.store, i));
    const [changed, removed, forged] = [rows[1]!, rows[3]!, rows[5]!];
    await tamper(trail.sql, async (tx) => {
      await tx`update audit_log set actor_name = 'mallory' where id = ${changed.id}`;
      await tx`delete from audit_log where id = ${removed.id}`;
      // What the database alone can do: recompute the unkeyed hash over the new content.
      await tx`update audit_log set details = '{"group":"forged"}' where id = ${forged.id}`;
      await tx`update audit_log a set hash = audit_row_hash(a), hash_scheme = 'sha256' where id = ${forged.id}`;
    });
    const verification = await verifyAuditChain(trail.store);
    expect(verification.broken).toEqual([
      { id: changed.id, reason: 'content' },
      { id: rows[4]!.id, reason: 'link' },
      { id: forged.id, reason: 'unkeyed' },
      { id: rows[6]!.id, reason: 'link' },
    ]);
    expect(verification.rows).toBe(7);
    const range = await verifyAuditChain(trail.store, { from: rows[2]!.id, to: rows[4]!.id });
    expect(range).toMatchObject({ rows: 2, broken: [{ id: rows[4]!.id, reason: 'link' }] });
    expect(await verifyAuditChain(trail.store, { from: rows[7]!.id })).toMatchObject({ rows: 1, broken: [] });
  });
});

/** A database migrated up to, not including, keyed hashing, with `rows` audit rows of that time. */
async function trailBeforeTheUpgrade(rows: number): Promise<string> {
  const databaseUrl = testDatabaseUrl(await createRunDatabase('upgrade'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await runner({
      dbClient: client,
      dir: MIGRATIONS_DIR,
      direction: 'up',
      count: 4,
      migrationsTable: 'schema_migrations',
      singleTransaction: true,
      log: () => {},
    });
    await client.query(`insert into audit_actions (action) values ('group.created')`);
    for (let i = 0; i < rows; i++)
      await client.query(
        `insert into audit_log (action, actor_name, details) values ('group.created', 'Ada', $1)`,
        [{ i }],
      );
  } finally {
    await client.end();
  }
  return databaseUrl;
}

const beforeTheUpgrade = await trailBeforeTheUpgrade(3);
const upgraded = connect(beforeTheUpgrade, { max: 2 });
afterAll(() => upgraded.end({ timeout: 5 }));

describe('a trail from before keyed hashing', () => {
  it('keeps verifying after the upgrade and says where keyed hashing began', async () => {
    await migrate(beforeTheUpgrade);
    const upgradedStore = createStore(upgraded, { key, erasure: 'keep' });
    const firstKeyed = await append(upgradedStore, 1);
    await append(upgradedStore, 2);
    expect(firstKeyed.id).toBe('4');
    expect(await verifyAuditChain(upgradedStore)).toMatchObject({ rows: 5, broken: [], keyedFrom: '4' });

    // Rewriting an old row with a fresh unkeyed hash breaks the first keyed row's link.
    await tamper(upgraded, async (tx) => {
      await tx`update audit_log set actor_name = 'mallory' where id = 3`;
      await tx`update audit_log a set hash = audit_row_hash(a) where id = 3`;
    });
    expect((await verifyAuditChain(upgradedStore)).broken).toEqual([{ id: '4', reason: 'link' }]);
  });
});
