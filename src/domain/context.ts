import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { ContextFields } from '../store/context.js';
import { asActor, asTarget, requireActiveAdmin, requireActiveUser } from './actors.js';
import { recordAudit } from './audit.js';
import { CONTEXT_FIELDS, ORGANISATION_FIELDS, type ContextField, type OrganisationField } from './enums.js';
import { ValidationError } from './errors.js';
import { CONTROL_CHARACTERS_REFUSED, parseField } from './validation.js';

export const CONTEXT_FIELD_MAX = 500;
export const ORGANISATION_FIELD_MAX = 1000;

/** The database's bounds on each context's JSON, checked first so the person gets a ValidationError. */
const PERSONAL_CONTEXT_MAX_BYTES = 4096;
const ORGANISATION_CONTEXT_MAX_BYTES = 8192;

const fieldValue = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => !/[^\P{Cc}\n\t]/u.test(v), CONTROL_CHARACTERS_REFUSED)
    .nullable();

/**
 * The bytes of `fields::text` as Postgres writes it: like JSON.stringify, but with ": " and ", "
 * between entries.
 */
function storedBytes(fields: ContextFields): number {
  const keys = Object.keys(fields).length;
  return Buffer.byteLength(JSON.stringify(fields)) + Math.max(2 * keys - 1, 0);
}

function isOneOf<K extends string>(allowed: readonly K[], key: string): key is K {
  return (allowed as readonly string[]).includes(key);
}

function merge<K extends ContextField | OrganisationField>(
  current: ContextFields,
  changes: Partial<Record<string, string | null>>,
  limits: {
    allowed: readonly K[];
    fieldMax: number;
    totalBytes: number;
    name: 'personalContext' | 'organisationContext';
  },
): { fields: ContextFields; changed: K[] } {
  const { allowed, fieldMax, totalBytes, name } = limits;
  const fields = { ...current };
  const changed: K[] = [];
  for (const [key, raw] of Object.entries(changes)) {
    if (!isOneOf(allowed, key))
      throw new ValidationError('contextField', { kind: 'notOneOf', options: allowed });
    const value = parseField(fieldValue(fieldMax), { contextField: key }, raw ?? null);
    if (value === null || value === '') delete fields[key];
    else fields[key] = value;
    if ((current[key] ?? null) !== (fields[key] ?? null)) changed.push(key);
  }
  if (storedBytes(fields) > totalBytes)
    throw new ValidationError(name, { kind: 'tooManyBytes', max: totalBytes });
  return { fields, changed };
}

/** A person's personal context: the fields Smithers and the agents know about them. */
export function getPersonalContext(store: Store, userId: string): Promise<ContextFields> {
  return store.context.getPersonalContext(userId);
}

/**
 * Changes some fields of one's own context (null clears one; each at most 500 characters, 4096 bytes
 * in all); audits the changed field names, never the values. Active accounts only.
 */
export async function updatePersonalContext(
  store: Store,
  input: { userId: string; fields: Partial<Record<ContextField, string | null>> },
): Promise<ContextFields> {
  return store.tx(async (tx) => {
    const user = await requireActiveUser(tx, input.userId);
    const { fields, changed } = merge(await tx.context.getPersonalContext(user.id), input.fields, {
      allowed: CONTEXT_FIELDS,
      fieldMax: CONTEXT_FIELD_MAX,
      totalBytes: PERSONAL_CONTEXT_MAX_BYTES,
      name: 'personalContext',
    });
    if (changed.length === 0) return fields;
    await tx.context.setPersonalContext(user.id, fields);
    await recordAudit(tx, {
      action: 'user.context_updated',
      actor: asActor(user),
      target: asTarget(user),
      details: { fields: changed },
    });
    return fields;
  });
}

/** Empties one's own personal context (audited like any other change). */
export async function clearPersonalContext(store: Store, userId: string): Promise<void> {
  const clearAll = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, null])) as Record<ContextField, null>;
  await updatePersonalContext(store, { userId, fields: clearAll });
}

/** What the agents are told about the organisation. Admins only. */
export async function getOrganisationContext(
  store: Store,
  input: { actorId: string },
): Promise<ContextFields> {
  await requireActiveAdmin(store, input.actorId);
  return store.context.getOrganisationContext();
}

/** Changes some organisation fields (null clears one; each at most 1000 characters). Admins only. */
export async function updateOrganisationContext(
  store: Store,
  input: { actorId: string; fields: Partial<Record<OrganisationField, string | null>> },
): Promise<ContextFields> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const { fields, changed } = merge(await tx.context.getOrganisationContext(), input.fields, {
      allowed: ORGANISATION_FIELDS,
      fieldMax: ORGANISATION_FIELD_MAX,
      totalBytes: ORGANISATION_CONTEXT_MAX_BYTES,
      name: 'organisationContext',
    });
    if (changed.length === 0) return fields;
    await tx.context.setOrganisationContext(fields);
    await recordAudit(tx, {
      action: 'user.context_updated',
      actor: asActor(actor),
      details: { organisation: true, fields: changed },
    });
    return fields;
  });
}
