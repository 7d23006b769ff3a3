import { describe, expect, it } from 'vitest';
import { fromPromise, initialTransition, transition } from 'xstate';
import {
  onboardingFlow,
  type InterviewInput,
  type InterviewTurn,
  type SaveContextInput,
} from '../../../flows/onboarding.js';
import type { FlowEmitted, FlowEvent } from '../../../flows/types.js';
import { stepFlow, type FlowStep } from '../../../src/engine/flow-runner.js';
import { scriptedInterviewTurn } from '../../../src/onboarding/scripted.js';
import { stepThrough } from '../../support/flow-steps.js';
import { msg } from '../../../src/i18n/message.js';

const member = { userId: 'u1', personaName: 'Smithers', isAdmin: false, maxTurns: 16 };
const admin = { ...member, isAdmin: true };

function withEffects(
  interview: (input: InterviewInput) => InterviewTurn | Promise<InterviewTurn> = scriptedInterviewTurn,
  save: (input: SaveContextInput) => Promise<void> = async () => {},
) {
  const saved: SaveContextInput[] = [];
  const machine = onboardingFlow.provide({
    actors: {
      interviewTurn: fromPromise(async ({ input }) => interview(input)),
      saveContext: fromPromise(async ({ input }) => {
        await save(input);
        saved.push(input);
      }),
    },
  });
  return { machine, saved };
}

type Machine = ReturnType<typeof withEffects>['machine'];

/** Starts the flow and sends each event in turn, saving and restoring between them as the engine does. */
async function run(machine: Machine, input: typeof member, events: FlowEvent[]): Promise<FlowStep[]> {
  return stepThrough(machine, input, events);
}

const text = (t: string): FlowEvent => ({ type: 'text', text: t });
const choose = (value: string): FlowEvent => ({ type: 'choose', value });
const replies = (emitted: FlowEmitted[]) => emitted.flatMap((e) => (e.type === 'reply' ? [e.text] : []));
const answers = [
  text('Backend engineer, payments'),
  text('Payments'),
  text('English'),
  text('short and casual'),
  text('the beta'),
];

