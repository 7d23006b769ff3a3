import type { Db } from './db.js';

/** A context as stored: field name to text, absent fields unset. */
export type ContextFields = Record<string, string>;

/** A person's context, empty when they have none. */
export async function getPersonalContext(db: Db, userId: string): Promise<ContextFields> {
  const [row] = await db<
    { fields: ContextFields }[]
  >`select fields from personal_context where user_id = ${userId}`;
  return row?.fields ?? {};
}

/** Replaces a person's context; the database refuses more than 4096 bytes of JSON. */
export async function setPersonalContext(db: Db, userId: string, fields: ContextFields): Promise<void> {
  await db`
    insert into personal_context (user_id, fields, updated_at) values (${userId}, ${db.json(fields)}, now())
    on conflict (user_id) do update set fields = excluded.fields, updated_at = now()`;
}

/** The one organisation context, empty until an admin writes it. */
export async function getOrganisationContext(db: Db): Promise<ContextFields> {
  const [row] = await db<{ fields: ContextFields }[]>`select fields from organisation_context where id`;
  return row?.fields ?? {};
}

/** Replaces the organisation context; the database refuses more than 8192 bytes of JSON. */
export async function setOrganisationContext(db: Db, fields: ContextFields): Promise<void> {
  await db`
    insert into organisation_context (id, fields, updated_at) values (true, ${db.json(fields)}, now())
    on conflict (id) do update set fields = excluded.fields, updated_at = now()`;
}
