import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InterviewInput } from '../../../flows/onboarding.js';
import { createOpenAiInterviewer } from '../../../src/onboarding/interviewer.js';
import { FakeOpenAi } from '../../fakes/openai-server.js';

const openai = new FakeOpenAi();
beforeAll(() => openai.start());
afterAll(() => openai.stop());

const opening: InterviewInput = {
  personaName: 'Smithers',
  isAdmin: false,
  fields: {},
  organisation: {},
  transcript: [],
  answer: null,
  turnsLeft: 5,
};

function interviewer() {
  return createOpenAiInterviewer({
    apiKey: 'test-key',
    baseURL: openai.url,
    model: 'fake-model',
    timeoutMs: 2000,
    log: pino({ level: 'silent' }),
  });
}

describe('the model interviewer speaks the person’s language', () => {
  it('tells the model which language to speak', async () => {
    openai.answer({ content: 'Hallo! Was machst du?' });
    const turn = await interviewer()(opening, 'de');
    expect(turn.say).toBe('Hallo! Was machst du?');
    const system = openai.requests.at(-1)!.messages[0]!;
    expect(system.role).toBe('system');
    expect(system.content).toContain('Speak German (de) with this person unless they ask otherwise.');
  });

  it('words the scripted turn it falls back to in that language', async () => {
    openai.answer({ status: 500 });
    const turn = await interviewer()(opening, 'es');
    expect(openai.requests.at(-1)!.messages[0]!.content).toContain('Speak Spanish (es)');
    expect(turn.say).toMatch(
      /^Hola, soy Smithers\.[\s\S]*¿Cuál es tu puesto y en qué trabajas\? \(1 de 5\)$/,
    );
  });
});
