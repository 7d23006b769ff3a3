import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { describeWithRedis, testSessions, type TestSessions } from '../../support/sessions.js';

const { sql } = await createTestDatabase();

describeWithRedis('redis session store', () => behavesAsASessionStore(testSessions(sql, 'redis')));
describe('postgres session store', () => behavesAsASessionStore(testSessions(sql, 'postgres')));

function behavesAsASessionStore(sessions: TestSessions): void {
  const store = sessions.open();
  it('saves, loads and deletes a session', async () => {
    expect(await store.load('telegram:1:1')).toBeUndefined();
    expect(await store.save('telegram:1:1', '{"a":1}', 0, 60)).toBe(true);
    expect(await store.load('telegram:1:1')).toEqual({ version: 1, data: '{"a":1}' });
    await store.delete('telegram:1:1');
    expect(await store.load('telegram:1:1')).toBeUndefined();
  });

  it('refuses a save whose expected version is stale, so a concurrent writer retries', async () => {
    expect(await store.save('telegram:2:2', 'first', 0, 60)).toBe(true);
    expect(await store.save('telegram:2:2', 'second', 1, 60)).toBe(true);
    expect(await store.save('telegram:2:2', 'lost', 1, 60)).toBe(false);
    expect(await store.save('telegram:2:2', 'lost', 0, 60)).toBe(false);
    expect(await store.load('telegram:2:2')).toEqual({ version: 2, data: 'second' });
  });

  it('lets exactly one of many concurrent writers of one version win', async () => {
    await store.save('telegram:3:3', 'base', 0, 60);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.save('telegram:3:3', `w${i}`, 1, 60)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a session after its TTL', async () => {
    await store.save('telegram:4:4', 'short', 0, 1);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await store.load('telegram:4:4')).toBeUndefined();
    expect(await store.save('telegram:4:4', 'again', 0, 60)).toBe(true);
  });

  it('counts hits in a window shared by every caller, and starts over after it', async () => {
    const counts = await Promise.all(Array.from({ length: 10 }, () => store.hit('login:telegram:9', 1)));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await store.peek('login:telegram:9')).toBe(10);
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await store.peek('login:telegram:9')).toBe(0);
    expect(await store.hit('login:telegram:9', 1)).toBe(1);
  });

  it('purges what expired and keeps the rest', async () => {
    await store.save('telegram:6:6', 'gone', 0, 1);
    await store.save('telegram:7:7', 'kept', 0, 60);
    await new Promise((r) => setTimeout(r, 1_100));
    // Redis expires keys itself; the table needs the purge.
    const purged = await store.purgeExpired();
    if (sessions.kind === 'postgres') expect(purged).toBeGreaterThanOrEqual(1);
    else expect(purged).toBe(0);
    expect(await store.load('telegram:6:6')).toBeUndefined();
    expect(await store.load('telegram:7:7')).toEqual({ version: 1, data: 'kept' });
  });

  it('deletes every session under a prefix and no other', async () => {
    await store.save('slack:T1:U1:C1', 'x', 0, 60);
    await store.save('slack:T1:U1:C2', 'y', 0, 60);
    await store.save('slack:T1:U2:C1', 'z', 0, 60);
    expect(await store.deleteByPrefix('slack:T1:U1:')).toBe(2);
    expect(await store.load('slack:T1:U2:C1')).toBeDefined();
  });

  it('gives a conversation lock to one holder at a time and frees it on release', async () => {
    const release = await store.tryLock('telegram:5:5', 5_000);
    expect(release).toBeDefined();
    expect(await store.tryLock('telegram:5:5', 5_000)).toBeUndefined();
    await release!();
    expect(await store.tryLock('telegram:5:5', 5_000)).toBeDefined();
  });

  it('keeps a lock past its time to live while the holder lives, and frees it once the holder is gone', async () => {
    const holder = sessions.open();
    const release = await holder.tryLock('telegram:6:6', 300);
    await new Promise((r) => setTimeout(r, 700));
    expect(await store.tryLock('telegram:6:6', 300)).toBeUndefined();
    await holder.close();
    await new Promise((r) => setTimeout(r, 400));
    expect(await store.tryLock('telegram:6:6', 300)).toBeDefined();
    expect(release).toBeDefined();
  });
}
