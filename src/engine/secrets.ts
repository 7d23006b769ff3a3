import type { SecretPurpose } from '../../flows/types.js';
import { checkPasswordPolicy } from '../domain/passwords.js';
import { describeDomainError } from './replies.js';

const NEW_PASSWORD: ReadonlySet<SecretPurpose> = new Set(['claim', 'reset', 'new-password']);

/**
 * What a private form can tell the person before it closes: the password policy's refusal for a
 * new password, or undefined when the form may submit (the flow still checks everything).
 */
export function precheckSecret(purpose: SecretPurpose, value: string): string | undefined {
  if (!NEW_PASSWORD.has(purpose)) return undefined;
  try {
    checkPasswordPolicy(value);
    return undefined;
  } catch (error) {
    return describeDomainError(error);
  }
}
