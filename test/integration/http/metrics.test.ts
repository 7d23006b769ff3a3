import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createMetrics } from '../../../src/http/metrics.js';
import { healthRoutes, listen } from '../../../src/http/server.js';

const { sql, store } = await createTestDatabase();
const sessions = new PostgresSessionStore(sql);
const metrics = createMetrics();
const engine = testEngine(store, sessions, {}, pino({ level: 'silent' }), { metrics: metrics.engine });
const server = await listen(0, [healthRoutes(async () => true), metrics.route], () => undefined);
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(() => void server.close());

describe('/metrics', () => {
  it('counts updates by platform and outcome, flow transitions, errors and handling time', async () => {
    const ada = await seedUser(store, { role: 'admin' });
    await linkChat(store, ada, 'ada');
    const person = new Person(engine, 'ada');
    await person.say('/help');
    await person.say('/invite');
    await person.say('/cancel');
    const load = sessions.load.bind(sessions);
    sessions.load = async () => {
      throw new Error('the session store is down');
    };
    await person.say('/help');
    sessions.load = load;

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/gatehouse_updates_total\{platform="telegram",outcome="ok"\} 3/);
    expect(text).toMatch(/gatehouse_updates_total\{platform="telegram",outcome="failed"\} 1/);
    expect(text).toMatch(/gatehouse_flow_transitions_total\{flow="invite"\} [1-9]/);
    expect(text).toMatch(/gatehouse_errors_total\{where="update"\} 1/);
    expect(text).toMatch(/gatehouse_update_duration_seconds_count\{platform="telegram"\} 4/);
    expect(text).toMatch(/gatehouse_process_resident_memory_bytes \d+/);
    expect(text).toMatch(/gatehouse_nodejs_eventloop_lag_seconds/);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
