import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { Person, testEngine } from '../support/engine.js';
import { seedUser } from '../support/seed.js';
import { FakeOpenAi } from '../fakes/openai-server.js';
import { PostgresSessionStore } from '../../src/store/sessions-postgres.js';
import { createOpenAiResponder } from '../../src/agents/responder.js';
import { createAgent, setAgentAccess } from '../../src/domain/agents.js';
import { addToGroup, createGroup, removeFromGroup } from '../../src/domain/groups.js';
import { updatePersonalContext } from '../../src/domain/context.js';
import { deactivateUser } from '../../src/domain/users.js';

const openai = new FakeOpenAi();
const { sql, store } = await createTestDatabase();
const sessions = new PostgresSessionStore(sql);
let withModel: ReturnType<typeof testEngine>;
const withoutModel = testEngine(store, sessions);

const admin = await seedUser(store, { role: 'admin', name: 'Ada' });
const finn = await seedUser(store, { name: 'Finn' });
const olly = await seedUser(store, { name: 'Olly' });
for (const [id, user] of [
  ['finn', finn],
  ['olly', olly],
  ['ada', admin],
] as const) {
  await store.identities.insertIdentity({
    platform: 'telegram',
    externalId: id,
    userId: user.id,
    username: id,
  });
}
await createGroup(store, { actorId: admin.id, name: 'Finance' });
await addToGroup(store, { actorId: admin.id, groupName: 'Finance', userId: finn.id });
await createAgent(store, { actorId: admin.id, name: 'Helpdesk', description: 'Questions about tools' });
await createAgent(store, {
  actorId: admin.id,
  name: 'Budget Bot',
  instructions: 'Answer budget questions in euros.',
});
await setAgentAccess(store, { actorId: admin.id, agentName: 'Budget Bot', access: ['Finance'] });
await updatePersonalContext(store, { userId: finn.id, fields: { role: 'Controller', language: 'English' } });

beforeAll(async () => {
  await openai.start();
  withModel = testEngine(store, sessions, {}, pino({ level: 'silent' }), {
    agentResponder: createOpenAiResponder({ apiKey: 'test-key', baseURL: openai.url, model: 'fake-model' }),
  });
});
afterAll(() => openai.stop());

describe('agents', () => {
  it('lists exactly the agents a member may use, with a button to talk to each', async () => {
    expect(await new Person(withModel, 'finn').say('/agents')).toMatch(
      /Budget Bot[\s\S]*Helpdesk[\s\S]*\[Talk to Budget Bot\]/,
    );
    const olly_ = await new Person(withModel, 'olly').say('/agents');
    expect(olly_).toMatch(/Helpdesk/);
    expect(olly_).not.toMatch(/Budget Bot/);
  });

  it('sends a message with the agent instructions and the person context, and keeps the conversation', async () => {
    const person = new Person(withModel, 'finn');
    openai.answer({ content: 'About 42,000 euros.' }, { content: 'Yes, per quarter.' });
    expect(await person.say('/ask budget bot What is left this year?')).toBe(
      'Budget Bot: About 42,000 euros.',
    );
    expect(await person.say('Per quarter?')).toBe('Budget Bot: Yes, per quarter.');
    const [first, second] = openai.requests.slice(-2);
    expect(first!.messages[0]!.content).toMatch(/Answer budget questions in euros[\s\S]*role: Controller/);
    expect(second!.messages.map((m) => m.content)).toEqual([
      expect.any(String),
      'What is left this year?',
      'About 42,000 euros.',
      'Per quarter?',
    ]);
  });

  it('cuts a person off at their next message when they leave the group', async () => {
    const person = new Person(withModel, 'finn');
    openai.answer({ content: 'Hello.' });
    await person.say('/ask Budget Bot hi');
    await removeFromGroup(store, { actorId: admin.id, groupName: 'Finance', userId: finn.id });
    const before = openai.requests.length;
    expect(await person.say('still there?')).toMatch(/no agent called “Budget Bot” that you can use/);
    expect(openai.requests.length).toBe(before);
    await addToGroup(store, { actorId: admin.id, groupName: 'Finance', userId: finn.id });
  });

  it('answers a hidden agent exactly like one that does not exist', async () => {
    const hidden = await new Person(withModel, 'olly').say('/ask Budget Bot hi');
    const missing = await new Person(withModel, 'olly').say('/ask Nothing hi');
    expect(hidden.replace('Budget', 'X')).toBe(missing.replace('Nothing', 'X'));
  });

  it('cuts off a person who is deactivated mid-conversation', async () => {
    const person = new Person(withModel, 'olly');
    openai.answer({ content: 'Sure.' });
    await person.say('/ask Helpdesk how do I reset my VPN?');
    await deactivateUser(store, { actorId: admin.id, userId: olly.id });
    expect(await person.say('thanks')).toMatch(/deactivated/);
  });

  it('says plainly when no model is configured, while listing still works', async () => {
    const person = new Person(withoutModel, 'finn');
    expect(await person.say('/agents')).toMatch(/Helpdesk/);
    expect(await person.say('/ask Helpdesk hello')).toMatch(/no language model is configured/);
  });

  it('survives a model error and keeps the conversation open', async () => {
    const person = new Person(withModel, 'finn');
    openai.answer({ status: 500 }, { status: 500 }, { content: 'Back again.' });
    expect(await person.say('/ask Helpdesk hello')).toMatch(/Sorry, something went wrong/);
    expect(await person.say('hello again')).toBe('Helpdesk: Back again.');
  });
});
