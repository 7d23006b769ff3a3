import { assign, emit, fromPromise, setup } from 'xstate';
import { notProvided, type Choice, type FlowEmitted, type FlowEvent } from './types.js';
import { chose, reportFailure } from './kit.js';
import {
  appendTranscript,
  clip,
  FIELDS_BYTES_MAX,
  mergeFields,
  weightOfFields,
  type TranscriptTurn,
} from './onboarding-budget.js';

const PERSONA_NAME_MAX = 60;

/** What an interviewer sees: the answers so far and the transcript, which ends with `answer` if any. */
export interface InterviewInput {
  personaName: string;
  isAdmin: boolean;
  fields: Record<string, string>;
  organisation: Record<string, string>;
  transcript: TranscriptTurn[];
  /** The person's latest message; null for the opening turn. */
  answer: string | null;
  /** Interviewer turns left after this one before the flow goes to the review regardless. */
  turnsLeft: number;
}

/** One interviewer turn: what to say, the fields learned or changed, and whether the interview is over. */
export interface InterviewTurn {
  say: string;
  fields: Record<string, string>;
  organisation?: Record<string, string>;
  done: boolean;
}

export interface SaveContextInput {
  userId: string;
  fields: Record<string, string>;
  organisation?: Record<string, string>;
}

export interface OnboardingInput {
  userId: string;
  personaName: string;
  isAdmin: boolean;
  /** The most interviewer turns before the review (the ONBOARDING_MAX_TURNS setting). */
  maxTurns: number;
}

interface OnboardingContext {
  userId: string;
  personaName: string;
  isAdmin: boolean;
  fields: Record<string, string>;
  organisation: Record<string, string>;
  transcript: TranscriptTurn[];
  turns: number;
  /** After this many interviewer turns the flow goes to the review whatever the interviewer says. */
  maxTurns: number;
  /** The person tapped Edit, so a `field: value` answer changes that field and returns to the review. */
  editing: boolean;
}

const REVIEW_CHOICES: Choice[][] = [
  [
    { label: 'Save', value: 'save' },
    { label: 'Edit', value: 'edit' },
    { label: 'Skip', value: 'skip' },
  ],
];

const EDIT_HINT = 'Tell me what to change (for example: focus: shipping the beta)';
const SKIPPED_TEXT = 'Skipped. You can run the interview again any time with /context.';

/** `field: value` naming a field already gathered, or undefined. */
function parseEdit(
  context: OnboardingContext,
  text: string,
): { key: string; value: string; organisation: boolean } | undefined {
  const match = /^\s*(\w{1,24})\s*:\s*(\S[\s\S]*)$/u.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const key = match[1].toLowerCase();
  if (Object.hasOwn(context.fields, key)) return { key, value: match[2], organisation: false };
  if (Object.hasOwn(context.organisation, key)) return { key, value: match[2], organisation: true };
  return undefined;
}

/** The output of a finished `interviewTurn`; named actions see it typed as a person's event. */
function turnOf(event: unknown): InterviewTurn {
  return (event as { output: InterviewTurn }).output;
}

function interviewInput(context: OnboardingContext, answer: string | null): InterviewInput {
  return {
    personaName: context.personaName,
    isAdmin: context.isAdmin,
    fields: context.fields,
    organisation: context.organisation,
    transcript: context.transcript,
    answer: answer === null ? null : clip(answer),
    turnsLeft: Math.max(context.maxTurns - context.turns - 1, 0),
  };
}

function summary(context: OnboardingContext): string {
  const lines = [...Object.entries(context.fields), ...Object.entries(context.organisation)].map(
    ([key, value]) => `• ${key}: ${value}`,
  );
  return ["Here's what I'll remember:", ...(lines.length > 0 ? lines : ['(nothing yet)'])].join('\n');
}

