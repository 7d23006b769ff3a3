import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import pino from 'pino';
import postgres from 'postgres';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { describeWithRedis, testSessions } from '../support/sessions.js';
import { Person, testEngine } from '../support/engine.js';
import { linkChat, seedUser } from '../support/seed.js';
import { RedisSessionStore } from '../../src/store/sessions-redis.js';
import * as replies from '../../src/engine/replies.js';
import { translate } from '../../src/i18n/translate.js';
import { healthRoutes, listen } from '../../src/http/server.js';
import { createInvites } from '../../src/domain/invites.js';

const APOLOGY = translate('en', replies.APOLOGY);
const SESSION_STORE_AWAY = translate('en', replies.SESSION_STORE_AWAY);

/**
 * What the bot does when its session store loses the conversations, when Redis stops answering or
 * goes away, and when its Postgres goes away for a while.
 */

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

    await sessions.endByPrefix('');

    const lost = await kim.say('violet-Harbor-Lantern-42');
    expect(lost).toMatch(/invite link, open it again/);
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

/** A Redis of this test's own, on a port of its own, that the test can freeze, kill and start again. */
class OwnRedis {
  private server: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = spawn(
      'redis-server',
      ['--bind', '127.0.0.1', '--port', String(this.port), '--save', '', '--appendonly', 'no'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Ready to accept connections')) resolve();
      });
      server.once('exit', () => reject(new Error('redis-server exited')));
    });
  }

  /** Stops answering, its connections open (SIGSTOP): the hardest outage to notice. */
  freeze(): void {
    this.server?.kill('SIGSTOP');
  }

  async kill(): Promise<void> {
    const server = this.server;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGKILL');
    await exited;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The reply, or a note that none came within `ms`: the person is answered, not left waiting. */
function answeredWithin(ms: number, reply: Promise<string>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>(
    (resolve) => (timer = setTimeout(() => resolve(`(no reply within ${ms} ms)`), ms)),
  );
  return Promise.race([reply, late]).finally(() => clearTimeout(timer));
}

describeWithRedis('Redis unreachable', () => {
  it('answers every update within 3 s: commands that need no conversation state from Postgres, the rest with a polite "try again"; and recovers when Redis is back', async () => {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    const ownSessions = new RedisSessionStore(redis.url);
    const bot = testEngine(store, ownSessions);
    const members = await Promise.all(
      [0, 1, 2].map(async (i) => {
        const user = await seedUser(store, { name: `Cut ${i}` });
        await linkChat(store, user, `cut-${i}`);
        return new Person(bot, `cut-${i}`);
      }),
    );
    const mid = new Person(bot, 'ada');
    try {
      expect(await members[0]!.say('/agents')).toMatch(/agents/i);
      expect(await mid.say('/invite')).toMatch(/email/i);

      /** Every member sends three commands at once, and the admin answers the step she is in. */
      const burst = () =>
        Promise.all([
          ...members.flatMap((m) =>
            ['/agents', '/help', '/profile'].map((c) => answeredWithin(3_000, m.say(c))),
          ),
          answeredWithin(3_000, mid.say('kim@example.com')),
          answeredWithin(3_000, members[1]!.say('/name Someone Else')),
        ]);
      const expectPolite = (replies: string[]) => {
        const stateless = replies.slice(0, members.length * 3);
        for (const reply of stateless) expect(reply).not.toMatch(/no reply|can't reach|Sorry/);
        expect(stateless.filter((r) => /^Cut \d/.test(r))).toHaveLength(members.length);
        expect(replies.slice(-2)).toEqual([SESSION_STORE_AWAY, SESSION_STORE_AWAY]);
      };

      redis.freeze();
      expectPolite(await burst());
      await redis.kill();
      expectPolite(await burst());

      await redis.start();
      let back = '';
      for (let i = 0; i < 60 && (back === '' || back === SESSION_STORE_AWAY); i++) {
        if (back) await new Promise((resolve) => setTimeout(resolve, 100));
        back = await mid.say('/invite');
      }
      expect(back).toMatch(/email/i);
    } finally {
      await ownSessions.close();
      await redis.kill();
    }
  });
});
