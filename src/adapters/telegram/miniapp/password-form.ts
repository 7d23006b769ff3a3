import { z } from 'zod';
import type { SecretPurpose } from '../../../../flows/types.js';
import { screenFormSecret, type SecretForm } from '../../../engine/secrets.js';
import { msg } from '../../../i18n/message.js';

/** Longer than the policy allows, so an over-long password gets the policy's words, not a 400. */
const FIELD_MAX = 1024;

/** What the password page posts; the nonce comes from the button's link. */
export const passwordSubmission = z.object({
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  current: z.string().max(FIELD_MAX).optional(),
  password: z.string().min(1).max(FIELD_MAX),
  confirmation: z.string().max(FIELD_MAX).optional(),
});

export type PasswordSubmission = z.infer<typeof passwordSubmission>;

const CURRENT_MISSING = msg('miniapp-current-missing');

/**
 * The page's fields as the values the flow asks for, screened first by the engine (a new password's
 * policy and confirmation). `/password` asks current, new, then again: the page
 * shows all three at once, so one submission answers the three prompts in turn.
 */
export function passwordForm(fields: PasswordSubmission): SecretForm {
  return (purpose: SecretPurpose) => {
    if (purpose === 'login') return { values: { login: fields.password } };
    if (purpose === 'confirm-password') return { values: { 'confirm-password': fields.password } };
    const setting = purpose === 'current-password' ? 'new-password' : purpose;
    const refused = screenFormSecret(setting, fields.password, fields.confirmation);
    if (refused) return { refusal: refused.refusal };
    const again = { 'confirm-password': fields.password };
    if (purpose !== 'current-password') return { values: { [purpose]: fields.password, ...again } };
    if (!fields.current) return { refusal: CURRENT_MISSING };
    return {
      values: { 'current-password': fields.current, 'new-password': fields.password, ...again },
    };
  };
}
