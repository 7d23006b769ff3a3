import { translate } from '../i18n/translate.js';
import { UsageError } from './args.js';
import { describeDomainError } from './replies.js';

/**
 * An error as words for the person, when it is a refusal they caused (a domain rule, or arguments
 * that do not fit `usage`); undefined for a fault, which is logged and apologised for instead.
 */
export function refusalWords(error: unknown, usage?: string): string | undefined {
  if (error instanceof UsageError && usage !== undefined)
    return `${error.problem ? `${translate('en', error.problem)}. ` : ''}Usage: ${usage}`;
  return describeDomainError(error);
}
