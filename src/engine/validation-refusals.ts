import type { ValidationError, ValidationField, ValidationProblem } from '../domain/errors.js';
import { joined, msg, type Message } from '../i18n/message.js';

type NamedField = Exclude<ValidationField, { contextField: string }>;

/** How each input is named in a refusal (each language words it to open the sentence). */
const FIELD: Record<NamedField, Message> = {
  name: msg('validation-field-name'),
  email: msg('validation-field-email'),
  groupName: msg('validation-field-group-name'),
  agentName: msg('validation-field-agent-name'),
  label: msg('validation-field-label'),
  description: msg('validation-field-description'),
  instructions: msg('validation-field-instructions'),
  page: msg('validation-field-page'),
  limit: msg('validation-field-limit'),
  role: msg('validation-field-role'),
  access: msg('validation-field-access'),
  uses: msg('validation-field-uses'),
  days: msg('validation-field-days'),
  emails: msg('validation-field-emails'),
  groups: msg('validation-field-groups'),
  invite: msg('validation-field-invite'),
  newPassword: msg('validation-field-new-password'),
  newOwner: msg('validation-field-new-owner'),
  contextField: msg('validation-field-context-field'),
  personalContext: msg('validation-field-personal-context'),
  organisationContext: msg('validation-field-organisation-context'),
};

function fieldName(field: ValidationField): Message {
  if (typeof field === 'string') return FIELD[field];
  return msg('validation-field-context', { name: msg(`field-${field.contextField}`) });
}

/**
 * The refusal's sentence: the problem's message with the field in it. Numbers go in as written so a
 * limit reads as the digits a person types ("8000", not "8,000").
 */
function refusal(field: Message, problem: ValidationProblem): Message {
  switch (problem.kind) {
    case 'empty':
      return msg('validation-empty', { field });
    case 'tooLong':
      return msg('validation-too-long', { field, max: String(problem.max) });
    case 'tooMany':
      return msg('validation-too-many', { field, max: String(problem.max) });
    case 'notEmail':
      return msg('validation-not-email', { field });
    case 'notId':
      return msg('validation-not-id', { field });
    case 'badCharacters':
      return msg('validation-bad-characters', { field });
    case 'controlCharacters':
      return msg('validation-control-characters', { field });
    case 'notWholeNumber':
      return msg('validation-not-whole-number', { field });
    case 'atLeast':
      return msg('validation-at-least', { field, min: String(problem.min) });
    case 'atMost':
      return msg('validation-at-most', { field, max: String(problem.max) });
    case 'notOneOf':
      return msg('validation-not-one-of', {
        field,
        count: problem.options.length,
        options: joined(problem.options, problem.options.length === 2 ? 'or' : 'comma'),
      });
    case 'tooManyBytes':
      return msg('validation-too-many-bytes', { field, max: String(problem.max) });
    case 'stalePage':
      return msg('validation-stale-page', { field });
    case 'sameAsCurrent':
      return msg('validation-same-as-current', { field });
    case 'notAnotherActivePerson':
      return msg('validation-not-another-active-person', { field });
    case 'neededForCreatedAgents':
      return msg('validation-needed-for-created-agents', { field });
    case 'oneUseForEmail':
      return msg('validation-one-use-for-email', { field });
    case 'allOrSomeGroups':
      return msg('validation-all-or-some-groups', { field });
    case 'invalid':
      return msg('validation-invalid', { field });
  }
}

/** What a person reads when their input is refused, worded in their language. */
export function describeValidation(error: ValidationError): Message {
  return refusal(fieldName(error.field), error.problem);
}
