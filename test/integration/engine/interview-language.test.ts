import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine, transcript } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { FakeOpenAi } from '../../fakes/openai-server.js';
import { createOpenAiInterviewer } from '../../../src/onboarding/interviewer.js';
import type { Engine } from '../../../src/engine/engine.js';

const openai = new FakeOpenAi();
const { sql, store } = await createTestDatabase();
const sessions = new PostgresSessionStore(sql);
// The first account of a workspace is its admin; the people below are members.
await seedUser(store, { role: 'admin', name: 'Ada' });
const scripted = testEngine(store, sessions);
/** An engine whose interviewer is a model (the fake's address is known once it started). */
function withModel(): Engine {
  return testEngine(store, sessions, {}, pino({ level: 'silent' }), {
    interviewer: createOpenAiInterviewer({
      apiKey: 'test-key',
      baseURL: openai.url,
      model: 'fake-model',
      timeoutMs: 2000,
      log: pino({ level: 'silent' }),
    }),
  });
}

beforeAll(() => openai.start());
afterAll(() => openai.stop());

/** A command from a chat whose platform reports `languageCode` (Telegram's language_code). */
async function commandIn(engine: Engine, chat: string, languageCode: string, name: string): Promise<string> {
  return transcript(
    await engine.handle({
      platform: 'telegram',
      sender: { externalId: chat, username: chat, displayName: chat, languageCode },
      chat: { id: chat, isPrivate: true },
      messageId: `${chat}-${name}`,
      command: { name, args: '' },
    }),
  );
}

describe('the interview speaks the person’s language', () => {
  it('saves the preferred language the interview was told, and the next replies are in it', async () => {
    const lena = await seedUser(store, { name: 'Lena', role: 'member' });
    await linkChat(store, lena, 'lena');
    const person = new Person(scripted, 'lena');
    expect(await person.say('/onboarding')).toMatch(/^Hi, I'm Smithers\./);
    await person.say('Designer');
    await person.say('Payments');
    expect(await person.say('Deutsch')).toMatch(/short or detailed/);
    await person.say('short');
    expect(await person.say('the launch')).toContain('• language: Deutsch');
    expect(await person.tap('Save')).toMatch(/^Saved\./);
    expect((await store.users.getUserById(lena.id))?.locale).toBe('de');

    expect(await person.say('/onboarding')).toMatch(
      /^Hallo, ich bin Smithers\.[\s\S]*Was ist deine Rolle, und woran arbeitest du\? \(1 von 5\)/,
    );
    await person.say('/cancel');
  });

  it('keeps the language as it was when the answer names none we speak', async () => {
    const kai = await seedUser(store, { name: 'Kai', role: 'member' });
    await linkChat(store, kai, 'kai');
    const person = new Person(scripted, 'kai');
    await person.say('/onboarding');
    for (const answer of ['Designer', 'Payments', 'Klingon', 'short', 'the launch']) await person.say(answer);
    await person.tap('Save');
    expect((await store.users.getUserById(kai.id))?.locale).toBeNull();
    expect(await person.say('/onboarding')).toMatch(/^Hi, I'm Smithers\./);
    await person.say('/cancel');
  });

  it('tells the model the platform’s language, and a saved choice over it', async () => {
    const engine = withModel();
    const rosa = await seedUser(store, { name: 'Rosa', role: 'member' });
    await linkChat(store, rosa, 'rosa');
    openai.answer({ content: '¡Hola! ¿A qué te dedicas?' });
    expect(await commandIn(engine, 'rosa', 'es', 'onboarding')).toBe('¡Hola! ¿A qué te dedicas?');
    expect(openai.requests.at(-1)!.messages[0]!.content).toContain(
      'Speak Spanish (es) with this person unless they ask otherwise.',
    );
    await commandIn(engine, 'rosa', 'es', 'cancel');

    await store.tx((tx) => tx.users.setLocale(rosa.id, 'de'));
    openai.answer({ content: 'Hallo! Was machst du?' });
    await commandIn(engine, 'rosa', 'es', 'onboarding');
    expect(openai.requests.at(-1)!.messages[0]!.content).toContain('Speak German (de)');
  });
});
