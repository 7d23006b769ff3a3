import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { FakeSlack } from '../fakes/slack-server.js';
import { FakeTelegram } from '../fakes/telegram-server.js';
import { SLACK_SIGNING_SECRET } from './slack.js';
import { createSlackAdapter } from '../../src/adapters/slack/app.js';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/bot.js';
import type { MenuDirectory } from '../../src/adapters/telegram/menus.js';
import type { Engine } from '../../src/engine/engine.js';
import { listen } from '../../src/http/server.js';

/** Both chat platforms around one engine: real grammY and Bolt, talking to the local fakes. */
export interface Platforms {
  telegram: FakeTelegram;
  slack: FakeSlack;
  /** Filled in before the file's first test. */
  bot: TelegramAdapter;
  /** Where signed Slack requests go; filled in before the file's first test. */
  slackEventsUrl: string;
}

/**
 * Starts the fakes and both adapters before the file's tests and stops them after. Telegram updates go
 * in through `bot.bot.handleUpdate` (what the webhook does); Slack's through signed HTTP requests.
 */
export function withBothPlatforms(
  engine: Engine,
  log: Logger,
  options: { directory?: MenuDirectory } = {},
): Platforms {
  const platforms = { telegram: new FakeTelegram(), slack: new FakeSlack(), slackEventsUrl: '' } as Platforms;
  let server: Server;
  beforeAll(async () => {
    await platforms.telegram.start();
    await platforms.slack.start();
    platforms.bot = createTelegramAdapter(engine, {
      token: '123456:TEST-token-abcdefghijklmnop',
      apiRoot: platforms.telegram.url,
      log,
      maxRetries: 0,
      // Telegram's pace would make a story take minutes; order per chat is kept.
      throttle: { global: {}, group: { maxConcurrent: 1 }, out: { maxConcurrent: 1 } },
      ...(options.directory ? { directory: options.directory } : {}),
    });
    const telegramBotUsername = await platforms.bot.init();
    const slack = createSlackAdapter(engine, {
      telegramBotUsername,
      botToken: 'xoxb-test-token',
      signingSecret: SLACK_SIGNING_SECRET,
      apiUrl: platforms.slack.url,
      retries: 0,
      log,
    });
    server = await listen(0, [slack.route!], () => undefined);
    platforms.slackEventsUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
  });
  afterAll(async () => {
    server.close();
    await platforms.telegram.stop();
    await platforms.slack.stop();
  });
  return platforms;
}
