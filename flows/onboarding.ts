import { assign, emit, fromPromise, setup } from 'xstate';
import { distance } from 'fastest-levenshtein';
import { CONTEXT_FIELDS, ORGANISATION_FIELDS } from '../src/domain/enums.js';
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
import { joined, msg, type Message, type Text } from '../src/i18n/message.js';

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

/**
 * One interviewer turn: what to say, the fields learned or changed, and whether the interview is
 * over. A model's words are its own text (already in the person's language); the scripted
 * interviewer's are messages, worded for the reader like every other reply.
 */
export interface InterviewTurn {
  say: Text;
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
    { label: msg('onboarding-save'), value: 'save' },
    { label: msg('onboarding-edit'), value: 'edit' },
    { label: msg('onboarding-skip'), value: 'skip' },
  ],
];

const EDIT_HINT = msg('onboarding-edit-hint');
const SKIPPED_TEXT = msg('onboarding-skipped');

const SKIPPED_SAVING_TEXT = msg('onboarding-skipped-saving');

/** The fields a person may set at the summary: their own, and an admin's organisation ones too. */
function editableFields(context: OnboardingContext): readonly string[] {
  return context.isAdmin ? [...CONTEXT_FIELDS, ...ORGANISATION_FIELDS] : CONTEXT_FIELDS;
}

/** `field: value` as typed: the lower-cased name and the value, or undefined for other text. */
function fieldAssignment(text: string): { key: string; value: string } | undefined {
  const match = /^\s*(\w{1,24})\s*:\s*(\S[\s\S]*)$/u.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  return { key: match[1].toLowerCase(), value: match[2] };
}

/** `field: value` naming a field the person may set, or undefined. */
function parseEdit(
  context: OnboardingContext,
  text: string,
): { key: string; value: string; organisation: boolean } | undefined {
  const assignment = fieldAssignment(text);
  if (!assignment || !editableFields(context).includes(assignment.key)) return undefined;
  const organisation = (ORGANISATION_FIELDS as readonly string[]).includes(assignment.key);
  return { ...assignment, organisation };
}

/** Why `field: value` naming no field changed nothing: the nearest field's name, else the list. */
function unknownFieldReply(context: OnboardingContext, text: string): Message {
  const typed = fieldAssignment(text)?.key ?? '';
  const fields = editableFields(context);
  const reach = typed.length <= 4 ? 1 : 2;
  const nearest = fields
    .map((field) => ({ field, edits: distance(typed, field) }))
    .filter(({ edits }) => edits <= reach)
    .sort((a, b) => a.edits - b.edits)[0];
  return nearest
    ? msg('onboarding-no-such-field-nearest', { typed, field: nearest.field })
    : msg('onboarding-no-such-field', { typed, fields: fields.join(', ') });
}

function hasAnswers(context: OnboardingContext): boolean {
  return Object.keys(context.fields).length > 0 || Object.keys(context.organisation).length > 0;
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

function summary(context: OnboardingContext): Message {
  const lines = [...Object.entries(context.fields), ...Object.entries(context.organisation)].map(
    ([key, value]) => msg('onboarding-review-line', { field: msg(`field-${key}`), value }),
  );
  return lines.length > 0
    ? msg('onboarding-review', { lines: joined(lines, 'line') })
    : msg('onboarding-review-nothing-yet');
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
    isUnknownFieldEdit: ({ event }) => event.type === 'text' && fieldAssignment(event.text) !== undefined,
    isSkipWithAnswers: ({ context, event }) => chose({ event }, 'skip') && hasAnswers(context),
    interviewOver: ({ context, event }) => turnOf(event).done || context.turns + 1 >= context.maxTurns,
    isEditingUnknownField: ({ context, event }) =>
      context.editing && event.type === 'text' && fieldAssignment(event.text) !== undefined,
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
        // Only a model reads the transcript, and with one every turn's words are its own text: a
        // scripted question (a message) is left out.
        transcript:
          typeof turn.say === 'string'
            ? appendTranscript(context.transcript, { role: 'assistant', text: turn.say })
            : context.transcript,
        turns: context.turns + 1,
      };
    }),
    sayTurn: emit(({ event }) => ({ type: 'reply' as const, text: turnOf(event).say })),
    sayUnknownField: emit(({ context, event }) => ({
      type: 'reply' as const,
      text: event.type === 'text' ? unknownFieldReply(context, event.text) : '',
    })),
    sayInterviewerFailed: emit({
      type: 'reply',
      text: msg('onboarding-interviewer-failed'),
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
          { guard: 'isEditingUnknownField', actions: 'sayUnknownField' },
          {
            target: 'thinking',
            actions: assign({
              editing: false,
              transcript: ({ context, event }) =>
                appendTranscript(context.transcript, { role: 'user', text: event.text }),
            }),
          },
        ],
        choose: [
          {
            guard: 'isSkipWithAnswers',
            target: 'saving',
            actions: emit({ type: 'reply', text: SKIPPED_SAVING_TEXT }),
          },
          { guard: 'isSkip', target: 'skipped' },
        ],
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
            guard: 'isUnknownFieldEdit',
            actions: emit(({ context, event }) => ({
              type: 'reply' as const,
              text: event.type === 'text' ? unknownFieldReply(context, event.text) : '',
              choices: REVIEW_CHOICES,
            })),
          },
          {
            actions: emit({
              type: 'reply',
              text: msg('onboarding-review-hint'),
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
            text: msg('onboarding-saved'),
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
