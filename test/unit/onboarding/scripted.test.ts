import { describe, expect, it } from 'vitest';
import type { InterviewInput } from '../../../flows/onboarding.js';
import { scriptedInterviewTurn, splitCompany } from '../../../src/onboarding/scripted.js';
import { translate } from '../../../src/i18n/translate.js';
import { english } from '../../support/flow-steps.js';

/** A scripted turn with its words as an English reader reads them. */
function inEnglish(input: InterviewInput) {
  const turn = scriptedInterviewTurn(input);
  return { ...turn, say: english(turn.say) };
}

const base: InterviewInput = {
  personaName: 'Smithers',
  isAdmin: false,
  fields: {},
  organisation: {},
  transcript: [],
  answer: null,
  turnsLeft: 10,
};

describe('scriptedInterviewTurn', () => {
  it('greets by the persona name and asks for the role first', () => {
    const turn = inEnglish(base);
    expect(turn.say).toBe(
      "Hi, I'm Smithers. A few quick questions so I can help you better — answer in a few words, or send /skip.\n\nWhat's your role, and what do you work on? (1 of 5)",
    );
    expect(turn).toMatchObject({ fields: {}, done: false });
  });

  it('files the answer under the first unanswered field and asks the next question', () => {
    expect(inEnglish({ ...base, answer: ' Designer ' })).toEqual({
      say: 'Which team are you on? (2 of 5)',
      fields: { role: 'Designer' },
      done: false,
    });
    const afterTeam = inEnglish({ ...base, fields: { role: 'Designer' }, answer: 'Payments' });
    expect(afterTeam).toEqual({
      say: 'Which language should I answer you in? (3 of 5)',
      fields: { team: 'Payments' },
      done: false,
    });
    const fields = { role: 'Designer', team: 'Payments' };
    const turn = inEnglish({ ...base, fields, answer: 'German' });
    expect(turn.fields).toEqual({ language: 'German' });
    expect(turn.say).toMatch(/short or detailed.*\(4 of 5\)$/);
  });

  it('counts the organisation questions in an admin’s progress', () => {
    const fields = { role: 'CTO', team: 'Core', language: 'English', style: 'short' };
    const afterFocus = inEnglish({ ...base, isAdmin: true, fields, answer: 'hiring' });
    expect(afterFocus.say).toMatch(/\(6 of 7\)$/);
  });

  it('finishes a member after the focus answer', () => {
    const fields = { role: 'Designer', team: 'Payments', language: 'German', style: 'short' };
    expect(inEnglish({ ...base, fields, answer: 'the launch' })).toEqual({
      say: "Thanks, that's everything.",
      fields: { focus: 'the launch' },
      done: true,
    });
  });

  it('asks an admin about the company and the teams after the personal questions', () => {
    const fields = { role: 'CTO', team: 'Core', language: 'English', style: 'short' };
    const afterFocus = inEnglish({ ...base, isAdmin: true, fields, answer: 'hiring' });
    expect(afterFocus).toMatchObject({ fields: { focus: 'hiring' }, done: false });
    expect(afterFocus.say).toContain("What's the company called");
    const full = { ...fields, focus: 'hiring' };
    const company = inEnglish({ ...base, isAdmin: true, fields: full, answer: 'Acme — rockets' });
    expect(company).toMatchObject({ organisation: { company: 'Acme', about: 'rockets' }, done: false });
    const teams = inEnglish({
      ...base,
      isAdmin: true,
      fields: full,
      organisation: { company: 'Acme', about: 'rockets' },
      answer: 'Propulsion, Guidance',
    });
    expect(teams).toEqual({
      say: "Thanks, that's everything.",
      fields: {},
      organisation: { teams: 'Propulsion, Guidance' },
      done: true,
    });
  });

  it('words its questions in the reader’s language', () => {
    const turn = scriptedInterviewTurn({ ...base, answer: 'Designer' });
    expect(translate('de', turn.say)).toBe('In welchem Team bist du? (2 von 5)');
    expect(translate('es', turn.say)).toBe('¿En qué equipo estás? (2 de 5)');
  });

  it('clips an answer to 500 characters', () => {
    const turn = inEnglish({ ...base, answer: 'x'.repeat(900) });
    expect(turn.fields.role).toHaveLength(500);
  });

  it('asks the same question again after a blank answer', () => {
    const turn = inEnglish({ ...base, answer: '   ' });
    expect(turn).toEqual({
      say: "Could you say that in a few words? What's your role, and what do you work on? (1 of 5)",
      fields: {},
      done: false,
    });
  });

  it('is done at once when everything is already answered', () => {
    const fields = { role: 'a', team: 'e', language: 'b', style: 'c', focus: 'd' };
    expect(inEnglish({ ...base, fields, answer: 'anything else' })).toMatchObject({ done: true });
    expect(inEnglish({ ...base, fields })).toMatchObject({ done: true });
  });

  it('returns the same turn for the same input', () => {
    const input = { ...base, fields: { role: 'dev' }, answer: 'French' };
    expect(scriptedInterviewTurn(input)).toEqual(scriptedInterviewTurn(input));
  });
});

describe('splitCompany', () => {
  it('splits the name from what the company does', () => {
    expect(splitCompany('Acme, we make rockets')).toEqual({ company: 'Acme', about: 'we make rockets' });
    expect(splitCompany('Acme: rockets')).toEqual({ company: 'Acme', about: 'rockets' });
    expect(splitCompany('Acme - rockets')).toEqual({ company: 'Acme', about: 'rockets' });
  });

  it('keeps an answer without a separator as the name', () => {
    expect(splitCompany('Acme Rocket-Works')).toEqual({ company: 'Acme Rocket-Works' });
  });
});
