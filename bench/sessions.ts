import type { Engine } from '../src/engine/engine.js';
import { conversationKey, type Inbound } from '../src/engine/inbound.js';
import type { Outbound } from '../src/engine/outbound.js';
import { RedisSessionStore } from '../src/store/sessions-redis.js';
import { freshDatabase, openRecord } from './support/db.js';
import { benchEngine } from './support/engine.js';
import { boundsFillingInterviewer } from './support/interviewers.js';
import { BENCH_REDIS_URL, benchPrefix, benchRedis, clearPrefix } from './support/redis.js';
import { seedTeam } from './support/seed.js';

/** One person in their private chat, talking to the engine as the Telegram adapter would. */
class Chat {
  private last: Outbound[] = [];
  private messageId = 0;

  constructor(
    private readonly engine: Engine,
    readonly telegramId: number,
  ) {}

  get inbound(): Omit<Inbound, 'command' | 'text' | 'action'> {
    const id = String(this.telegramId);
    return {
      platform: 'telegram',
      sender: { externalId: id, username: `u${id}`, displayName: `U${id}` },
      chat: { id, isPrivate: true },
      messageId: String(++this.messageId),
    };
  }

  async say(line: string): Promise<void> {
    const command = /^\/(\w+)\s*([\s\S]*)$/.exec(line);
    this.last = await this.engine.handle(
      command
        ? { ...this.inbound, command: { name: command[1]!, args: command[2]! } }
        : { ...this.inbound, text: line },
    );
  }

  async tap(label: string): Promise<void> {
    const button = this.last
      .flatMap((r) => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []))
      .find((b) => b.label === label);
    if (!button) throw new Error(`no button ${label}`);
    this.last = await this.engine.handle({ ...this.inbound, action: button.action });
  }
}

/** Bytes Redis holds for one conversation: its stored fields and values, and Redis's own count. */
async function storedBytes(
  redis: ReturnType<typeof benchRedis>,
  key: string,
): Promise<{ payload: number; memory: number }> {
  const hash = await redis.hgetall(key);
  if (Object.keys(hash).length === 0) throw new Error(`nothing stored under ${key}`);
  const payload = Object.entries(hash).reduce(
    (sum, [f, v]) => sum + Buffer.byteLength(f) + Buffer.byteLength(v),
    0,
  );
  return { payload, memory: (await redis.memory('USAGE', key)) ?? 0 };
}

const LONG_ANSWER = 'I lead the “Zürich” platform team — infra, CI/CD & on-call 🙂; we ship weekly. '
  .repeat(8)
  .slice(0, 500);

/**
 * The session one conversation leaves in Redis: parked at each waiting step of `/invite` (the
 * largest is reported), and in the onboarding interview filled to its bounds (the largest of every
 * turn), once with an interviewer that writes as much as it may and once with the scripted one.
 */
export async function benchSessions(): Promise<Record<string, number>> {
  const record = openRecord(await freshDatabase('gatehouse_bench_engine'));
  const prefix = benchPrefix('sessions');
  const sessions = new RedisSessionStore(BENCH_REDIS_URL, prefix);
  const redis = benchRedis();
  try {
    const team = await seedTeam(record.sql, { members: 2 });
    const measure = async (chat: Chat) => storedBytes(redis, prefix + conversationKey(chat.inbound));

    const admin = new Chat(benchEngine(record.store, sessions), team.adminTelegramId);
    const invite: { payload: number; memory: number }[] = [];
    await admin.say('/invite');
    invite.push(await measure(admin));
    await admin.say('new.colleague@example.com');
    invite.push(await measure(admin));
    await admin.tap('Member');
    invite.push(await measure(admin));
    await admin.say('Team 1, Team 2, Team 3');
    invite.push(await measure(admin));
    await admin.say('label:"Spring hires, platform team"');
    invite.push(await measure(admin));

    const interview = async (engine: Engine, telegramId: number) => {
      const chat = new Chat(engine, telegramId);
      const sizes: { payload: number; memory: number }[] = [];
      await chat.say('/onboarding');
      for (let turn = 0; turn < 11; turn++) {
        sizes.push(await measure(chat));
        await chat.say(LONG_ANSWER);
      }
      return sizes;
    };
    const filled = await interview(
      benchEngine(record.store, sessions, { interviewer: boundsFillingInterviewer }),
      team.adminTelegramId,
    );
    const scripted = await interview(benchEngine(record.store, sessions), team.members[0]!.telegramId);
    const largest = (sizes: { payload: number; memory: number }[], field: 'payload' | 'memory') =>
      Math.max(...sizes.map((s) => s[field]));
    return {
      session_bytes_idle_flow: largest(invite, 'payload'),
      session_bytes_onboarding: Math.max(largest(filled, 'payload'), largest(scripted, 'payload')),
      session_bytes_onboarding_model: largest(filled, 'payload'),
      session_bytes_onboarding_scripted: largest(scripted, 'payload'),
      session_redis_memory_idle_flow: largest(invite, 'memory'),
      session_redis_memory_onboarding: Math.max(largest(filled, 'memory'), largest(scripted, 'memory')),
    };
  } finally {
    await redis.quit();
    await sessions.close();
    await record.close();
    await clearPrefix(prefix);
  }
}
