import { describe, expect, it } from 'vitest';
import { createGroup } from '../../../src/domain/groups.js';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, 'ada');
const member = await seedUser(store, { name: 'Bob', email: null });
await linkChat(store, member, 'bob');
await store.db`update users set locale = 'de' where id = ${admin.id}`;
await store.db`update users set locale = 'es' where id = ${member.id}`;

describe('commands in the reader’s language', () => {
  it('words /profile, its facts and its buttons in German', async () => {
    const profile = await new Person(engine, 'ada').say('/profile');
    expect(profile).toMatch(/^Ada <ada@example\.com>\nRolle: Admin\nGruppen: keine\nChats: telegram\n/);
    expect(profile).toMatch(/Dabei seit \d{1,2}\. \S+ \d{4}, zuletzt gesehen /);
    expect(profile).toContain('[Passwort ändern] [Persönlicher Kontext] [Diesen Chat abmelden]');
  });

  it('words /profile in Spanish, with the same empty value', async () => {
    const profile = await new Person(engine, 'bob').say('/profile');
    expect(profile).toMatch(/^Bob\nRol: miembro\nGrupos: ninguno\n/);
    expect(profile).toMatch(/Miembro desde el \d{1,2} \S+ \d{4}, visto por última vez /);
  });

  it('says the same role, status and empty value in /users as in /profile', async () => {
    const listed = await new Person(engine, 'ada').say('/users');
    expect(listed).toMatch(/^Ada · ada@example\.com · Admin · Aktiv · Gruppen: keine · gesehen /m);
    expect(listed).toMatch(/^Bob · keine E-Mail · Mitglied · Aktiv · Gruppen: keine · gesehen /m);
  });

  it('counts with the language’s plurals and keeps names as they are', async () => {
    const ada = new Person(engine, 'ada');
    expect(await ada.say('/groups')).toBe('Noch keine Gruppen. Leg eine an mit /group create <Name>.');
    await createGroup(store, { actorId: admin.id, name: 'Sales Team' });
    expect(await ada.say('/group add "Sales Team" bob')).toBe('Gruppen von Bob: Sales Team.');
    expect(await ada.say('/groups')).toBe('Sales Team · 1 aktives Mitglied');
  });

  it('refuses with the hint and the usage line in the reader’s language', async () => {
    expect(await new Person(engine, 'bob').say('/name')).toBe(
      'Envía tu nuevo nombre con el comando, así: /name Ada Lovelace',
    );
    expect(await new Person(engine, 'ada').say('/agents')).toBe(
      'Noch keine gemeinsamen Agenten. Leg einen an mit /agent create <Name>.',
    );
  });
});
