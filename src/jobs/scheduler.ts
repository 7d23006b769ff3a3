import pg from 'pg';
import PgBoss from 'pg-boss';
import pRetry, { AbortError } from 'p-retry';
import type { Logger } from 'pino';

/** Work that runs on a schedule: once per due time across every process, never a timer per process. */
export interface ScheduledJob {
  /** The queue's name in pg-boss (letters, digits, `-`). */
  name: string;
  /** When, as cron in UTC. */
  cron: string;
  run(): Promise<unknown>;
}

export interface Scheduler {
  /** Runs `name` now, as its schedule would (operators, tests). */
  runNow(name: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss on the record's database (its own schema, `pgboss`) and schedules `jobs` there:
 * pg-boss's cron hands each due run to one process whichever of them are up, and a run that throws is
 * retried by the queue. A job's failure is logged, never thrown at the caller.
 */
export async function startScheduler(
  databaseUrl: string,
  jobs: readonly ScheduledJob[],
  log: Pick<Logger, 'warn' | 'error'>,
): Promise<Scheduler> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    application_name: 'gatehouse-jobs',
    max: 2,
  });
  boss.on('error', (error: unknown) => log.warn({ err: error }, 'the job queue reported an error'));
  // pg-boss deadlocks when processes starting together create the same queue, and a queue's creation
  // (DDL on its tables) can still deadlock with another process's maintenance: one start at a time,
  // and the setup is tried again when Postgres picks it as a deadlock's victim.
  await oneAtATime(databaseUrl, async () => {
    await boss.start();
    await pRetry(
      async () => {
        try {
          for (const job of jobs) {
            await boss.createQueue(job.name);
            await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
          }
        } catch (error) {
          throw isDeadlock(error) ? error : new AbortError(error instanceof Error ? error : String(error));
        }
      },
      { retries: 5, minTimeout: 50, maxTimeout: 500, randomize: true },
    );
  });
  for (const job of jobs) {
    await boss.work(job.name, async () => {
      try {
        await job.run();
      } catch (error) {
        log.error({ err: error, job: job.name }, 'a scheduled job failed');
        throw error;
      }
    });
  }
  return {
    runNow: async (name) => void (await boss.send(name, {})),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

function isDeadlock(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '40P01';
}

async function oneAtATime(databaseUrl: string, work: () => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'gatehouse-jobs' });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('gatehouse.jobs.setup'))");
    await work();
  } finally {
    await client.end();
  }
}
