import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const ada = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
const bea = await seedUser(store, { role: 'admin', name: 'Bea', email: 'bea@example.com' });
await linkChat(store, ada, 'ada');
await linkChat(store, bea, 'bea');

describe('the role a menu is drawn for', () => {
  it('is the one the speaker’s update just read, once; then the record’s', async () => {
    await new Person(engine, 'bea').say('/help');
    // Another process demotes Bea after her update read her account.
    await sql`update users set role = 'member' where id = ${bea.id}`;
    expect(await engine.roleOf('telegram', 'bea')).toBe('admin');
    expect(await engine.roleOf('telegram', 'bea')).toBe('member');
  });

  it('is none for a stranger, and the record’s for someone whose update was not seen here', async () => {
    await new Person(engine, 'stranger').say('/help');
    expect(await engine.roleOf('telegram', 'stranger')).toBeUndefined();
    expect(await engine.roleOf('telegram', 'ada')).toBe('admin');
  });

  it('keeps a bounded number of speakers, and still answers for any', async () => {
    for (let i = 0; i < 1_050; i++) await new Person(engine, `passer-${i}`).say('/help');
    await new Person(engine, 'ada').say('/help');
    expect(await engine.roleOf('telegram', 'ada')).toBe('admin');
    expect(await engine.roleOf('telegram', 'passer-3')).toBeUndefined();
  });
});
