import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { seedUser, linkChat } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createInvites } from '../../../src/domain/invites.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');
for (let i = 0; i < 25; i++) {
  await createInvites(store, {
    actorId: admin.id,
    emails: [`p${i}@example.com`],
    role: 'member',
    groupNames: [],
  });
}

describe('/invites', () => {
  it('lists the newest twenty and pages to every older one exactly once', async () => {
    const ada = new Person(engine, 'ada');
    const first = await ada.say('/invites');
    const older = await ada.tap('Older');
    const emails = `${first}\n${older}`.match(/p\d+@example\.com/g) ?? [];
    expect(new Set(emails).size).toBe(25);
    expect(emails).toHaveLength(25);
    expect(first).toContain('p24@example.com');
    expect(older).toContain('p0@example.com');
    expect(older).not.toContain('[Older]');
  });

  it('answers a malformed page with the usage line', async () => {
    expect(await new Person(engine, 'ada').say('/invites page:nonsense')).toMatch(
      /page is not a valid id|Usage/,
    );
    expect(await new Person(engine, 'ada').say('/invites whatever')).toMatch(/Usage: \/invites/);
  });
});
