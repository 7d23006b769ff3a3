import type { Platform } from '../domain/enums.js';

/** Who sent an update, as the platform names them. */
export interface Sender {
  externalId: string;
  username: string | null;
  displayName: string;
  /** The language the platform says the person uses (Telegram's `language_code`, Slack's user locale). */
  languageCode?: string;
  /**
   * The sender's private chat with the bot, where the platform names it without asking (Telegram:
   * the user's id). Given where a group's replies are seen by everyone there.
   */
  privateChatId?: string;
}

/** One platform update, translated by an adapter into the only shape the engine reads. */
export interface Inbound {
  platform: Platform;
  sender: Sender;
  chat: { id: string; isPrivate: boolean };
  /** The platform's id of the message, so a secret it carried can be deleted. */
  messageId?: string;
  /** `/invite a@b.c member` → `{ name: 'invite', args: 'a@b.c member' }`; `/start x` carries the payload as args. */
  command?: { name: string; args: string };
  text?: string;
  /** The data of a tapped button. */
  action?: string;
  /** A secret typed into a private form (Slack modal, Telegram Mini App), never a chat message. */
  secret?: { value: string };
}

/** What an adapter can do; the engine words its replies by these, never by platform name. */
export interface Capabilities {
  /** Can delete a message a person sent (Telegram can in private chats; Slack's bot token cannot). */
  canDeleteMessages: boolean;
  /** Secrets are asked for in a private form (modal, Mini App) instead of a chat message. */
  hasSecretForms: boolean;
  /** Buttons can open pages of Gatehouse's web app (Telegram's Mini App, with `PUBLIC_URL`). */
  hasWebApp?: boolean;
}

/** Sessions are per person per chat: two people in one group each have their own flow. */
export function conversationKey(inbound: Pick<Inbound, 'platform' | 'chat' | 'sender'>): string {
  return `${identityKeyPrefix(inbound.platform, inbound.sender.externalId)}${inbound.chat.id}`;
}

/** The prefix shared by every conversation of one chat identity (to end them all on logout). */
export function identityKeyPrefix(platform: Platform, externalId: string): string {
  return `${platform}:${externalId}:`;
}
