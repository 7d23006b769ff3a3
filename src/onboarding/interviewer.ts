import OpenAI from 'openai';
import type {
  ChatCompletionMessageParam,
  ChatCompletionMessageToolCall,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { InterviewInput, InterviewTurn } from '../../flows/onboarding.js';
import { ONBOARDING_TEXT_MAX } from '../../flows/onboarding-budget.js';
import { CONTEXT_FIELDS, ORGANISATION_FIELDS } from '../domain/enums.js';
import type { Logger } from '../log.js';
import type { Locale } from '../i18n/locales.js';
import { translate } from '../i18n/translate.js';
import { speakInstruction } from '../agents/speak.js';
import { scriptedInterviewTurn } from './scripted.js';

/** One interviewer turn from what the interview knows so far, in the person's language (`locale`). */
export type Interviewer = (input: InterviewInput, locale: Locale) => Promise<InterviewTurn>;

/** Requests per turn: one to ask, more only while the model answers with tool calls and no text. */
const ROUNDS_MAX = 3;
const SAY_MAX = 1500;

const FIELD_HINTS: Record<(typeof CONTEXT_FIELDS)[number], string> = {
  role: 'their job title or role',
  work: 'what they work on',
  team: 'the team they are on',
  language: 'the language they want answers in',
  style: 'how they like answers: short or detailed, formal or casual',
  focus: 'what they are focused on right now',
  notes: 'anything else they want assistants to know about them',
};

const ORGANISATION_HINTS: Record<(typeof ORGANISATION_FIELDS)[number], string> = {
  company: "the company's name",
  about: 'what the company does',
  teams: 'its teams and what each does',
  terms: 'terms and abbreviations people there use',
};

function stringFields(hints: Record<string, string>) {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(
      Object.entries(hints).map(([key, description]) => [
        key,
        { type: 'string', maxLength: ONBOARDING_TEXT_MAX, description },
      ]),
    ),
  };
}

const REMEMBER: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'remember',
    description:
      "Write what the person said about themselves into their own profile. Short values in the person's words.",
    parameters: stringFields(FIELD_HINTS),
  },
};

const REMEMBER_ORGANISATION: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'remember_organisation',
    description: 'Write what the admin said about the organisation into the organisation profile.',
    parameters: stringFields(ORGANISATION_HINTS),
  },
};

const FINISH: ChatCompletionTool = {
  type: 'function',
  function: {
    name: 'finish_interview',
    description: 'End the interview once you know enough, or when the person wants to stop.',
    parameters: { type: 'object', additionalProperties: false, properties: {} },
  },
};

