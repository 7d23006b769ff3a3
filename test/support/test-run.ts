/**
 * Names of what one test run creates in the shared Postgres and Redis. Everything carries the run's
 * id, and the id names the process that owns the run (`p<pid>r<random>`), so a later run can sweep
 * what a run killed before its teardown left behind without touching a run that is still going.
 */

export const DATABASE_PREFIX = 'gatehouse_test_';
export const REDIS_PREFIX = 'gh:test:';

const RUN_ID = /^p(\d+)r[a-z0-9]+$/;

export function newRunId(ownerPid = process.pid): string {
  return `p${ownerPid}r${Math.random().toString(36).slice(2, 8)}`;
}

export function isRunId(value: string): boolean {
  return RUN_ID.test(value);
}

/** A run whose owning process is gone on this machine. */
export function isAbandoned(runId: string): boolean {
  const pid = Number(RUN_ID.exec(runId)?.[1]);
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** The run id in a database or key name made by `databaseName`/`keyPrefix`, if any. */
export function runIdOf(name: string): string | undefined {
  const rest = name.startsWith(DATABASE_PREFIX)
    ? name.slice(DATABASE_PREFIX.length)
    : name.startsWith(REDIS_PREFIX)
      ? name.slice(REDIS_PREFIX.length)
      : undefined;
  const id = rest?.split(/[_:]/)[0];
  return id && isRunId(id) ? id : undefined;
}

/** A database of this run: `gatehouse_test_<run>_<what>` (at most 63 characters, as Postgres allows). */
export function databaseName(runId: string, what: string): string {
  return `${DATABASE_PREFIX}${runId}_${what}`.slice(0, 63);
}

/** A Redis key prefix of this run: `gh:test:<run>:<what>:`. */
export function keyPrefix(runId: string, what: string): string {
  return `${REDIS_PREFIX}${runId}:${what}:`;
}
