import { z } from 'zod';
import { ValidationError, type ValidationField, type ValidationProblem } from './errors.js';
import { ENTITY_NAME_MAX_LENGTH, ENTITY_NAME_PATTERN, SHORT_TEXT_MAX_LENGTH } from './limits.js';

/**
 * The options of a refinement that refuses control characters: a custom check has no code of its
 * own, so its issue carries the problem in `params`.
 */
export const CONTROL_CHARACTERS_REFUSED = { params: { problem: 'controlCharacters' } } as const;

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/** A line of free text a person types: 1–100 characters once trimmed, no control characters. */
const shortTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(SHORT_TEXT_MAX_LENGTH)
  .refine((v) => !/\p{Cc}/u.test(v), CONTROL_CHARACTERS_REFUSED);

export const personNameSchema = shortTextSchema;

/** Group and agent names: see ENTITY_NAME_PATTERN. */
export const entityNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(ENTITY_NAME_MAX_LENGTH)
  .regex(ENTITY_NAME_PATTERN);

/** An invite's label. */
export const labelSchema = shortTextSchema;

export const uuidSchema = z.uuid();

/** What a schema's complaint means for a person, read from the issue's code and bounds. */
export function problemOf(issue: z.core.$ZodIssue | undefined): ValidationProblem {
  if (!issue) return { kind: 'invalid' };
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'number') return { kind: 'atLeast', min };
      return (issue.origin === 'string' || issue.origin === 'array') && min <= 1
        ? { kind: 'empty' }
        : { kind: 'invalid' };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { kind: 'tooLong', max };
      if (issue.origin === 'number') return { kind: 'atMost', max };
      if (issue.origin === 'array') return { kind: 'tooMany', max };
      return { kind: 'invalid' };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { kind: 'notEmail' };
      if (issue.format === 'uuid') return { kind: 'notId' };
      if (issue.format === 'regex') return { kind: 'badCharacters' };
      return { kind: 'invalid' };
    case 'invalid_type':
      return issue.expected === 'int' ? { kind: 'notWholeNumber' } : { kind: 'invalid' };
    case 'invalid_value':
      return { kind: 'notOneOf', options: issue.values.map(String) };
    case 'custom':
      return issue.params?.['problem'] === 'controlCharacters'
        ? { kind: 'controlCharacters' }
        : { kind: 'invalid' };
    default:
      return { kind: 'invalid' };
  }
}

/** Parses `value` or throws ValidationError naming `field` with the schema's first complaint. */
export function parseField<T>(schema: z.ZodType<T>, field: ValidationField, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(field, problemOf(result.error.issues[0]));
}

/**
 * Parses an object or throws ValidationError naming the field of the first complaint by the key it is
 * under (`fieldOf`), or `whole` for a key without a field of its own.
 */
export function parseFields<T>(
  schema: z.ZodType<T>,
  fieldOf: Readonly<Record<string, ValidationField>>,
  whole: ValidationField,
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue?.path[0];
  throw new ValidationError((typeof key === 'string' && fieldOf[key]) || whole, problemOf(issue));
}
