import { describe, expect, it } from 'vitest';
import { fromPromise } from 'xstate';
import { AGENT_HISTORY_TURNS, agentChatFlow, type ChatTurn } from '../../../flows/agent-chat.js';
import type { FlowEvent } from '../../../flows/types.js';
import { stepThrough } from '../../support/flow-steps.js';

interface Asked {
  userId: string;
  agentName: string;
  message: string;
  history: ChatTurn[];
}

interface Fakes {
  asked: Asked[];
  /** What the agent answers to a message; a thrown error is the effect failing. */
  answer: (message: string) => string;
}

function fakes(answer: Fakes['answer'] = (message) => `you said ${message}`): Fakes {
  return { asked: [], answer };
}

/** The flow with the agent faked: it records each question and answers as `Helper`. */
function withFakes(f: Fakes) {
  return agentChatFlow.provide({
    actors: {
      askAgent: fromPromise(async ({ input }) => {
        f.asked.push(structuredClone(input));
        return { reply: f.answer(input.message), agentName: 'Helper' };
      }),
    },
  });
}

/** Runs the flow from its start through `events`, one stored step each, as the engine does. */
async function run(f: Fakes, firstMessage: string | null, events: FlowEvent[]) {
  const steps = await stepThrough(withFakes(f), { userId: 'u1', agentName: 'helper', firstMessage }, events);
  return { step: steps.at(-1)!, steps };
}

const say = (text: string): FlowEvent => ({ type: 'text', text });
const unknownAgent = () => Object.assign(new Error('gone'), { code: 'unknown_agent' });

describe('agent-chat flow', () => {
  it('started without a message, says who is listening and waits, asking the agent nothing', async () => {
    const f = fakes();
    const { step } = await run(f, null, []);
    expect(step.emitted).toEqual([
      {
        type: 'reply',
        text: 'You are talking to helper. Send your message; /cancel ends the conversation.',
      },
    ]);
    expect(step.persisted).toBeDefined();
    expect(f.asked).toEqual([]);
  });

  it('asks the agent the first message at once and answers under the name the agent gives', async () => {
    const f = fakes();
    const { step } = await run(f, 'hello', []);
    expect(f.asked).toEqual([{ userId: 'u1', agentName: 'helper', message: 'hello', history: [] }]);
    expect(step.emitted).toEqual([{ type: 'reply', text: 'Helper: you said hello' }]);
    expect(step.persisted).toBeDefined();
  });

  it('sends every later message with the turns before it, and keeps listening', async () => {
    const f = fakes();
    const { steps } = await run(f, null, [say('one'), say('two'), say('three')]);
    expect(f.asked.map((a) => a.message)).toEqual(['one', 'two', 'three']);
    expect(f.asked[2]!.history).toEqual([
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'you said one' },
      { role: 'user', text: 'two' },
      { role: 'assistant', text: 'you said two' },
    ]);
    expect(steps.slice(1).map((s) => s.emitted)).toEqual([
      [{ type: 'reply', text: 'Helper: you said one' }],
      [{ type: 'reply', text: 'Helper: you said two' }],
      [{ type: 'reply', text: 'Helper: you said three' }],
    ]);
    expect(steps.every((s) => s.persisted !== undefined)).toBe(true);
  });

  it(`keeps only the last ${AGENT_HISTORY_TURNS} turns, each cut to 2000 characters`, async () => {
    const f = fakes(() => 'ok');
    const long = 'x'.repeat(2500);
    const events = Array.from({ length: AGENT_HISTORY_TURNS }, (_, i) => say(i === 0 ? long : `m${i}`));
    await run(f, null, events);
    expect(f.asked[0]!.message).toHaveLength(2000);
    expect(f.asked[1]!.history[0]).toEqual({ role: 'user', text: long.slice(0, 2000) });
    const last = f.asked[f.asked.length - 1]!;
    expect(last.message).toBe(`m${AGENT_HISTORY_TURNS - 1}`);
    expect(last.history).toHaveLength(AGENT_HISTORY_TURNS - 1);
    expect(last.history.every((t) => t.text.length <= 2000)).toBe(true);
    expect(last.history.some((t) => t.text === long.slice(0, 2000))).toBe(false);
  });

  it('cuts a long first message to 2000 characters too', async () => {
    const f = fakes();
    await run(f, 'y'.repeat(2100), []);
    expect(f.asked[0]!.message).toBe('y'.repeat(2000));
  });

  it('reports a failed answer, keeps listening, and leaves the unanswered message out of the history', async () => {
    const down = new Error('model timeout');
    const f = fakes((message) => {
      if (message === 'lost') throw down;
      return `you said ${message}`;
    });
    const { steps } = await run(f, null, [say('one'), say('lost'), say('two')]);
    expect(steps[2]!.emitted).toEqual([{ type: 'failed', error: down }]);
    expect(steps[2]!.persisted).toBeDefined();
    expect(f.asked[2]).toMatchObject({
      message: 'two',
      history: [
        { role: 'user', text: 'one' },
        { role: 'assistant', text: 'you said one' },
      ],
    });
    expect(steps[3]!.emitted).toEqual([{ type: 'reply', text: 'Helper: you said two' }]);
  });

  it('ends with the refusal when the person may no longer use the agent', async () => {
    const gone = unknownAgent();
    const f = fakes((message) => {
      if (message === 'again') throw gone;
      return 'ok';
    });
    const { steps } = await run(f, 'hi', [say('again')]);
    expect(steps[1]!.emitted).toEqual([{ type: 'failed', error: gone }]);
    expect(steps[1]!.persisted).toBeUndefined();
  });

  it('ignores taps and secrets while listening', async () => {
    const f = fakes();
    const { steps } = await run(f, null, [
      { type: 'choose', value: 'x' },
      { type: 'secret', value: 'pw' },
    ]);
    expect(steps.slice(1).map((s) => s.emitted)).toEqual([[], []]);
    expect(steps[2]!.persisted).toBeDefined();
    expect(f.asked).toEqual([]);
  });
});
