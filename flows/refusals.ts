/**
 * Refusals worded once for two speakers: a flow that checks first (the claim's invite check) and the
 * engine wording the same refusal raised later (src/engine/replies.ts).
 */

export type InviteUnusableReason = 'unknown' | 'expired' | 'revoked' | 'used_up';

export const INVITE_UNUSABLE: Record<InviteUnusableReason, string> = {
  unknown: 'This invite link is not valid. Ask the admin who invited you for a new one.',
  expired: 'This invite has expired. Ask the admin who invited you to resend it.',
  revoked: 'This invite was revoked. Ask an admin for a new one if you still need access.',
  used_up: 'This invite has already been used. Ask an admin for a new one.',
};

export type ResetLinkUnusableReason = 'unknown' | 'expired' | 'used' | 'voided';

export const RESET_LINK_UNUSABLE: Record<ResetLinkUnusableReason, string> = {
  unknown: 'This reset link is not valid. Ask an admin for a new one.',
  expired: 'This reset link has expired. Ask an admin for a new one.',
  used: 'This reset link has already been used. Ask an admin for a new one.',
  voided:
    'This reset link no longer works: a newer one replaced it, or it was withdrawn. Use the newest link you were given, or ask an admin for a new one.',
};
