import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { seedUser } from '../../support/seed.js';
import {
  clearPersonalContext,
  getOrganisationContext,
  getPersonalContext,
  updateOrganisationContext,
  updatePersonalContext,
} from '../../../src/domain/context.js';
import { CONTEXT_FIELDS, type ContextField } from '../../../src/domain/enums.js';
import { NotAdminError, UserDeactivatedError, ValidationError } from '../../../src/domain/errors.js';

const { sql, store } = await createTestDatabase();
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
const person = await seedUser(store, { name: 'Pat', email: 'pat@example.com' });

async function contextAudits(): Promise<{ actorId: string; targetName: string; details: unknown }[]> {
  return sql`
    select actor_id, target_name, details from audit_log where action = 'user.context_updated' order by id`;
}

describe('personal context', () => {
  it('saves and edits fields, null clearing one, auditing field names but never values', async () => {
    const before = (await contextAudits()).length;
    await updatePersonalContext(store, {
      userId: person.id,
      fields: { role: 'Designer', language: 'German' },
    });
    const after = await updatePersonalContext(store, {
      userId: person.id,
      fields: { language: null, focus: '  Launch  ' },
    });
    expect(after).toEqual({ role: 'Designer', focus: 'Launch' });
    expect(await getPersonalContext(store, person.id)).toEqual({ role: 'Designer', focus: 'Launch' });
    const rows = (await contextAudits()).slice(before);
    expect(rows).toEqual([
      { actorId: person.id, targetName: 'Pat', details: { fields: ['role', 'language'] } },
      { actorId: person.id, targetName: 'Pat', details: { fields: ['language', 'focus'] } },
    ]);
    expect(JSON.stringify(rows)).not.toMatch(/Designer|German|Launch/);
  });

  it('writes no audit row when nothing changes', async () => {
    await updatePersonalContext(store, { userId: person.id, fields: { work: 'Maps' } });
    const before = (await contextAudits()).length;
    await updatePersonalContext(store, { userId: person.id, fields: { work: 'Maps', notes: null } });
    expect((await contextAudits()).length).toBe(before);
  });

  it('clears every field', async () => {
    await updatePersonalContext(store, { userId: person.id, fields: { notes: 'Likes tea' } });
    await clearPersonalContext(store, person.id);
    expect(await getPersonalContext(store, person.id)).toEqual({});
  });

  it.each([
    ['an unknown field', { admin: 'yes' }],
    ['a value of 501 characters', { role: 'x'.repeat(501) }],
    ['a control character', { notes: 'bell\u0007' }],
    ['a value that is not text', { notes: 42 }],
    [
      'more than 4096 bytes in all',
      Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, '\u{1F600}'.repeat(200)])),
    ],
  ])('refuses %s with ValidationError and writes nothing', async (_, fields) => {
    const other = await seedUser(store);
    await updatePersonalContext(store, { userId: other.id, fields: { role: 'Kept' } });
    const audits = (await contextAudits()).length;
    await expect(
      updatePersonalContext(store, {
        userId: other.id,
        fields: fields as Partial<Record<ContextField, string>>,
      }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await getPersonalContext(store, other.id)).toEqual({ role: 'Kept' });
    expect((await contextAudits()).length).toBe(audits);
  });

  it('accepts every field at 500 characters', async () => {
    const fields = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, 'x'.repeat(500)]));
    expect(await updatePersonalContext(store, { userId: person.id, fields })).toEqual(fields);
  });

  it('refuses a deactivated person', async () => {
    const gone = await seedUser(store, { status: 'deactivated' });
    await expect(
      updatePersonalContext(store, { userId: gone.id, fields: { role: 'Ghost' } }),
    ).rejects.toBeInstanceOf(UserDeactivatedError);
  });
});

describe('organisation context', () => {
  it('lets an admin read and change it, auditing the field names only', async () => {
    await updateOrganisationContext(store, {
      actorId: admin.id,
      fields: { company: 'Acme', about: 'Anvils' },
    });
    await updateOrganisationContext(store, { actorId: admin.id, fields: { about: null } });
    expect(await getOrganisationContext(store, { actorId: admin.id })).toEqual({ company: 'Acme' });
    const [row] = (await contextAudits()).slice(-1);
    expect(row).toMatchObject({ actorId: admin.id, details: { organisation: true, fields: ['about'] } });
  });

  it.each([
    ['a personal field', { role: 'Boss' }],
    ['a value of 1001 characters', { about: 'a'.repeat(1001) }],
  ])('refuses %s with ValidationError', async (_, fields) => {
    await expect(
      updateOrganisationContext(store, { actorId: admin.id, fields: fields as { about: string } }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await getOrganisationContext(store, { actorId: admin.id })).toEqual({ company: 'Acme' });
  });

  it('refuses members with NotAdminError, for reading and for writing', async () => {
    await expect(
      updateOrganisationContext(store, { actorId: person.id, fields: { company: 'Evil' } }),
    ).rejects.toBeInstanceOf(NotAdminError);
    await expect(getOrganisationContext(store, { actorId: person.id })).rejects.toBeInstanceOf(NotAdminError);
  });
});
