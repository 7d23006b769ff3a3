import { z } from 'zod';
import { ValidationError } from './errors.js';
import { ENTITY_NAME_MAX_LENGTH, ENTITY_NAME_PATTERN, SHORT_TEXT_MAX_LENGTH } from './limits.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'is too long')
  .pipe(z.email('is not an email address'));

/** A line of free text a person types: 1–100 characters once trimmed, no control characters. */
const shortTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(SHORT_TEXT_MAX_LENGTH, `must be at most ${SHORT_TEXT_MAX_LENGTH} characters`)
  .refine((v) => !/\p{Cc}/u.test(v), 'must not contain control characters');

export const personNameSchema = shortTextSchema;

/** Group and agent names: see ENTITY_NAME_PATTERN. */
export const entityNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(ENTITY_NAME_MAX_LENGTH, `must be at most ${ENTITY_NAME_MAX_LENGTH} characters`)
  .regex(ENTITY_NAME_PATTERN, 'may use letters, digits, spaces, _ . and - only');

/** An invite's label. */
export const labelSchema = shortTextSchema;

export const uuidSchema = z.uuid('is not a valid id');

/** Parses `value` or throws ValidationError naming `field` with the schema's first complaint. */
export function parseField<T>(schema: z.ZodType<T>, field: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(field, result.error.issues[0]?.message ?? 'is invalid');
}
