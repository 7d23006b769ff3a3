import type { InterviewInput, InterviewTurn } from '../../flows/onboarding.js';
import type { ContextField, OrganisationField } from '../domain/enums.js';

const ANSWER_MAX = 500;

type Question =
  | { target: 'fields'; key: ContextField; text: string }
  | { target: 'organisation'; key: OrganisationField; text: string };

const PERSONAL_QUESTIONS: readonly Question[] = [
  { target: 'fields', key: 'role', text: "What's your role, and what do you work on?" },
  { target: 'fields', key: 'team', text: 'Which team are you on?' },
  { target: 'fields', key: 'language', text: 'Which language should I answer you in?' },
  {
    target: 'fields',
    key: 'style',
    text: 'How do you like answers: short or detailed, formal or casual?',
  },
  { target: 'fields', key: 'focus', text: 'What are you focused on right now?' },
];

const ORGANISATION_QUESTIONS: readonly Question[] = [
  {
    target: 'organisation',
    key: 'company',
    text: "As an admin you can also tell me about the organisation. What's the company called, and what does it do?",
  },
  { target: 'organisation', key: 'teams', text: 'Which teams are there, and what does each one do?' },
];

function questionsFor(isAdmin: boolean): readonly Question[] {
  return isAdmin ? [...PERSONAL_QUESTIONS, ...ORGANISATION_QUESTIONS] : PERSONAL_QUESTIONS;
}

/** The question with where it stands among them ("2 of 5"), so the person sees how much is left. */
function asked(question: Question, questions: readonly Question[]): string {
  return `${question.text} (${questions.indexOf(question) + 1} of ${questions.length})`;
}

function isAnswered(question: Question, input: InterviewInput): boolean {
  const record = question.target === 'fields' ? input.fields : input.organisation;
  return (record[question.key] ?? '') !== '';
}

/** "Acme, we make rockets" → company "Acme", about "we make rockets"; no separator keeps it all as the name. */
export function splitCompany(answer: string): { company: string; about?: string } {
  const match = /^(.+?)(?:\s*[,:;]\s*|\s+[-–—]\s+)(.+)$/su.exec(answer);
  const company = match?.[1]?.trim();
  const about = match?.[2]?.trim();
  return company && about ? { company, about } : { company: answer };
}

function answered(question: Question, answer: string): Pick<InterviewTurn, 'fields' | 'organisation'> {
  if (question.target === 'fields') return { fields: { [question.key]: answer } };
  if (question.key === 'company') return { fields: {}, organisation: splitCompany(answer) };
  return { fields: {}, organisation: { [question.key]: answer } };
}

/**
 * A fixed interviewer: greets, then asks each unanswered question in order (admins also get the
 * organisation ones). The answer belongs to the first unanswered question. Pure and deterministic.
 */
export function scriptedInterviewTurn(input: InterviewInput): InterviewTurn {
  const questions = questionsFor(input.isAdmin);
  const open = questions.filter((q) => !isAnswered(q, input));
  const [current, next] = open;
  if (input.answer === null) {
    const greeting = `Hi, I'm ${input.personaName}. A few quick questions so I can help you better — answer in a few words, or send /skip.`;
    if (!current) return { say: greeting, fields: {}, done: true };
    return { say: `${greeting}\n\n${asked(current, questions)}`, fields: {}, done: false };
  }
  if (!current) return { say: 'Thanks, got it.', fields: {}, done: true };
  const answer = input.answer.trim().slice(0, ANSWER_MAX);
  if (answer === '') {
    return {
      say: `Could you say that in a few words? ${asked(current, questions)}`,
      fields: {},
      done: false,
    };
  }
  const learned = answered(current, answer);
  if (!next) return { say: "Thanks, that's everything.", ...learned, done: true };
  return { say: asked(next, questions), ...learned, done: false };
}
