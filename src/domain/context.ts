import { z } from 'zod';
import type { Store } from '../store/store.js';
import type { ContextFields } from '../store/context.js';
import { asActor, asTarget, requireActiveAdmin, requireActiveUser } from './actors.js';
import { recordAudit } from './audit.js';
import { CONTEXT_FIELDS, ORGANISATION_FIELDS, type ContextField, type OrganisationField } from './enums.js';
import { ValidationError } from './errors.js';

export const CONTEXT_FIELD_MAX = 500;
export const ORGANISATION_FIELD_MAX = 1000;

const fieldValue = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((v) => !/[^\P{Cc}\n\t]/u.test(v), 'must not contain control characters')
    .nullable();

function merge<K extends string>(
  current: ContextFields,
  changes: Partial<Record<string, string | null>>,
  allowed: readonly K[],
  max: number,
): { fields: ContextFields; changed: K[] } {
  const fields = { ...current };
  const changed: K[] = [];
  for (const [key, raw] of Object.entries(changes)) {
    if (!allowed.includes(key as K))
      throw new ValidationError('field', `must be one of ${allowed.join(', ')}`);
    const result = fieldValue(max).safeParse(raw ?? null);
    if (!result.success) throw new ValidationError(key, result.error.issues[0]?.message ?? 'is invalid');
    const value = result.data;
    if (value === null || value === '') delete fields[key];
    else fields[key] = value;
    if ((current[key] ?? null) !== (fields[key] ?? null)) changed.push(key as K);
  }
  return { fields, changed };
}

export function getPersonalContext(store: Store, userId: string): Promise<ContextFields> {
  return store.context.getPersonalContext(userId);
}

/** Changes some fields of one's own context (null clears one); audits the field names, never the values. */
export async function updatePersonalContext(
  store: Store,
  input: { userId: string; fields: Partial<Record<ContextField, string | null>> },
): Promise<ContextFields> {
  return store.tx(async (tx) => {
    const user = await requireActiveUser(tx, input.userId);
    const { fields, changed } = merge(
      await tx.context.getPersonalContext(user.id),
      input.fields,
      CONTEXT_FIELDS,
      CONTEXT_FIELD_MAX,
    );
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

export async function clearPersonalContext(store: Store, userId: string): Promise<void> {
  const clearAll = Object.fromEntries(CONTEXT_FIELDS.map((f) => [f, null])) as Record<ContextField, null>;
  await updatePersonalContext(store, { userId, fields: clearAll });
}

export function getOrganisationContext(store: Store): Promise<ContextFields> {
  return store.context.getOrganisationContext();
}

export async function updateOrganisationContext(
  store: Store,
  input: { actorId: string; fields: Partial<Record<OrganisationField, string | null>> },
): Promise<ContextFields> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const { fields, changed } = merge(
      await tx.context.getOrganisationContext(),
      input.fields,
      ORGANISATION_FIELDS,
      ORGANISATION_FIELD_MAX,
    );
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
