import type { SecretPurpose } from '../../flows/types.js';

/** A button; `action` comes back as `Inbound.action` when tapped (at most 64 bytes). */
export interface Button {
  label: string;
  action: string;
}

/** A reply, in the platform-neutral form adapters render. Text is plain: adapters escape it. */
export type Outbound =
  | { type: 'text'; text: string; buttons?: Button[][]; privately?: boolean }
  /** Ask for a secret: a form where the platform has one, else a message the bot will delete. */
  | { type: 'secretPrompt'; text: string; purpose: SecretPurpose; action: string }
  | { type: 'file'; name: string; mimeType: string; content: string; caption: string; privately?: boolean }
  /** Delete the person's message that carried a secret; `failedNotice` is said if deletion fails. */
  | { type: 'deleteMessage'; messageId: string; failedNotice: string };

export function text(body: string, options: { buttons?: Button[][]; privately?: boolean } = {}): Outbound {
  return { type: 'text', text: body, ...options };
}
