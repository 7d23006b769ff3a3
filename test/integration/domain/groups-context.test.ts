import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import {
  addToGroup,
  createGroup,
  deleteGroup,
  listGroups,
  setUserGroups,
} from '../../../src/domain/groups.js';
import {
  clearPersonalContext,
  getPersonalContext,
  updateOrganisationContext,
  updatePersonalContext,
} from '../../../src/domain/context.js';
import { NameTakenError, NoChangeError, NotAdminError, ValidationError } from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Admin' });
const person = await seedUser(store, { name: 'Pat', email: 'pat@example.com' });

describe('groups', () => {
  it('creates, lists with member counts and deletes, auditing both', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Research' });
    await expect(createGroup(store, { actorId: admin.id, name: 'research' })).rejects.toBeInstanceOf(
      NameTakenError,
    );
    await addToGroup(store, { actorId: admin.id, groupName: 'Research', userId: person.id });
    expect((await listGroups(store, { actorId: admin.id })).find((g) => g.name === 'Research')?.members).toBe(
      1,
    );
    await deleteGroup(store, { actorId: admin.id, name: 'RESEARCH' });
    expect(await store.groups.listUserGroupNames(person.id)).toEqual([]);
    const actions = await sql`select action from audit_log where action like 'group.%' order by id`;
    expect(actions.map((a) => a.action)).toEqual(['group.created', 'group.deleted']);
  });

  it('audits membership changes with the groups before and after', async () => {
    await createGroup(store, { actorId: admin.id, name: 'Alpha' });
    await createGroup(store, { actorId: admin.id, name: 'Beta' });
    await setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['alpha'] });
    await setUserGroups(store, { actorId: admin.id, userId: person.id, groupNames: ['Alpha', 'Beta'] });
    const [row] =
      await sql`select * from audit_log where action = 'user.groups_updated' order by id desc limit 1`;
    expect(row).toMatchObject({
      actorId: admin.id,
      targetName: 'Pat',
      targetEmail: 'pat@example.com',
      details: { before: ['Alpha'], after: ['Alpha', 'Beta'] },
    });
    await expect(
      addToGroup(store, { actorId: admin.id, groupName: 'Beta', userId: person.id }),
    ).rejects.toBeInstanceOf(NoChangeError);
  });

  it('refuses bad names and members, writing nothing', async () => {
    const before = await sql`select count(*)::int as n from groups`;
    await expect(createGroup(store, { actorId: admin.id, name: '' })).rejects.toBeInstanceOf(ValidationError);
    await expect(createGroup(store, { actorId: admin.id, name: 'x'.repeat(65) })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createGroup(store, { actorId: admin.id, name: 'a;drop' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(createGroup(store, { actorId: person.id, name: 'Mine' })).rejects.toBeInstanceOf(
      NotAdminError,
    );
    expect(await sql`select count(*)::int as n from groups`).toEqual(before);
  });
});

describe('personal context', () => {
  it('saves, edits and clears fields, auditing names but never values', async () => {
    await updatePersonalContext(store, {
      userId: person.id,
      fields: { role: 'Designer', language: 'German' },
    });
    await updatePersonalContext(store, { userId: person.id, fields: { language: null, focus: 'Launch' } });
    expect(await getPersonalContext(store, person.id)).toEqual({ role: 'Designer', focus: 'Launch' });
    const rows = await sql`select details::text as d from audit_log where action = 'user.context_updated'`;
    expect(rows.map((r) => r.d).join()).not.toMatch(/Designer|Launch/);
    await clearPersonalContext(store, person.id);
    expect(await getPersonalContext(store, person.id)).toEqual({});
  });

  it('accepts only its fields, bounded', async () => {
    await expect(
      updatePersonalContext(store, { userId: person.id, fields: { role: 'x'.repeat(501) } }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      updatePersonalContext(store, { userId: person.id, fields: { admin: 'yes' } as Record<string, string> }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('lets only admins change the organisation context', async () => {
    await updateOrganisationContext(store, { actorId: admin.id, fields: { company: 'Acme' } });
    await expect(
      updateOrganisationContext(store, { actorId: person.id, fields: { company: 'Evil' } }),
    ).rejects.toBeInstanceOf(NotAdminError);
  });
});
