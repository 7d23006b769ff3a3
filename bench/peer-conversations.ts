import { Bot, type Context } from 'grammy';
import {
  conversations,
  createConversation,
  type Conversation,
  type ConversationFlavor,
} from '@grammyjs/conversations';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { Redis } from 'ioredis';
import { BOT_INFO, BOT_TOKEN, fakeFetch } from './support/telegram.js';

type PeerContext = ConversationFlavor<Context>;

/**
 * The same dialogue written as a grammY user would: `@grammyjs/conversations` 2.1 keeping its state
 * in Redis through `@grammyjs/storage-redis`. `/onboarding` enters it; it asks question after
 * question and keeps the answers, up to `questions`.
 */
export function peerBot(redis: Redis, prefix: string, questions: number): Bot<PeerContext> {
  const bot = new Bot<PeerContext>(BOT_TOKEN, { botInfo: BOT_INFO, client: { fetch: fakeFetch } });
  bot.use(
    conversations({
      storage: { type: 'key', prefix, adapter: new RedisAdapter({ instance: redis, ttl: 3600 }) },
    }),
  );
  async function interview(conversation: Conversation<PeerContext, Context>, ctx: Context): Promise<void> {
    const answers: string[] = [];
    await ctx.reply(
      "Hi, I'm Smithers. A few quick questions so I can help you better.\n\nQuestion 1: what else should I know?",
    );
    for (let k = 1; k < questions; k++) {
      const answer = await conversation.waitFor('message:text');
      answers.push(answer.message.text.slice(0, 100));
      await answer.reply(`Question ${k + 1}: what else should I know?`);
    }
    const last = await conversation.waitFor('message:text');
    answers.push(last.message.text.slice(0, 100));
    await last.reply(`Thanks, that's ${answers.length} answers.`);
  }
  bot.use(createConversation(interview, 'interview'));
  bot.command('onboarding', (ctx) => ctx.conversation.enter('interview'));
  return bot;
}
