import type { WebClient } from '@slack/web-api';
import type { RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { withCommandPrefix, type Button, type LocalizedOutbound } from '../../engine/outbound.js';
import { isNewPassword } from '../../engine/secrets.js';
import type { Locale } from '../../i18n/locales.js';
import { msg, type Message } from '../../i18n/message.js';
import { translate } from '../../i18n/translate.js';
import { withCodeInstructions } from '../codes.js';
import { isDirectMessage, SLACK_COMMAND_PREFIX, type SecretFormMeta } from './translate.js';

/** Where the replies of one update go. */
export interface ReplyTarget {
  client: WebClient;
  /** The Slack user id (without the workspace). */
  userId: string;
  channel: string;
  /** The slash command's or button's response_url: ephemeral in channels, and works where the bot is no member. */
  respond?: RespondFn;
  /** The Telegram bot that serves this deployment too, if one does: a code's instructions link to it. */
  telegramBotUsername?: string;
  /**
   * A button was tapped: its message is replaced through `respond`. Its blocks come along where Slack
   * sends them (not for an ephemeral message).
   */
  tapped?: { blocks?: Block[] };
}

export const SECRET_ACTION = 'gh_secret';
export const BUTTON_ACTION_PREFIX = 'gh_btn_';
const TEXT_BLOCK_MAX = 2900;

/** Slack reads `&`, `<` and `>` in message text as markup; a person's name must stay text. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function chunks(text: string): string[] {
  const parts: string[] = [];
  for (let rest = text; rest.length > 0; rest = rest.slice(TEXT_BLOCK_MAX))
    parts.push(rest.slice(0, TEXT_BLOCK_MAX));
  return parts.length > 0 ? parts : [' '];
}

type Block = KnownBlock;

function textBlocks(text: string, buttons: Button<string>[][] = []): Block[] {
  const sections: Block[] = chunks(text).map((part) => ({
    type: 'section' as const,
    text: { type: 'plain_text' as const, text: part, emoji: false },
  }));
  const actions: Block[] = buttons.map((row, r) => ({
    type: 'actions' as const,
    elements: row.map((button, i) => ({
      type: 'button' as const,
      action_id: `${BUTTON_ACTION_PREFIX}${r}_${i}`,
      text: { type: 'plain_text' as const, text: button.label.slice(0, 75), emoji: false },
      value: button.action,
    })),
  }));
  return [...sections, ...actions];
}

async function directChannel(target: ReplyTarget): Promise<string> {
  if (isDirectMessage(target.channel)) return target.channel;
  const opened = await target.client.conversations.open({ users: target.userId });
  const id = opened.channel?.id;
  if (!id) throw new Error('Slack opened no DM channel');
  return id;
}

async function post(target: ReplyTarget, text: string, blocks: Block[], privately: boolean): Promise<void> {
  const fallback = escapeSlack(text).slice(0, 3000);
  if (privately || isDirectMessage(target.channel) || !target.respond) {
    const channel = privately || !target.respond ? await directChannel(target) : target.channel;
    await target.client.chat.postMessage({ channel, text: fallback, blocks });
    return;
  }
  await target.respond({ response_type: 'ephemeral', replace_original: false, text: fallback, blocks });
}

/** Replaces the tapped message (a card) in place; false when there is none or Slack refused. */
async function replaceTapped(target: ReplyTarget, text: string, blocks: Block[]): Promise<boolean> {
  if (!target.tapped || !target.respond) return false;
  try {
    await target.respond({
      replace_original: true,
      // A card in a channel was an ephemeral reply, and stays one.
      ...(isDirectMessage(target.channel) ? {} : { response_type: 'ephemeral' as const }),
      text: escapeSlack(text).slice(0, 3000),
      blocks,
    });
    return true;
  } catch {
    return false;
  }
}

/** The tapped card without its buttons, `footer` under its words; where its words are unknown, only what to say. */
async function closeCard(target: ReplyTarget, footer: string | undefined, fallback: string | undefined) {
  const kept = target.tapped?.blocks?.filter((b) => b.type !== 'actions');
  const said = footer ?? fallback;
  const blocks = kept
    ? [...kept, ...(footer !== undefined ? textBlocks(footer) : [])]
    : said !== undefined
      ? textBlocks(said)
      : [];
  if (blocks.length > 0 && (await replaceTapped(target, said ?? '', blocks))) return;
  if (said !== undefined) await post(target, said, textBlocks(said), false);
}

/** A reply's text as Slack shows it: commands as they are typed there, codes with their instructions. */
export function slackText(body: string, telegramBotUsername: string | undefined, locale: Locale): string {
  return withCodeInstructions(withCommandPrefix(body, SLACK_COMMAND_PREFIX), telegramBotUsername, locale);
}

/** Sends the engine's replies: ephemeral in channels, in the DM when private; secrets go through a modal. */
export async function deliver(target: ReplyTarget, replies: LocalizedOutbound[]): Promise<void> {
  for (const reply of replies) {
    switch (reply.type) {
      case 'text': {
        const body = slackText(reply.text, target.telegramBotUsername, reply.locale);
        const blocks = textBlocks(body, reply.buttons);
        if (reply.replacesTapped && !reply.privately && (await replaceTapped(target, body, blocks))) break;
        await post(target, body, blocks, reply.privately === true);
        break;
      }
      case 'closeCard':
        await closeCard(
          target,
          reply.footer && slackText(reply.footer, target.telegramBotUsername, reply.locale),
          reply.fallback && slackText(reply.fallback, target.telegramBotUsername, reply.locale),
        );
        break;
      case 'secretPrompt': {
        const body = slackText(reply.text, target.telegramBotUsername, reply.locale);
        const meta: SecretFormMeta = {
          chat: target.channel,
          purpose: reply.purpose,
          nonce: reply.nonce,
          locale: reply.locale,
        };
        const blocks: Block[] = [
          ...textBlocks(body),
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: SECRET_ACTION,
                style: 'primary',
                text: { type: 'plain_text', text: translate(reply.locale, msg('slack-secret-button')) },
                value: JSON.stringify(meta),
              },
            ],
          },
        ];
        await post(target, body, blocks, false);
        break;
      }
      case 'file':
        await target.client.filesUploadV2({
          channel_id: await directChannel(target),
          filename: reply.name,
          content: reply.content,
          initial_comment: reply.caption,
        });
        break;
      case 'deleteMessage':
        // A bot token cannot delete a person's message; the engine never asks for secrets as messages here.
        break;
    }
  }
}

