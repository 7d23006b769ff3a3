import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { cleanUpAfter, createTestDatabase } from '../../support/db.js';
import { maintenanceJobs } from '../../../src/jobs/maintenance.js';
import { startScheduler, type ScheduledJob, type Scheduler } from '../../../src/jobs/scheduler.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { url, sql, store } = await createTestDatabase();
const log = pino({ level: 'silent' });

async function started(jobs: ScheduledJob[]): Promise<Scheduler> {
  const scheduler = await startScheduler(url, jobs, log);
  cleanUpAfter(() => scheduler.stop());
  return scheduler;
}

async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await done()); i++) await new Promise((r) => setTimeout(r, 50));
}

async function completed(name: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from pgboss.job where name = ${name} and state = 'completed'`;
  return row!.n;
}

describe('the scheduler', () => {
  it('schedules each job once, however many processes start, and hands a due run to exactly one', async () => {
    const runs: string[] = [];
    const job = (process: string): ScheduledJob => ({
      name: 'count-runs',
      cron: '*/5 * * * *',
      run: async () => void runs.push(process),
    });
    const [first] = await Promise.all([started([job('first')]), started([job('second')])]);
    const schedules = await sql`select name, cron from pgboss.schedule`;
    expect(schedules).toEqual([{ name: 'count-runs', cron: '*/5 * * * *' }]);

    await first.runNow('count-runs');
    await until(async () => (await completed('count-runs')) === 1);
    expect(await completed('count-runs')).toBe(1);
    expect(runs).toHaveLength(1);
  });

  it('purges expired conversation state in the Postgres session store', async () => {
    const sessions = new PostgresSessionStore(sql);
    cleanUpAfter(() => sessions.close());
    await sessions.save('telegram:1:1', '{"flow":{}}', 0, 1);
    await sessions.save('telegram:2:2', '{"flow":{}}', 0, 3600);
    await sql`update sessions set expires_at = now() - interval '1 minute' where key = 'telegram:1:1'`;
    const scheduler = await started(maintenanceJobs(store, sessions));

    await scheduler.runNow('purge-expired-sessions');
    await until(async () => (await completed('purge-expired-sessions')) === 1);
    const left = await sql<{ key: string }[]>`select key from sessions order by key`;
    expect(left.map((r) => r.key)).toEqual(['telegram:2:2']);
  });

  it('drops staged new passwords nobody confirmed in time, and keeps the others', async () => {
    const expired = await store.stagedPasswords.insertStagedPassword(randomBytes(32), 60);
    const waiting = await store.stagedPasswords.insertStagedPassword(randomBytes(32), 3600);
    await sql`update staged_passwords set expires_at = now() - interval '1 second' where id = ${expired}`;
    const scheduler = await started(maintenanceJobs(store, new PostgresSessionStore(sql)));

    await scheduler.runNow('purge-expired-staged-passwords');
    await until(async () => (await completed('purge-expired-staged-passwords')) === 1);
    const left = await sql<{ id: string }[]>`select id from staged_passwords`;
    expect(left.map((r) => r.id)).toEqual([waiting]);
  });
});
