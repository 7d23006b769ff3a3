import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAiResponder } from '../../../src/agents/responder.js';
import { FakeOpenAi } from '../../fakes/openai-server.js';

const openai = new FakeOpenAi();
beforeAll(() => openai.start());
afterAll(() => openai.stop());

describe('an agent speaks the person’s language', () => {
  it('tells the model which language to answer in, with the agent’s own instructions', async () => {
    const responder = createOpenAiResponder({ apiKey: 'test-key', baseURL: openai.url, model: 'fake-model' });
    openai.answer({ content: '¡Claro!' });
    const reply = await responder.reply({
      agentName: 'Helpdesk',
      description: 'Answers IT questions.',
      instructions: 'Be brief.',
      personalContext: { role: 'Designer' },
      history: [],
      message: '¿Me ayudas?',
      locale: 'es',
    });
    expect(reply).toBe('¡Claro!');
    const [system, user] = openai.requests.at(-1)!.messages;
    expect(system).toMatchObject({ role: 'system' });
    expect(system!.content).toMatch(/You are Helpdesk[\s\S]*Be brief\./);
    expect(system!.content).toContain('Speak Spanish (es) with this person unless they ask otherwise.');
    expect(user).toEqual({ role: 'user', content: '¿Me ayudas?' });
  });
});
