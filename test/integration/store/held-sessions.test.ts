import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { describeWithRedis, testSessions, type TestSessions } from '../../support/sessions.js';

const { sql } = await createTestDatabase();

describeWithRedis('redis: a lock taken with its state', () => holdsWithItsState(testSessions(sql, 'redis')));
describe('postgres: a lock taken with its state', () => holdsWithItsState(testSessions(sql, 'postgres')));

function holdsWithItsState(sessions: TestSessions): void {
  const store = sessions.open();
  let n = 0;
  const key = () => `held:${++n}`;

  it('reads the state under the lock, and saves and frees the lock in one step', async () => {
    const k = key();
    expect(await store.save(k, 'one', 0, 60)).toBe(true);
    const held = await store.lockAndLoad(k, 5_000);
    expect(held?.stored).toEqual({ version: 1, data: 'one' });
    expect(await store.lockAndLoad(k, 5_000)).toBeUndefined();
    expect(await store.tryLock(k, 5_000)).toBeUndefined();
    expect(await held!.saveAndRelease('two', 60)).toBe(true);
    expect(await store.load(k)).toEqual({ version: 2, data: 'two' });
    const next = await store.lockAndLoad(k, 5_000);
    expect(next?.stored).toEqual({ version: 2, data: 'two' });
    await next!.release();
    await next!.release();
  });

  it('takes the lock of a conversation with nothing stored', async () => {
    const k = key();
    const held = await store.lockAndLoad(k, 5_000);
    expect(held?.stored).toBeUndefined();
    expect(await held!.saveAndRelease('first', 60)).toBe(true);
    expect(await store.load(k)).toEqual({ version: 1, data: 'first' });
  });

  it('keeps a newer state that was saved meanwhile, and frees the lock all the same', async () => {
    const k = key();
    await store.save(k, 'one', 0, 60);
    const held = await store.lockAndLoad(k, 5_000);
    expect(await store.save(k, 'newer', 1, 60)).toBe(true);
    expect(await held!.saveAndRelease('stale', 60)).toBe(false);
    expect(await store.load(k)).toEqual({ version: 2, data: 'newer' });
    const again = await store.lockAndLoad(k, 5_000);
    expect(again).toBeDefined();
    await again!.release();
  });

  it('tells how long ago the lock was freed where the store can, else nothing', async () => {
    const k = key();
    const first = await store.lockAndLoad(k, 5_000);
    if (!store.tellsWhenLockFreed) {
      expect(first?.freeForMs).toBeUndefined();
      return first!.release();
    }
    // Never freed (or longer ago than the store remembers): what it remembers, two seconds.
    expect(first?.freeForMs).toBe(2_000);
    await first!.saveAndRelease('one', 60);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const second = await store.lockAndLoad(k, 5_000);
    expect(second!.freeForMs).toBeGreaterThanOrEqual(29);
    expect(second!.freeForMs).toBeLessThan(2_000);
    await second!.release();
    const third = await store.lockAndLoad(k, 5_000);
    expect(third!.freeForMs).toBeLessThan(second!.freeForMs!);
    await third!.release();
  });

  it('frees the lock on release without saving', async () => {
    const k = key();
    const held = await store.lockAndLoad(k, 5_000);
    await held!.release();
    const again = await store.tryLock(k, 5_000);
    expect(again).toBeDefined();
    await again!();
    expect(await store.load(k)).toBeUndefined();
  });
}