/** The interview a newcomer gets after claiming an account; the interviewer and the save are injected. */
export const onboardingFlow = setup({
  types: {
    context: {} as OnboardingContext,
    events: {} as FlowEvent,
    input: {} as OnboardingInput,
    emitted: {} as FlowEmitted,
  },
  actors: {
    interviewTurn: fromPromise<InterviewTurn, InterviewInput>(() => notProvided('interviewTurn')),
    saveContext: fromPromise<void, SaveContextInput>(() => notProvided('saveContext')),
  },
  guards: {
    isSave: ({ event }) => chose({ event }, 'save'),
    isEdit: ({ event }) => chose({ event }, 'edit'),
    isSkip: ({ event }) => chose({ event }, 'skip'),
    isFieldEdit: ({ context, event }) =>
      event.type === 'text' && parseEdit(context, event.text) !== undefined,
    interviewOver: ({ context, event }) => turnOf(event).done || context.turns + 1 >= context.maxTurns,
    isEditingFieldEdit: ({ context, event }) =>
      context.editing && event.type === 'text' && parseEdit(context, event.text) !== undefined,
  },
  actions: {
    takeTurn: assign(({ context, event }) => {
      const turn = turnOf(event);
      const fields = mergeFields(context.fields, turn.fields, FIELDS_BYTES_MAX);
      return {
        fields,
        organisation: context.isAdmin
          ? mergeFields(context.organisation, turn.organisation, FIELDS_BYTES_MAX - weightOfFields(fields))
          : {},
        transcript: appendTranscript(context.transcript, { role: 'assistant', text: turn.say }),
        turns: context.turns + 1,
      };
    }),
    sayTurn: emit(({ event }) => ({ type: 'reply' as const, text: turnOf(event).say })),
    sayInterviewerFailed: emit({
      type: 'reply',
      text: "I couldn't think of the next question, so let's go with what I have.",
    }),
    applyEdit: assign(({ context, event }) => {
      const edit = event.type === 'text' ? parseEdit(context, event.text) : undefined;
      if (!edit) return {};
      if (edit.organisation) {
        const budget = FIELDS_BYTES_MAX - weightOfFields(context.fields);
        return {
          organisation: mergeFields(context.organisation, { [edit.key]: edit.value }, budget),
          editing: false,
        };
      }
      const fields = mergeFields(context.fields, { [edit.key]: edit.value }, FIELDS_BYTES_MAX);
      return {
        fields,
        organisation: mergeFields(context.organisation, {}, FIELDS_BYTES_MAX - weightOfFields(fields)),
        editing: false,
      };
    }),
  },
}).createMachine({
  id: 'onboarding',
  context: ({ input }) => ({
    ...input,
    personaName: input.personaName.slice(0, PERSONA_NAME_MAX),
    fields: {},
    organisation: {},
    transcript: [],
    turns: 0,
    editing: false,
  }),
  initial: 'greeting',
  states: {
    greeting: {
      invoke: {
        src: 'interviewTurn',
        input: ({ context }) => interviewInput(context, null),
        onDone: [
          { guard: 'interviewOver', target: 'reviewing', actions: ['takeTurn', 'sayTurn'] },
          { target: 'asking', actions: ['takeTurn', 'sayTurn'] },
        ],
        onError: { target: 'reviewing', actions: 'sayInterviewerFailed' },
      },
    },
    asking: {
      tags: ['waiting'],
      on: {
        text: [
          { guard: 'isEditingFieldEdit', target: 'reviewing', actions: 'applyEdit' },
          {
            target: 'thinking',
            actions: assign({
              editing: false,
              transcript: ({ context, event }) =>
                appendTranscript(context.transcript, { role: 'user', text: event.text }),
            }),
          },
        ],
        choose: { guard: 'isSkip', target: 'skipped' },
      },
    },
    thinking: {
      invoke: {
        src: 'interviewTurn',
        input: ({ context, event }) => interviewInput(context, event.type === 'text' ? event.text : null),
        onDone: [
          { guard: 'interviewOver', target: 'reviewing', actions: ['takeTurn', 'sayTurn'] },
          { target: 'asking', actions: ['takeTurn', 'sayTurn'] },
        ],
        onError: { target: 'reviewing', actions: 'sayInterviewerFailed' },
      },
    },
    reviewing: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({
        type: 'reply' as const,
        text: summary(context),
        choices: REVIEW_CHOICES,
      })),
      on: {
        choose: [
          { guard: 'isSave', target: 'saving' },
          {
            guard: 'isEdit',
            target: 'asking',
            actions: [assign({ editing: true }), emit({ type: 'reply', text: EDIT_HINT })],
          },
          { guard: 'isSkip', target: 'skipped' },
        ],
        text: [
          { guard: 'isFieldEdit', target: 'reviewing', reenter: true, actions: 'applyEdit' },
          {
            actions: emit({
              type: 'reply',
              text: 'Tap Save, Edit or Skip, or send a change as field: value (for example: focus: shipping the beta).',
              choices: REVIEW_CHOICES,
            }),
          },
        ],
      },
    },
    saving: {
      invoke: {
        src: 'saveContext',
        input: ({ context }) => ({
          userId: context.userId,
          fields: context.fields,
          ...(context.isAdmin && Object.keys(context.organisation).length > 0
            ? { organisation: context.organisation }
            : {}),
        }),
        onDone: {
          target: 'saved',
          actions: emit({
            type: 'reply',
            text: "Saved. I'll use this to tailor my answers; change it any time with /context.",
          }),
        },
        onError: {
          target: 'reviewing',
          actions: emit(reportFailure),
        },
      },
    },
    saved: { type: 'final' },
    skipped: { type: 'final', entry: emit({ type: 'reply', text: SKIPPED_TEXT }) },
  },
});
