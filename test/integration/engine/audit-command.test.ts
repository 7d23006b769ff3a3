import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { seedUser, linkChat } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createGroup } from '../../../src/domain/groups.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');
for (let i = 0; i < 25; i++) await createGroup(store, { actorId: admin.id, name: `Group ${i}` });

describe('/audit', () => {
  it('pages from the newest entries to older ones with a button', async () => {
    const ada = new Person(engine, 'ada');
    const first = await ada.say('/audit');
    expect(first.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(20);
    expect(first).toContain('Group 24');
    const older = await ada.tap('Older');
    expect(older.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(5);
    expect(older).toContain('Group 0');
    expect(older).not.toContain('Group 24');
  });

  it('filters by person and action, and exports a CSV file', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/audit ada group.created limit:3')).toMatch(/^(#\d+ .*group\.created.*\n?){3}$/);
    await ada.say('/audit export');
    const file = ada.last.find((r) => r.type === 'file');
    expect(file).toMatchObject({ mimeType: 'text/csv', privately: true });
    expect(file?.type === 'file' && file.content.split('\n')[0]).toBe(
      '"id","at","action","actor_name","actor_email","target_name","target_email","details","actor_id","target_id"',
    );
  });

  it('answers a malformed limit with the usage line', async () => {
    expect(await new Person(engine, 'ada').say('/audit limit:99999')).toMatch(/Usage: \/audit/);
  });
});
