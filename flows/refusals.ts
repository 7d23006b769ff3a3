/**
 * Refusals worded once for two speakers: a flow that checks first (the claim's invite check) and the
 * engine wording the same refusal raised later (src/engine/replies.ts).
 */

import { msg, type Message } from '../src/i18n/message.js';

export type InviteUnusableReason = 'unknown' | 'expired' | 'revoked' | 'used_up';

export const INVITE_UNUSABLE: Record<InviteUnusableReason, Message> = {
  unknown: msg('refusal-invite-unknown'),
  expired: msg('refusal-invite-expired'),
  revoked: msg('refusal-invite-revoked'),
  used_up: msg('refusal-invite-used-up'),
};

export type ResetLinkUnusableReason = 'unknown' | 'expired' | 'used' | 'voided';

export const RESET_LINK_UNUSABLE: Record<ResetLinkUnusableReason, Message> = {
  unknown: msg('refusal-reset-unknown'),
  expired: msg('refusal-reset-expired'),
  used: msg('refusal-reset-used'),
  voided: msg('refusal-reset-voided'),
};
