import { msg, type Text } from '../i18n/message.js';
import { UsageError } from './args.js';
import { describeDomainError } from './replies.js';

/**
 * An error as words for the person, when it is a refusal they caused (a domain rule, or arguments
 * that do not fit `usage`, a command's usage line without its slash); undefined for a fault, which
 * is logged and apologised for instead.
 */
export function refusalWords(error: unknown, usage?: Text): Text | undefined {
  if (error instanceof UsageError && usage !== undefined)
    return error.problem
      ? msg('engine-usage-after-problem', { problem: error.problem, usage })
      : msg('engine-usage', { usage });
  return describeDomainError(error);
}
