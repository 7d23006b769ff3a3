import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { createTelegramAdapter } from '../src/adapters/telegram/bot.js';
import { engineDirectory } from '../src/adapters/telegram/menus.js';
import { createInvites } from '../src/domain/invites.js';
import { ARGON2_OPTIONS } from '../src/domain/passwords.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import { freshDatabase, openRecord } from './support/db.js';
import { benchEngine } from './support/engine.js';
import { BENCH_REDIS_URL, benchPrefix, clearPrefix } from './support/redis.js';
import { seedTeam } from './support/seed.js';
import type { Sizes } from './support/sizes.js';
import { pool } from './support/stats.js';
import { bareArgon2 } from './references.js';
import { cpuPer, cpuSpent, type CpuSpent } from './support/cpu.js';
import { BOT_INFO, BOT_TOKEN, fakeBotApi, textUpdate } from './support/telegram.js';

const FIRST_NEWCOMER = 500_000;
const PASSWORD = 'violet-Harbor-Lantern-42';

/**
 * Complete claims through the Telegram adapter: `/start <invite>`, a name, a password (staged as a
 * keyed digest), the password again (matched against the digest, then hashed once with argon2id at
 * the production ARGON2_OPTIONS and used in the claim's transaction with the account, identity,
 * groups, personal agent and audit row), then the onboarding greeting; `concurrency` newcomers at a
 * time.
 * The event loop's delay is sampled every millisecond meanwhile, and the CPU the claims take is read
 * from /proc (see `cpuFigures`). The reference is bare argon2id hashing at the same parameters and
 * concurrency.
 */
export async function benchClaims(sizes: Sizes['claims']): Promise<Record<string, number>> {
  const record = openRecord(await freshDatabase('gatehouse_bench_engine'));
  const prefix = benchPrefix('claims');
  const sessions = new RedisSessionStore(BENCH_REDIS_URL, prefix);
  try {
    const team = await seedTeam(record.sql, { members: 2 });
    const payloads: string[] = [];
    for (let batch = 0; payloads.length < sizes.claims; batch++) {
      const emails = Array.from(
        { length: Math.min(50, sizes.claims - payloads.length) },
        (_, i) => `claim${batch * 50 + i}@bench.test`,
      );
      const issued = await createInvites(record.store, {
        actorId: team.adminId,
        emails,
        role: 'member',
        groupNames: ['Team 1'],
      });
      payloads.push(...issued.map((i) => i.payload));
    }
    const engine = benchEngine(record.store, sessions);
    const adapter = createTelegramAdapter(engine, {
      token: BOT_TOKEN,
      apiRoot: 'https://api.telegram.invalid',
      botInfo: BOT_INFO,
      directory: engineDirectory(engine),
      log: pino({ level: 'silent' }),
    });
    adapter.bot.api.config.use(fakeBotApi);
    const claim = async (i: number) => {
      const id = FIRST_NEWCOMER + i;
      await adapter.bot.handleUpdate(textUpdate(id, `/start ${payloads[i]}`));
      await adapter.bot.handleUpdate(textUpdate(id, `Newcomer ${i}`));
      await adapter.bot.handleUpdate(textUpdate(id, PASSWORD));
      await adapter.bot.handleUpdate(textUpdate(id, PASSWORD));
    };
    const warmup = 4;
    await pool(warmup, sizes.concurrency, claim);

    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    const cpuBefore = cpuSpent();
    const start = performance.now();
    await pool(sizes.claims - warmup, sizes.concurrency, (i) => claim(i + warmup));
    const seconds = (performance.now() - start) / 1000;
    loop.disable();
    const cpuAfter = cpuSpent();

    const [made] = await record.sql<{ count: number }[]>`
      select count(*)::int as count from users where email like 'claim%@bench.test'`;
    if (made!.count !== sizes.claims)
      throw new Error(`${made!.count} of ${sizes.claims} claims made an account`);
    const [hash] = await record.sql<{ passwordHash: string }[]>`
      select password_hash from users where email = 'claim0@bench.test'`;
    const expected = `$argon2id$v=19$m=${ARGON2_OPTIONS.memoryCost},t=${ARGON2_OPTIONS.timeCost},p=${ARGON2_OPTIONS.parallelism}$`;
    if (!hash!.passwordHash.startsWith(expected))
      throw new Error(`unexpected hash parameters: ${hash!.passwordHash.slice(0, 40)}`);
    const claimsPerSecond = (sizes.claims - warmup) / seconds;
    const argon2Bare = await bareArgon2(sizes.claims, sizes.concurrency);
    return {
      claims_per_s_c4: claimsPerSecond,
      argon2_bare_per_s_c4: argon2Bare.perSecond,
      claims_over_argon2: claimsPerSecond / argon2Bare.perSecond,
      ...(cpuBefore && cpuAfter && argon2Bare.cpuMsPerHash !== undefined
        ? cpuFigures(cpuPer(cpuBefore, cpuAfter, sizes.claims - warmup), argon2Bare.cpuMsPerHash)
        : {}),
      loop_delay_p99_ms_during_claims: loop.percentile(99) / 1e6,
      loop_delay_max_ms_during_claims: loop.max / 1e6,
    };
  } finally {
    await sessions.close();
    await record.close();
    await clearPrefix(prefix);
  }
}

/**
 * Where a claim's CPU goes, against one bare hash's. With every core busy (4 claims in flight on 2
 * cores), claims ÷ bare hashes per second can be no more than a hash's CPU ÷ a claim's: that bound
 * is `claims_over_argon2_cpu_bound`, so the measured ratio reads against it.
 */
function cpuFigures(claim: CpuSpent, argon2MsPerHash: number): Record<string, number> {
  const total = claim.mainThread + claim.otherThreads + claim.postgres + claim.redis;
  return {
    claim_cpu_ms_main_thread: claim.mainThread,
    claim_cpu_ms_other_threads: claim.otherThreads,
    claim_cpu_ms_postgres: claim.postgres,
    claim_cpu_ms_redis: claim.redis,
    argon2_cpu_ms_per_hash: argon2MsPerHash,
    claim_cpu_ms_besides_argon2: total - argon2MsPerHash,
    claims_over_argon2_cpu_bound: argon2MsPerHash / total,
  };
}
