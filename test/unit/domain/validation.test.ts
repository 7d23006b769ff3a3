import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../../../src/domain/errors.js';
import { INVITE_LIMITS } from '../../../src/domain/limits.js';
import {
  CONTROL_CHARACTERS_REFUSED,
  emailSchema,
  entityNameSchema,
  labelSchema,
  parseField,
  parseFields,
  personNameSchema,
  problemOf,
  uuidSchema,
} from '../../../src/domain/validation.js';

/** The problem `schema` finds in `value`, as parseField reports it. */
function problem(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return problemOf(result.error?.issues[0]);
}

describe('problemOf: a schema complaint as a problem the engine words', () => {
  it('reads the bounds of text, numbers and lists', () => {
    expect(problem(personNameSchema, '   ')).toEqual({ kind: 'empty' });
    expect(problem(personNameSchema, 'x'.repeat(101))).toEqual({ kind: 'tooLong', max: 100 });
    expect(problem(entityNameSchema, 'x'.repeat(65))).toEqual({ kind: 'tooLong', max: 64 });
    expect(problem(emailSchema, `${'a'.repeat(250)}@example.com`)).toEqual({ kind: 'tooLong', max: 254 });
    expect(problem(z.number().int().min(1), 0)).toEqual({ kind: 'atLeast', min: 1 });
    expect(problem(z.number().int().max(90), 91)).toEqual({ kind: 'atMost', max: 90 });
    expect(problem(z.number().int().min(1), 2.5)).toEqual({ kind: 'notWholeNumber' });
    expect(problem(z.array(z.unknown()).max(2), [1, 2, 3])).toEqual({ kind: 'tooMany', max: 2 });
  });

  it('reads the format: an email, an id, the characters of a name', () => {
    expect(problem(emailSchema, 'not-an-email')).toEqual({ kind: 'notEmail' });
    expect(problem(uuidSchema, 'abc')).toEqual({ kind: 'notId' });
    expect(problem(entityNameSchema, 'Ops!')).toEqual({ kind: 'badCharacters' });
    expect(problem(entityNameSchema, '-ops')).toEqual({ kind: 'badCharacters' });
  });

  it('reads control characters from the refinement that marks them, and nothing else from a custom check', () => {
    expect(problem(labelSchema, 'a\u0007b')).toEqual({ kind: 'controlCharacters' });
    expect(
      problem(
        z.string().refine(() => false, CONTROL_CHARACTERS_REFUSED),
        'x',
      ),
    ).toEqual({
      kind: 'controlCharacters',
    });
    expect(
      problem(
        z.string().refine(() => false),
        'x',
      ),
    ).toEqual({ kind: 'invalid' });
  });

  it('lists the options of an enum as the keywords to type', () => {
    expect(problem(z.enum(['admin', 'member']), 'boss')).toEqual({
      kind: 'notOneOf',
      options: ['admin', 'member'],
    });
  });

  it('calls anything else invalid', () => {
    expect(problem(z.string(), 5)).toEqual({ kind: 'invalid' });
    expect(problemOf(undefined)).toEqual({ kind: 'invalid' });
  });
});

describe('parseField and parseFields', () => {
  it('return the parsed value or throw a ValidationError with the field and its problem', () => {
    expect(parseField(emailSchema, 'email', ' Ada@Example.com ')).toBe('ada@example.com');
    expect(() => parseField(entityNameSchema, 'groupName', 'x'.repeat(70))).toThrow(
      new ValidationError('groupName', { kind: 'tooLong', max: 64 }),
    );
    expect(() => parseField(entityNameSchema, 'groupName', '')).toThrow(
      expect.objectContaining({ field: 'groupName', problem: { kind: 'empty' }, code: 'invalid_input' }),
    );
  });

  it('name the field by the key the complaint is under, the whole input otherwise', () => {
    const schema = z.object({ emails: z.array(z.unknown()).max(INVITE_LIMITS.emails), seats: z.number() });
    const refusal = (value: unknown) => {
      try {
        parseFields(schema, { emails: 'emails' }, 'invite', value);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal({ emails: Array(51).fill('a'), seats: 1 })).toMatchObject({
      field: 'emails',
      problem: { kind: 'tooMany', max: 50 },
    });
    expect(refusal({ emails: [], seats: 'x' })).toMatchObject({
      field: 'invite',
      problem: { kind: 'invalid' },
    });
  });

  it('keeps the English sentence as its message, for logs and the operator’s command line', () => {
    expect(new ValidationError('groupName', { kind: 'tooLong', max: 64 }).message).toBe(
      'group name must be at most 64 characters',
    );
    expect(new ValidationError('email', { kind: 'notEmail' }).message).toBe('email is not an email address');
    expect(new ValidationError({ contextField: 'work' }, { kind: 'empty' }).message).toBe(
      'work must not be empty',
    );
    expect(new ValidationError('role', { kind: 'notOneOf', options: ['admin', 'member'] }).message).toBe(
      'role must be admin or member',
    );
  });
});
