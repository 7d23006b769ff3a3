import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine } from '../support/engine.js';
import { withBothPlatforms } from '../support/platforms.js';
import { readable as telegramReadable, TelegramUser } from '../support/telegram-user.js';
import { readable as slackReadable, SlackUser } from '../support/slack-user.js';
import { GOOD_PASSWORD, linkChat, seedUser } from '../support/seed.js';
import { createInvites } from '../../src/domain/invites.js';
import { SECRET_ACTION } from '../../src/adapters/slack/render.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const platforms = withBothPlatforms(engine, pino({ level: 'silent' }));
const admin = await seedUser(store, { role: 'admin', name: 'Olivia' });
await linkChat(store, admin, '900');

async function inviteCode(): Promise<string> {
  const [issued] = await createInvites(store, {
    actorId: admin.id,
    emails: [],
    role: 'member',
    groupNames: [],
    maxUses: 1,
    expiresInDays: 7,
  });
  return issued!.payload;
}

/** The interview's answers, in the newcomer's own language: role, team, language, style, focus. */
const ANSWERS = {
  de: ['Entwicklerin im Zahlungsteam', 'Zahlungen', 'Deutsch', 'kurz und locker', 'die PCI-Prüfung'],
  es: ['Desarrolladora de pagos', 'Pagos', 'Español', 'breve e informal', 'la auditoría PCI'],
  en: ['Developer on payments', 'Payments', 'English', 'short and casual', 'the PCI audit'],
};

/**
 * The lines a person read that are sentences (three words or more), without what they typed
 * themselves: these must all be in their language, so none may be the English story's.
 */
function sentences(transcript: string, typed: string[]): string[] {
  return transcript
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => (line.match(/\p{L}{2,}/gu) ?? []).length >= 3)
    .filter((line) => !typed.some((answer) => line.includes(answer)));
}

/** Claim, the scripted interview saved, then /agents: everything a Telegram newcomer reads. */
async function telegramStory(id: number, name: string, language: 'de' | 'en'): Promise<string> {
  const { telegram, bot } = platforms;
  const person = new TelegramUser(bot.bot, telegram, id, name, language);
  const from = telegram.calls.length;
  await person.say(`/start ${await inviteCode()}`);
  await person.say(name);
  await person.choose('skip');
  await person.say(GOOD_PASSWORD);
  const ready = await person.say(GOOD_PASSWORD);
  expect(ready).toContain('1');
  for (const answer of ANSWERS[language]) await person.say(answer);
  await person.choose('save');
  const agents = await person.say('/agents');
  expect(agents).toMatch(/Smithers/);
  const read = telegram.calls
    .slice(from)
    .filter(
      (c) => String(c.params.chat_id) === String(id) && /^(sendMessage|editMessageText)$/.test(c.method),
    );
  expect(JSON.stringify(telegram.calls.slice(from))).not.toContain(GOOD_PASSWORD);
  return telegramReadable(read.map((c) => ({ ...c, method: 'sendMessage' })));
}

/** The same story on Slack: the code in a DM, the password in a modal, the interview, /agents. */
async function slackStory(user: string, name: string, language: 'es' | 'en'): Promise<string> {
  const { slack, slackEventsUrl } = platforms;
  slack.locales.set(user, language === 'es' ? 'es-ES' : 'en-US');
  const person = new SlackUser(slack, slackEventsUrl, 'T1', user);
  const from = slack.calls.length;
  await person.dmText(await inviteCode());
  await person.dmText(name);
  await person.choose('skip');
  await person.pressRaw(SECRET_ACTION, secretButtonValue(slack.since(from)));
  const { replies } = await person.submitSecret(GOOD_PASSWORD);
  expect(replies).toContain('1');
  for (const answer of ANSWERS[language]) await person.dmText(answer);
  await person.choose('save');
  expect(await person.command('agents')).toMatch(/Smithers/);
  const dm = slack.since(from).filter((c) => c.method === 'respond' || c.body.channel === `D${user}`);
  expect(JSON.stringify(slack.since(from))).not.toContain(GOOD_PASSWORD.slice(0, 12) + '"');
  const modal = slack
    .since(from)
    .filter((c) => c.method === 'views.open')
    .map((c) => JSON.stringify(c.body.view));
  return [slackReadable(dm), ...modal].join('\n');
}

/** The value of the newest "enter it privately" button among `calls`. */
function secretButtonValue(calls: { body: Record<string, unknown> }[]): string {
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const element = node as { action_id?: unknown; value?: unknown };
      if (element.action_id === SECRET_ACTION && typeof element.value === 'string')
        values.push(element.value);
      Object.values(node).forEach(walk);
    }
  };
  calls.forEach((c) => walk(c.body));
  const value = values.at(-1);
  if (!value) throw new Error('no secret button was shown');
  return value;
}

describe('a newcomer goes through claim, interview and /agents in their own language', () => {
  it('on Telegram, in German: no sentence of it is the English story’s', async () => {
    const english = await telegramStory(3101, 'Emma', 'en');
    const german = await telegramStory(3102, 'Greta', 'de');
    expect(german).toMatch(/Passwort/);
    expect(german).toMatch(/Smithers/);
    const read = sentences(german, ANSWERS.de);
    expect(read.length).toBeGreaterThan(8);
    const englishLines = new Set(english.split('\n').map((l) => l.trim()));
    expect(read.filter((line) => englishLines.has(line))).toEqual([]);
    expect(german).not.toMatch(/\b(the|your|you|and|what)\b/i);
    const saved = await store.db<{ locale: string | null }[]>`select locale from users where name = 'Greta'`;
    expect(saved[0]?.locale).toBe('de');
  });

  it('on Slack, in Spanish: no sentence of it, nor of the password modal, is the English story’s', async () => {
    const english = await slackStory('UEMMA', 'Emma', 'en');
    const spanish = await slackStory('USOFIA', 'Sofía', 'es');
    expect(spanish).toMatch(/contraseña/);
    const read = sentences(spanish, ANSWERS.es);
    expect(read.length).toBeGreaterThan(8);
    const englishLines = new Set(english.split('\n').map((l) => l.trim()));
    expect(read.filter((line) => englishLines.has(line))).toEqual([]);
    expect(spanish).not.toMatch(/\b(the|your|you|and|what)\b/i);
  });
});