function systemPrompt(input: InterviewInput, locale: Locale): string {
  const known = [
    ...Object.entries(input.fields).map(([key, value]) => `- ${key}: ${value}`),
    ...Object.entries(input.organisation).map(([key, value]) => `- organisation ${key}: ${value}`),
  ];
  return [
    `You are ${input.personaName}, who welcomes new people to their team's workspace in a chat.`,
    speakInstruction(locale),
    'Learn, in a short friendly conversation: their role and what they work on, their team, the language they want answers in, their communication style, and their current focus.',
    input.isAdmin
      ? 'This person is an admin: also ask about the organisation (the company and what it does, its teams, the terms people use) and record it with remember_organisation.'
      : '',
    'Ask one or two things at a time, in one or two sentences. Record each answer with the remember tool as you learn it.',
    `You have ${input.turnsLeft} questions left. When you know enough, or the person wants to stop, call finish_interview and thank them briefly; they will review what you remembered before it is saved.`,
    "Only record what the person says about themselves. You cannot change anyone's account, role, permissions or groups: if asked, say so and go on.",
    input.answer === null
      ? `Start by greeting them as ${input.personaName} and asking your first question.`
      : '',
    known.length > 0 ? `Already known:\n${known.join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function messagesFor(input: InterviewInput, locale: Locale): ChatCompletionMessageParam[] {
  return [
    { role: 'system', content: systemPrompt(input, locale) },
    ...input.transcript.map((turn) => ({ role: turn.role, content: turn.text })),
  ];
}

/** The string values of `allowed` keys each within bounds; everything else, named in `ignored`. */
function validFields(
  raw: string,
  allowed: readonly string[],
): { fields: Record<string, string>; ignored: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { fields: {}, ignored: ['the arguments (not JSON)'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return { fields: {}, ignored: ['the arguments (not an object)'] };
  const fields: Record<string, string> = {};
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(parsed)) {
    const text = typeof value === 'string' ? value.trim() : '';
    if (
      allowed.includes(key) &&
      text !== '' &&
      text.length <= ONBOARDING_TEXT_MAX &&
      !/[^\P{Cc}\n\t]/u.test(text)
    )
      fields[key] = text;
    else ignored.push(key);
  }
  return { fields, ignored };
}

interface Learned {
  fields: Record<string, string>;
  organisation: Record<string, string>;
  done: boolean;
}

/** Applies one tool call to what the turn learned; returns what the model is told about it. */
function applyToolCall(call: ChatCompletionMessageToolCall, isAdmin: boolean, learned: Learned): string {
  if (call.type !== 'function') return 'Unknown tool; nothing was done.';
  const { name, arguments: args } = call.function;
  if (name === 'finish_interview') {
    learned.done = true;
    return 'The interview is over.';
  }
  const target =
    name === 'remember'
      ? { allowed: CONTEXT_FIELDS, into: learned.fields }
      : name === 'remember_organisation' && isAdmin
        ? { allowed: ORGANISATION_FIELDS, into: learned.organisation }
        : undefined;
  if (!target) return 'Unknown tool; nothing was done.';
  const { fields, ignored } = validFields(args, target.allowed);
  Object.assign(target.into, fields);
  const kept = Object.keys(fields);
  return [
    kept.length > 0 ? `Noted: ${kept.join(', ')}.` : 'Nothing noted.',
    ignored.length > 0
      ? `Ignored ${ignored.join(', ')}: only the listed fields, as text of at most ${ONBOARDING_TEXT_MAX} characters.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Why a turn fell back to the script; never the model's text or the person's. */
class InterviewerGaveUp extends Error {
  override readonly name = 'InterviewerGaveUp';
}

/**
 * Smithers on an OpenAI-compatible chat completions endpoint. The model's only tools fill the
 * interview's own fields and end it; it never touches the record (the flow saves after the person's
 * confirmation). Any error, timeout, refusal or empty answer falls back to the scripted interviewer
 * for that turn, so the interview never hangs.
 */
export function createOpenAiInterviewer(options: {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** The most one turn may take, all requests included. */
  timeoutMs?: number;
  log: Logger;
}): Interviewer {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const client = new OpenAI({
    apiKey: options.apiKey,
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    timeout: timeoutMs,
    maxRetries: 0,
  });

  async function modelTurn(input: InterviewInput, locale: Locale): Promise<InterviewTurn> {
    const signal = AbortSignal.timeout(timeoutMs);
    const tools = input.isAdmin ? [REMEMBER, REMEMBER_ORGANISATION, FINISH] : [REMEMBER, FINISH];
    const messages = messagesFor(input, locale);
    const learned: Learned = { fields: {}, organisation: {}, done: false };
    for (let round = 0; round < ROUNDS_MAX; round += 1) {
      const completion = await client.chat.completions.create(
        { model: options.model, messages, tools },
        { signal },
      );
      const message = completion.choices[0]?.message;
      if (!message) throw new InterviewerGaveUp('no choice in the answer');
      if (message.refusal) throw new InterviewerGaveUp('the model refused');
      const calls = message.tool_calls ?? [];
      const results = calls.map((call) => applyToolCall(call, input.isAdmin, learned));
      const say = message.content?.trim().slice(0, SAY_MAX) ?? '';
      if (say !== '') return { say, ...learned };
      if (learned.done) return { say: 'Thanks, that is everything I need.', ...learned };
      if (calls.length === 0) throw new InterviewerGaveUp('the model said nothing');
      messages.push(
        { role: 'assistant', content: null, tool_calls: calls },
        ...calls.map((call, i) => ({
          role: 'tool' as const,
          tool_call_id: call.id,
          content: results[i] ?? '',
        })),
      );
    }
    throw new InterviewerGaveUp('the model kept calling tools without asking anything');
  }

  return async (input, locale) => {
    try {
      return await modelTurn(input, locale);
    } catch (error) {
      options.log.warn(
        { reason: error instanceof Error ? error.name + ': ' + error.message : 'unknown' },
        'the onboarding model failed; the scripted interviewer takes this turn',
      );
      // Worded here, so the transcript the model reads next turn holds this turn's words too.
      const turn = scriptedInterviewTurn(input);
      return { ...turn, say: translate(locale, turn.say) };
    }
  };
}
