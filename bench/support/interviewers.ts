import type { InterviewInput, InterviewTurn } from '../../flows/onboarding.js';
import type { Interviewer } from '../../src/onboarding/interviewer.js';

/** How many interviewer turns came before this one (the flow passes turns left of `maxTurns`). */
export function turnsSoFar(input: InterviewInput, maxTurns: number): number {
  return maxTurns - 1 - input.turnsLeft;
}

/**
 * An interviewer that never finishes: question k+1 after answer k, keeping the latest answer as a
 * field. Through the real onboarding flow this makes a dialogue as long as `maxTurns` allows.
 */
export function endlessInterviewer(maxTurns: number): Interviewer {
  return async (input): Promise<InterviewTurn> => ({
    say: `Question ${turnsSoFar(input, maxTurns) + 1}: what else should I know?`,
    fields: input.answer ? { latest: input.answer.slice(0, 100) } : {},
    done: false,
  });
}

/**
 * The interviewer a model could be at its most verbose: 500-character questions with characters
 * that take several bytes, and every field it may write filled, so the saved interview reaches the
 * flow's bounds.
 */
export const boundsFillingInterviewer: Interviewer = async (input): Promise<InterviewTurn> => {
  const filler = (seed: string) => `${seed} “ß€🙂” `.repeat(60).slice(0, 500);
  const fields = Object.fromEntries(
    ['role', 'language', 'style', 'focus', 'team', 'timezone'].map((key) => [key, filler(key)]),
  );
  return {
    say: filler(`Question ${input.transcript.length}`),
    fields,
    organisation: { company: filler('company'), about: filler('about'), teams: filler('teams') },
    done: false,
  };
};
