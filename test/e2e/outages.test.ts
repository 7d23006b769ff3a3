import type { AddressInfo } from 'node:net';
import pino from 'pino';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { Person, testEngine } from '../support/engine.js';
import { linkChat, seedUser } from '../support/seed.js';
import { APOLOGY } from '../../src/engine/replies.js';
import { healthRoutes, listen } from '../../src/http/server.js';
import { createInvites } from '../../src/domain/invites.js';

/** What the bot does when its session store loses the conversations or its Postgres goes away for a while. */

const { url, sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const logLines: string[] = [];
const engine = testEngine(
  store,
  sessions,
  {},
  pino({ level: 'warn' }, { write: (l: string) => void logLines.push(l) }),
);
const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
await linkChat(store, admin, 'ada');

describe('sessions lost mid-flow (a flushed Redis)', () => {
  it('tells the person to start the step again, and the record is intact', async () => {
    const [invite] = await createInvites(store, {
      actorId: admin.id,
      emails: ['kim@example.com'],
      role: 'member',
      groupNames: [],
    });
    const kim = new Person(engine, 'kim');
    expect(await kim.say(`/start ${invite!.payload}`)).toMatch(/What should we call you/);
    expect(await kim.say('Kim')).toMatch(/choose a password/);
    const [before] = await sql`select count(*)::int as n from users`;

    await sessions.deleteByPrefix('');

    const lost = await kim.say('violet-Harbor-Lantern-42');
    expect(lost).toMatch(/start (it|that step) again/i);
    const [after] = await sql`select count(*)::int as n from users`;
    expect(after!.n).toBe(before!.n);
    const [open] = await sql`select uses from invites where id = ${invite!.invite.id}`;
    expect(open!.uses).toBe(0);
    expect(await kim.say(`/start ${invite!.payload}`)).toMatch(/What should we call you/);
  });
});

describe('Postgres going away under load', () => {
  it('reports not ready meanwhile, answers every update once it is back, and recovers without a restart', async () => {
    const admin_ = postgres(inject('adminDatabaseUrl'), { max: 1, onnotice: () => {} });
    const database = new URL(url).pathname.slice(1);
    const people = await Promise.all(
      Array.from({ length: 8 }, async (_, i) => {
        const user = await seedUser(store, { name: `Load ${i}` });
        await linkChat(store, user, `load-${i}`);
        return new Person(engine, `load-${i}`);
      }),
    );
    const round = () => Promise.all(people.map((p) => p.say('/profile')));
    expect((await round()).join('\n')).not.toContain(APOLOGY);
    const server = await listen(0, [healthRoutes(async () => (await sql`select 1`, true))], () => undefined);
    const readyz = `http://127.0.0.1:${(server.address() as AddressInfo).port}/readyz`;

    await admin_`alter database ${admin_(database)} with allow_connections false`;
    await admin_`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
    let during: Promise<string[]>[] = [];
    try {
      during = [round(), round()];
      expect((await fetch(readyz)).status).toBe(503);
      await new Promise((r) => setTimeout(r, 1_000));
    } finally {
      await admin_`alter database ${admin_(database)} with allow_connections true`;
      await admin_.end();
    }

    // Every update of the outage gets an answer: the apology if it failed, else the real one.
    for (const replies of await Promise.all(during))
      for (const reply of replies)
        expect(reply.trim()).toMatch(new RegExp(`^(Sorry, something went wrong|Load \\d)`));
    // Back within a few reconnection attempts, with no restart of anything.
    let after = '';
    for (let i = 0; i < 50 && (after === '' || after.includes(APOLOGY)); i++) {
      if (after) await new Promise((r) => setTimeout(r, 100));
      after = (await round()).join('\n');
    }
    expect(after).not.toContain(APOLOGY);
    expect(after).toMatch(/Load 0/);
    expect((await fetch(readyz)).status).toBe(200);
    server.close();
  });
});
