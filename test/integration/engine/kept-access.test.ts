import { describe, expect, it } from 'vitest';
import { cleanUpAfter, createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { connect } from '../../../src/store/db.js';
import { createStore } from '../../../src/store/store.js';

const { url, sql, store } = await createTestDatabase();
// A second process: its own pool, store and engine on the same record.
const otherSql = connect(url, { max: 2 });
cleanUpAfter(() => otherSql.end({ timeout: 5 }));
const other = createStore(otherSql);

const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');
const member = await seedUser(store, { name: 'Bob' });
await linkChat(store, member, 'bob');

describe('the agents a person may use, kept between updates while access is unchanged', () => {
  const bob = new Person(testEngine(store, new PostgresSessionStore(sql)), 'bob');
  const ada = new Person(testEngine(other, new PostgresSessionStore(otherSql)), 'ada');

  it('applies a change of access made by another process at the next message', async () => {
    expect(await ada.say('/agent create Ledger Books and invoices')).toMatch(/Agent Ledger/);
    expect(await bob.say('/agents')).toMatch(/Ledger/);
    expect(await bob.say('/agents')).toMatch(/Ledger/);

    expect(await ada.say('/group create Finance')).toMatch(/Finance/);
    expect(await ada.say('/agent access Ledger Finance')).toMatch(/only Finance/);
    expect(await bob.say('/agents')).not.toMatch(/Ledger/);

    expect(await ada.say('/group add Finance bob')).toMatch(/Finance/);
    expect(await bob.say('/agents')).toMatch(/Ledger/);

    expect(await ada.say('/group remove Finance bob')).toMatch(/none/);
    expect(await bob.say('/agents')).not.toMatch(/Ledger/);
  });

  it('sees a deactivation at the next message', async () => {
    expect(await ada.say('/agent access Ledger all')).toMatch(/everyone/);
    expect(await bob.say('/agents')).toMatch(/Ledger/);
    await otherSql`update users set status = 'deactivated', deactivated_at = now() where id = ${member.id}`;
    expect(await bob.say('/agents')).not.toMatch(/Ledger/);
  });

  it("words a kept answer in the reader's language of the moment, and renames show at once", async () => {
    await otherSql`update users set status = 'active', deactivated_at = null where id = ${member.id}`;
    expect(await bob.say('/agents')).toMatch(/^Agents you can use:[\s\S]*Ledger[\s\S]*\[Talk to Ledger\]/);
    await bob.say('/language de');
    expect(await bob.say('/agents')).toMatch(/^Agenten, die du nutzen kannst:[\s\S]*\[Mit Ledger sprechen\]/);
    await bob.say('/language en');
    expect(await bob.say('/agents')).toMatch(/^Agents you can use:/);
    await otherSql`update agents set description = 'Ledgers and receipts' where name = 'Ledger'`;
    expect(await bob.say('/agents')).toMatch(/Ledger · Ledgers and receipts/);
  });
});