describe('onboarding flow', () => {
  it('greets, asks five questions, shows the review and saves the answers', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [...answers, choose('save')]);
    expect(replies(steps[0]!.emitted)[0]).toContain("Hi, I'm Smithers.");
    expect(replies(steps[0]!.emitted)[0]).toContain("What's your role");
    const review = steps[5]!.emitted.at(-1);
    expect(review).toMatchObject({
      type: 'reply',
      text: expect.stringContaining("Here's what I'll remember:"),
    });
    expect(review?.type === 'reply' && review.choices?.[0]?.map((c) => c.value)).toEqual([
      'save',
      'edit',
      'skip',
    ]);
    expect(review?.type === 'reply' && review.text).toContain('focus: the beta');
    const last = steps[6]!;
    expect(last.persisted).toBeUndefined();
    expect(replies(last.emitted)[0]).toMatch(/^Saved\./);
    expect(saved).toEqual([
      {
        userId: 'u1',
        fields: {
          role: 'Backend engineer, payments',
          team: 'Payments',
          language: 'English',
          style: 'short and casual',
          focus: 'the beta',
        },
      },
    ]);
  });

  it('asks an admin about the organisation and saves it alongside', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, admin, [
      ...answers,
      text('Acme, we make rockets'),
      text('Propulsion and Guidance'),
      choose('save'),
    ]);
    expect(replies(steps[5]!.emitted)[0]).toContain("What's the company called");
    expect(saved[0]?.organisation).toEqual({
      company: 'Acme',
      about: 'we make rockets',
      teams: 'Propulsion and Guidance',
    });
  });

  it('saves the answers given before a /skip and says so', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [answers[0]!, choose('skip')]);
    expect(steps[2]!.persisted).toBeUndefined();
    expect(replies(steps[2]!.emitted)).toEqual([
      'Skipped the rest of the questions; saving what you told me so far.',
      "Saved. I'll use this to tailor my answers; change it any time with /context.",
    ]);
    expect(saved).toEqual([{ userId: 'u1', fields: { role: 'Backend engineer, payments' } }]);
  });

  it('ends without saving when the person skips before answering anything', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [choose('skip')]);
    expect(steps[1]!.persisted).toBeUndefined();
    expect(replies(steps[1]!.emitted)).toEqual([
      'Skipped. You can run the interview again any time with /context.',
    ]);
    expect(saved).toEqual([]);
  });

  it('ends without saving when the person skips the review', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [...answers, choose('skip')]);
    expect(steps[6]!.persisted).toBeUndefined();
    expect(replies(steps[6]!.emitted)[0]).toMatch(/^Skipped\./);
    expect(saved).toEqual([]);
  });

  it('changes a field sent as "field: value" in the review and shows the summary again', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [...answers, text('focus: new thing'), choose('save')]);
    const summary = replies(steps[6]!.emitted)[0];
    expect(summary).toContain('focus: new thing');
    expect(summary).not.toContain('focus: the beta');
    expect(saved[0]?.fields.focus).toBe('new thing');
  });

  it('sets a field not asked yet, sent as "field: value" in the review', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [...answers, text('work: the checkout'), choose('save')]);
    const summary = steps[6]!.emitted.at(-1);
    expect(summary).toMatchObject({ text: expect.stringContaining('work: the checkout') });
    expect(summary?.type === 'reply' && summary.choices?.[0]?.map((c) => c.value)).toEqual([
      'save',
      'edit',
      'skip',
    ]);
    expect(saved[0]?.fields).toMatchObject({ work: 'the checkout', focus: 'the beta' });
  });

  it('answers a misspelt field in the review with the nearest field and changes nothing', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [...answers, text('foucs: PCI audit'), choose('save')]);
    expect(replies(steps[6]!.emitted)).toEqual(['There is no field "foucs"; did you mean focus?']);
    expect(steps[6]!.emitted.at(-1)).toMatchObject({ choices: [[{ value: 'save' }, {}, {}]] });
    expect(saved[0]?.fields.focus).toBe('the beta');
  });

  it('lets an admin set an organisation field in the review, and not a member', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [...answers, text('company: Acme')]);
    expect(replies(steps[6]!.emitted)[0]).toBe(
      'There is no field "company". The fields are: role, work, team, language, style, focus, notes.',
    );
    const { machine: adminMachine, saved: adminSaved } = withEffects(() => ({
      say: 'Hi',
      fields: { role: 'CTO' },
      done: true,
    }));
    await run(adminMachine, admin, [text('terms: PSP means provider'), choose('save')]);
    expect(adminSaved[0]?.organisation).toEqual({ terms: 'PSP means provider' });
    expect(saved).toEqual([]);
  });

  it('asks what to change after Edit and returns to the review with the change', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [
      ...answers,
      choose('edit'),
      text('Focus: shipping the beta'),
      choose('save'),
    ]);
    expect(replies(steps[6]!.emitted)).toEqual([
      'Tell me what to change (for example: focus: shipping the beta)',
    ]);
    expect(steps[7]!.emitted.at(-1)).toMatchObject({
      text: expect.stringContaining('focus: shipping the beta'),
    });
    expect(saved[0]?.fields.focus).toBe('shipping the beta');
  });

  it('answers a misspelt field after Edit with the nearest field and keeps asking for the change', async () => {
    const { machine, saved } = withEffects();
    const steps = await run(machine, member, [
      ...answers,
      choose('edit'),
      text('foucs: PCI audit'),
      text('focus: PCI audit'),
      choose('save'),
    ]);
    expect(replies(steps[7]!.emitted)).toEqual(['There is no field "foucs"; did you mean focus?']);
    expect(steps[8]!.emitted.at(-1)).toMatchObject({ text: expect.stringContaining('focus: PCI audit') });
    expect(saved[0]?.fields.focus).toBe('PCI audit');
  });

  it('answers an unknown field in the review with a hint and stays there', () => {
    const [start] = initialTransition(onboardingFlow, member);
    const [asking] = transition(onboardingFlow, start, {
      type: 'xstate.done.actor.0.onboarding.greeting',
      output: { say: 'Hi', fields: { role: 'dev' }, done: true },
    } as never);
    expect(asking.value).toBe('reviewing');
    for (const unknown of ['salary: a lot', 'constructor: x']) {
      const [again, actions] = transition(onboardingFlow, asking, text(unknown));
      expect(again.value).toBe('reviewing');
      expect(again.context.fields).toEqual({ role: 'dev' });
      expect(actions.some((a) => (a.type as string) === 'xstate.emit')).toBe(true);
    }
  });

  it('goes to the review with what it has when the interviewer throws', async () => {
    let calls = 0;
    const { machine } = withEffects((input) => {
      calls += 1;
      if (calls > 2) throw new Error('model unavailable');
      return scriptedInterviewTurn(input);
    });
    const steps = await run(machine, member, [answers[0]!, answers[1]!]);
    const last = steps[2]!;
    expect(last.emitted.map((e) => e.type)).toEqual(['reply', 'reply']);
    expect(last.emitted.at(-1)).toMatchObject({
      text: expect.stringContaining('role: Backend engineer, payments'),
    });
    expect(last.persisted).toBeDefined();
    const next = await stepFlow(machine, { snapshot: last.persisted }, choose('save'));
    expect(next.persisted).toBeUndefined();
  });

  it('goes to the review when the greeting turn fails', async () => {
    const { machine } = withEffects(() => Promise.reject(new Error('down')));
    const [first] = await run(machine, member, []);
    expect(first!.emitted.at(-1)).toMatchObject({ text: expect.stringContaining('(nothing yet)') });
  });

  it('reports a failed save and returns to the review', async () => {
    const refused = Object.assign(new Error('invalid'), { code: 'invalid_input' });
    const { machine, saved } = withEffects(scriptedInterviewTurn, () => Promise.reject(refused));
    const steps = await run(machine, member, [...answers, choose('save')]);
    const last = steps[6]!;
    expect(last.emitted.map((e) => e.type)).toEqual(['failed', 'reply']);
    expect(last.emitted[0]).toEqual({ type: 'failed', error: refused });
    expect(last.persisted).toBeDefined();
    expect(saved).toEqual([]);
  });

  it('keeps a model’s words in the transcript, and leaves a scripted question (a message) out', async () => {
    const seen: InterviewInput[] = [];
    const mixed = (input: InterviewInput): InterviewTurn => {
      seen.push(input);
      return seen.length === 1
        ? { say: 'What do you do?', fields: {}, done: false }
        : { say: msg('onboarding-ask-team'), fields: {}, done: false };
    };
    const { machine } = withEffects(mixed);
    const steps = await run(machine, member, [text('I design'), text('Payments')]);
    expect(replies(steps[1]!.emitted)).toEqual(['Which team are you on?']);
    expect(seen[2]!.transcript).toEqual([
      { role: 'assistant', text: 'What do you do?' },
      { role: 'user', text: 'I design' },
      { role: 'user', text: 'Payments' },
    ]);
  });

  it('keeps the saved snapshot under 4 KB however long and many the answers are', async () => {
    const chatty = (input: InterviewInput): InterviewTurn => ({
      say: 'q'.repeat(2000),
      fields: { [`f${input.transcript.length % 20}`]: 'v'.repeat(2000) },
      organisation: { company: 'c'.repeat(2000) },
      done: false,
    });
    const { machine } = withEffects(chatty);
    const steps = await run(
      machine,
      admin,
      Array.from({ length: 12 }, (_, i) => text(`${i}"\n`.repeat(400))),
    );
    for (const step of steps.filter((s) => s.persisted !== undefined)) {
      expect(JSON.stringify(step.persisted).length).toBeLessThan(4096);
    }
    const last = steps.at(-1)!.persisted as { context: { transcript: unknown[] } };
    expect(last.context.transcript.length).toBeLessThanOrEqual(12);
  });

  it('stays under 4 KB of UTF-8 with wide characters and drops control characters', async () => {
    const wide = (): InterviewTurn => ({
      say: '語😀'.repeat(600),
      fields: { focus: 'x\u0001y', role: '語'.repeat(600) },
      organisation: { company: '😀'.repeat(600), teams: '語'.repeat(600) },
      done: false,
    });
    const { machine } = withEffects(wide);
    const steps = await run(
      machine,
      admin,
      Array.from({ length: 12 }, () => text('語\u0001'.repeat(600))),
    );
    for (const step of steps.filter((s) => s.persisted !== undefined)) {
      expect(Buffer.byteLength(JSON.stringify(step.persisted))).toBeLessThan(4096);
    }
    const last = steps.at(-1)!.persisted as { context: { fields: Record<string, string> } };
    expect(last.context.fields.focus).toBe('xy');
  });

  it('stops interviewing after too many turns and shows the review', async () => {
    const endless = (): InterviewTurn => ({ say: 'And?', fields: {}, done: false });
    const { machine } = withEffects(endless);
    const steps = await run(
      machine,
      member,
      Array.from({ length: 15 }, () => text('more')),
    );
    expect(steps.at(-1)!.emitted.at(-1)).toMatchObject({
      text: expect.stringContaining("Here's what I'll remember:"),
    });
  });

  it('resumes from a saved snapshot as if it had never stopped', async () => {
    const { machine, saved } = withEffects();
    const first = await stepFlow(machine, { input: member }, undefined);
    const restored = JSON.parse(JSON.stringify(first.persisted)) as unknown;
    const { machine: fresh, saved: freshSaved } = withEffects();
    let snapshot = restored;
    for (const event of [...answers, choose('save')]) {
      const step = await stepFlow(fresh, { snapshot }, event);
      snapshot = JSON.parse(JSON.stringify(step.persisted ?? null)) as unknown;
    }
    expect(snapshot).toBeNull();
    expect(saved).toEqual([]);
    expect(freshSaved[0]?.fields).toMatchObject({ role: 'Backend engineer, payments', focus: 'the beta' });
  });

  it('rests in asking after the greeting and names the interviewer turn it invokes', () => {
    const [start, actions] = initialTransition(onboardingFlow, member);
    expect(start.value).toBe('greeting');
    expect(
      actions.some(
        (a) => a.type === 'xstate.spawnChild' && (a.params as { src?: string })?.src === 'interviewTurn',
      ),
    ).toBe(true);
    const [asking] = transition(onboardingFlow, start, {
      type: 'xstate.done.actor.0.onboarding.greeting',
      output: { say: 'Hi', fields: {}, done: false },
    } as never);
    expect(asking.value).toBe('asking');
    expect(asking.hasTag('waiting')).toBe(true);
    const [thinking] = transition(onboardingFlow, asking, text('dev'));
    expect(thinking.value).toBe('thinking');
    expect(thinking.context.transcript.at(-1)).toEqual({ role: 'user', text: 'dev' });
  });
});
