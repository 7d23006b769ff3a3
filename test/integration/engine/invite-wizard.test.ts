import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { seedUser, linkChat } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createGroup } from '../../../src/domain/groups.js';
import type { Button } from '../../../src/engine/outbound.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');
await createGroup(store, { actorId: admin.id, name: 'Ops' });
await createGroup(store, { actorId: admin.id, name: 'Design' });
await createGroup(store, {
  actorId: admin.id,
  name: 'A group whose name is long enough to overflow callback data',
});

describe('the /invite wizard', () => {
  it('asks a step again on a wrong answer, toggles existing groups and creates the invite with them', async () => {
    const ada = new Person(engine, 'ada');
    await ada.say('/invite');
    expect(await ada.say('ana@example.com nope')).toMatch(/“nope” is not one/);
    await ada.say('ana@example.com');
    expect(await ada.tap('Member')).toMatch(/Which groups/);
    const actions = ada.last.flatMap((r): Button[] => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []));
    for (const { action } of actions) expect(Buffer.byteLength(action)).toBeLessThanOrEqual(64);
    expect(await ada.say('Opps')).toMatch(/There is no group “Opps”/);
    await ada.tap('Ops');
    expect(await ada.tap('Design')).toMatch(/Selected: Ops, Design/);
    await ada.tap('✓ Ops');
    await ada.tap('Ops');
    await ada.tap('Done');
    expect(await ada.say('uses:2')).toMatch(/invite to an email address has 1 use/);
    expect(await ada.tap('Defaults')).toMatch(/Invite ana@example.com as member in Design, Ops/);
    expect(await ada.tap('Create')).toMatch(/only time the link is shown/);
    const groups = await sql<{ name: string }[]>`
      select g.name from invites i join invite_groups ig on ig.invite_id = i.id join groups g on g.id = ig.group_id
      where i.email = 'ana@example.com' order by g.name`;
    expect(groups.map((g) => g.name)).toEqual(['Design', 'Ops']);
  });

  it('refuses a one-line /invite naming a group that does not exist at once, starting nothing', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/invite bo@example.com group:Opps')).toMatch(/There is no group called “Opps”/);
    expect(await ada.say('hello')).not.toMatch(/Create/);
    expect(await ada.say('/invite bo@example.com group:ops')).toMatch(
      /Invite bo@example.com as member in Ops/,
    );
  });
});
