import type { SecretPurpose } from '../../../flows/types.js';
import type { Capabilities, Inbound, Sender } from '../../engine/inbound.js';
import { isNewPassword, screenFormSecret, type SecretForm } from '../../engine/secrets.js';
import { translate } from '../../i18n/translate.js';

export const SLACK_CAPABILITIES: Capabilities = {
  canDeleteMessages: false,
  hasSecretForms: true,
};

/** Gatehouse's commands on Slack are its one slash command's words: `/gatehouse invite …`. */
export const SLACK_COMMAND_PREFIX = '/gatehouse ';

/** How a person opens a code (an invite, a reset link) on Slack: a DM to the bot, or the claim command. */
export function openCodeOnSlack(code: string): string {
  return `send ${code} to the bot in a DM, or type ${SLACK_COMMAND_PREFIX}claim ${code} there`;
}

/** A Slack identity is the workspace plus the user: the same user id means nothing in another workspace. */
export function slackSender(teamId: string, userId: string, username?: string): Sender {
  return { externalId: `${teamId}:${userId}`, username: username ?? null, displayName: username ?? userId };
}

/** DMs have ids starting with D; everything else is a channel others can read. */
export function isDirectMessage(channelId: string): boolean {
  return channelId.startsWith('D');
}

/** `/gatehouse invite a@b.c member` → the `invite` command with its arguments; bare `/gatehouse` is help. */
export function commandInbound(body: {
  team_id: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  text: string;
}): Inbound {
  const [, name = 'help', args = ''] = body.text.trim().match(/^(\S+)?\s*([\s\S]*)$/) ?? [];
  return {
    platform: 'slack',
    sender: slackSender(body.team_id, body.user_id, body.user_name),
    chat: { id: body.channel_id, isPrivate: isDirectMessage(body.channel_id) },
    command: { name: name.replace(/^\//, '').toLowerCase(), args: args.trim() },
  };
}

export function messageInbound(
  teamId: string,
  message: { user: string; channel: string; text: string; ts: string },
): Inbound {
  return {
    platform: 'slack',
    sender: slackSender(teamId, message.user),
    chat: { id: message.channel, isPrivate: isDirectMessage(message.channel) },
    messageId: message.ts,
    text: message.text,
  };
}

export function actionInbound(teamId: string, userId: string, channelId: string, action: string): Inbound {
  return {
    platform: 'slack',
    sender: slackSender(teamId, userId),
    chat: { id: channelId, isPrivate: isDirectMessage(channelId) },
    action,
  };
}

/**
 * What a secret form carries back to its conversation (in the view's private_metadata): the chat, what
 * the prompt asked for and its one-time nonce, so a modal answers that prompt only while it is current.
 */
export interface SecretFormMeta {
  chat: string;
  purpose: SecretPurpose;
  nonce: string;
}

/** The conversation a modal's submission belongs to, as the engine names it. */
export function secretOrigin(teamId: string, userId: string, meta: SecretFormMeta): Inbound {
  return {
    platform: 'slack',
    sender: slackSender(teamId, userId),
    chat: { id: meta.chat, isPrivate: isDirectMessage(meta.chat) },
  };
}

/**
 * The engine's refusal of the modal's fields (a new password's policy, its repetition), as the
 * modal shows it by input block; undefined when it may submit.
 */
export function modalErrors(
  purpose: SecretPurpose,
  value: string,
  again: string | undefined,
): Record<string, string> | undefined {
  const refused = screenFormSecret(purpose, value, again);
  if (!refused) return undefined;
  return { [refused.field === 'password' ? 'secret' : 'again']: translate('en', refused.refusal) };
}

/** A modal's answer as the values the flow asks for: a new password comes with its repetition. */
export function modalForm(value: string): SecretForm {
  return (purpose) =>
    isNewPassword(purpose)
      ? { values: { [purpose]: value, 'confirm-password': value } }
      : { values: { [purpose]: value } };
}
