import { turnEffect } from './turn-effect.js';
import type {
  InterviewInput,
  InterviewTurn,
  onboardingFlow,
  SaveContextInput,
} from '../../../flows/onboarding.js';
import { updateOrganisationContext, updatePersonalContext } from '../../domain/context.js';
import {
  CONTEXT_FIELDS,
  ORGANISATION_FIELDS,
  type ContextField,
  type OrganisationField,
} from '../../domain/enums.js';
import { chooseLanguage } from '../../domain/language.js';
import { localeNamed, type Locale } from '../../i18n/locales.js';
import { scriptedInterviewTurn } from '../../onboarding/scripted.js';

type OnboardingImplementations = Parameters<typeof onboardingFlow.provide>[0];

function only<K extends string>(
  fields: Record<string, string>,
  allowed: readonly K[],
): Partial<Record<K, string>> {
  return Object.fromEntries(Object.entries(fields).filter(([key]) => allowed.includes(key as K))) as Partial<
    Record<K, string>
  >;
}

/**
 * The onboarding flow's effects: the configured interviewer (else the scripted one), speaking the
 * language of the person's replies (`locale`), and the personal (and organisation) context, with the
 * preferred language, when it names one we speak, saved as the person's choice.
 */
export function onboardingEffects(locale: Locale): OnboardingImplementations {
  return {
    actors: {
      interviewTurn: turnEffect<InterviewTurn, InterviewInput>(async (deps, input) =>
        deps.interviewer ? deps.interviewer(input, locale) : scriptedInterviewTurn(input),
      ),
      saveContext: turnEffect<void, SaveContextInput>(async (deps, input) => {
        await updatePersonalContext(deps.store, {
          userId: input.userId,
          fields: only<ContextField>(input.fields, CONTEXT_FIELDS),
        });
        // "Deutsch, bitte" is a choice like /language de: every chat's replies follow it from now on.
        const chosen = input.fields.language ? localeNamed(input.fields.language) : undefined;
        if (chosen) await chooseLanguage(deps.store, input.userId, chosen);
        if (input.organisation && Object.keys(input.organisation).length > 0) {
          await updateOrganisationContext(deps.store, {
            actorId: input.userId,
            fields: only<OrganisationField>(input.organisation, ORGANISATION_FIELDS),
          });
        }
      }),
    },
  };
}
