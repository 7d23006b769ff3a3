import postgres from 'postgres';

const LAST_ADMIN = 'GH001';
const UNIQUE_VIOLATION = '23505';

function code(error: unknown): string | undefined {
  return error instanceof postgres.PostgresError ? error.code : undefined;
}

/** The users trigger refused to remove the last active admin. */
export function isLastAdminViolation(error: unknown): boolean {
  return code(error) === LAST_ADMIN;
}

/** A unique index refused a row; with `constraint`, only that index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return (
    code(error) === UNIQUE_VIOLATION &&
    (constraint === undefined || (error as postgres.PostgresError).constraint_name === constraint)
  );
}
