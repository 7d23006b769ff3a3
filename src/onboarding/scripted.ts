import type { InterviewInput, InterviewTurn } from '../../flows/onboarding.js';
import type { ContextField, OrganisationField } from '../domain/enums.js';
import { msg, type Message } from '../i18n/message.js';

const ANSWER_MAX = 500;

/** A question, worded in the reader's language as `onboarding-ask-<key>` (onboarding.ftl of each locale). */
type Question = { target: 'fields'; key: ContextField } | { target: 'organisation'; key: OrganisationField };

const PERSONAL_QUESTIONS: readonly Question[] = [
  { target: 'fields', key: 'role' },
  { target: 'fields', key: 'team' },
  { target: 'fields', key: 'language' },
  { target: 'fields', key: 'style' },
  { target: 'fields', key: 'focus' },
];

const ORGANISATION_QUESTIONS: readonly Question[] = [
  { target: 'organisation', key: 'company' },
  { target: 'organisation', key: 'teams' },
];

function questionsFor(isAdmin: boolean): readonly Question[] {
  return isAdmin ? [...PERSONAL_QUESTIONS, ...ORGANISATION_QUESTIONS] : PERSONAL_QUESTIONS;
}

/** The question with where it stands among them ("2 of 5"), so the person sees how much is left. */
function asked(question: Question, questions: readonly Question[]): Message {
  return msg('onboarding-asked', {
    question: msg(`onboarding-ask-${question.key}`),
    number: questions.indexOf(question) + 1,
    total: questions.length,
  });
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
    const name = input.personaName;
    if (!current) return { say: msg('onboarding-greeting', { name }), fields: {}, done: true };
    return {
      say: msg('onboarding-greeting-and-question', { name, question: asked(current, questions) }),
      fields: {},
      done: false,
    };
  }
  if (!current) return { say: msg('onboarding-thanks'), fields: {}, done: true };
  const answer = input.answer.trim().slice(0, ANSWER_MAX);
  if (answer === '') {
    return {
      say: msg('onboarding-say-again', { question: asked(current, questions) }),
      fields: {},
      done: false,
    };
  }
  const learned = answered(current, answer);
  if (!next) return { say: msg('onboarding-thats-everything'), ...learned, done: true };
  return { say: asked(next, questions), ...learned, done: false };
}