const PURPOSE_LABEL: Record<SecretFormMeta['purpose'], Message> = {
  claim: msg('slack-label-claim'),
  reset: msg('slack-label-reset'),
  'new-password': msg('slack-label-new-password'),
  'confirm-password': msg('slack-label-confirm-password'),
  login: msg('slack-label-login'),
  'current-password': msg('slack-label-current-password'),
};

function secretInput(blockId: string, label: Message, locale: Locale) {
  return {
    type: 'input' as const,
    block_id: blockId,
    label: { type: 'plain_text' as const, text: translate(locale, label) },
    hint: { type: 'plain_text' as const, text: translate(locale, msg('slack-secret-hint')) },
    element: { type: 'plain_text_input' as const, action_id: 'value', max_length: 256 },
  };
}

/**
 * The modal that asks for a secret, so it never becomes a message; a new password is asked twice.
 * Worded in `locale`: the prompt's, which `meta` carries on to the submission.
 */
export function secretModal(meta: SecretFormMeta, locale: Locale) {
  const words = (message: Message) => ({ type: 'plain_text' as const, text: translate(locale, message) });
  return {
    type: 'modal' as const,
    callback_id: SECRET_ACTION,
    private_metadata: JSON.stringify({ ...meta, locale }),
    title: words(msg('slack-modal-title')),
    submit: words(msg('slack-modal-submit')),
    close: words(msg('slack-modal-cancel')),
    blocks: [
      secretInput('secret', PURPOSE_LABEL[meta.purpose], locale),
      ...(isNewPassword(meta.purpose) ? [secretInput('again', msg('slack-label-again'), locale)] : []),
    ],
  };
}
