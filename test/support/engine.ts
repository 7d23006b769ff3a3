import pino from 'pino';
import { Engine } from '../../src/engine/engine.js';
import type { EngineDeps, EngineSettings } from '../../src/engine/deps.js';
import type { Platform } from '../../src/domain/enums.js';
import type { Inbound } from '../../src/engine/inbound.js';
import type { Button, LocalizedOutbound } from '../../src/engine/outbound.js';
import { withCodeInstructions } from '../../src/adapters/codes.js';
import { CONSOLE_CAPABILITIES } from '../../src/adapters/console/console.js';
import { slackText } from '../../src/adapters/slack/render.js';
import { SLACK_CAPABILITIES } from '../../src/adapters/slack/translate.js';
import type { SessionStore } from '../../src/store/sessions.js';
import type { Store } from '../../src/store/store.js';

/** What the adapters of the test suite can do: console, Telegram without the Mini App, Slack. */
const TEST_CAPABILITIES: EngineDeps['capabilities'] = {
  console: CONSOLE_CAPABILITIES,
  telegram: { canDeleteMessages: true, hasSecretForms: false },
  slack: SLACK_CAPABILITIES,
};

/** Engine dependencies as the tests use them; `capabilities` replaces the adapters connected. */
export function testDeps(
  store: Store,
  sessions: SessionStore,
  settings: Partial<EngineSettings> = {},
  log = pino({ level: 'silent' }),
  extra: Pick<EngineDeps, 'agentResponder' | 'interviewer' | 'metrics'> = {},
  capabilities: EngineDeps['capabilities'] = TEST_CAPABILITIES,
): EngineDeps {
  return {
    ...extra,
    store,
    sessions,
    log,
    settings: {
      seatLimit: undefined,
      sessionTtlSeconds: 3600,
      personaName: 'Smithers',
      onboardingMaxTurns: 12,
      defaultLocale: 'en',
      ...settings,
    },
    capabilities,
  };
}

export function testEngine(...args: Parameters<typeof testDeps>): Engine {
  return new Engine(testDeps(...args));
}

/** The Telegram bot of the test deployment, which codes' instructions link to. */
export const TEST_BOT_USERNAME = 'gatehouse_test_bot';

/** A reply's text as the platform's adapter shows it (Slack's commands, a code with its instructions). */
export function shown(body: string, platform: Platform = 'telegram'): string {
  return platform === 'slack'
    ? slackText(body, TEST_BOT_USERNAME, 'en')
    : withCodeInstructions(body, TEST_BOT_USERNAME, 'en');
}

/** Renders replies the way a person reads them on `platform`: text, then button labels in brackets. */
export function transcript(replies: LocalizedOutbound[], platform: Platform = 'telegram'): string {
  return replies
    .map((r) => {
      if (r.type === 'text')
        return (
          shown(r.text, platform) +
          (r.buttons
            ? ` ${r.buttons
                .flat()
                .map((b) => `[${b.label}]`)
                .join(' ')}`
            : '')
        );
      if (r.type === 'secretPrompt') return `${shown(r.text, platform)} (secret)`;
      if (r.type === 'file') return `(file ${r.name})`;
      // A card that loses its buttons: what a chat that cannot change it reads.
      if (r.type === 'closeCard') return r.fallback === undefined ? undefined : shown(r.fallback, platform);
      return '(message deleted)';
    })
    .filter((line) => line !== undefined)
    .join('\n');
}

let messageId = 0;

/** One person in one private chat, talking to the engine as an adapter would. */
export class Person {
  last: LocalizedOutbound[] = [];

  constructor(
    private readonly engine: Engine,
    readonly externalId: string,
    private readonly platform: 'telegram' | 'console' = 'telegram',
    /** The language their app says they use (Telegram's `language_code`); undefined: it says none. */
    private readonly languageCode?: string,
  ) {}

  private base(): Omit<Inbound, 'command' | 'text' | 'action' | 'secret'> {
    messageId += 1;
    return {
      platform: this.platform,
      sender: {
        externalId: this.externalId,
        username: this.externalId,
        displayName: this.externalId,
        ...(this.languageCode ? { languageCode: this.languageCode } : {}),
      },
      chat: { id: this.externalId, isPrivate: true },
      messageId: String(messageId),
    };
  }

  async say(line: string): Promise<string> {
    const command = line.match(/^\/(\w+)\s*([\s\S]*)$/);
    const inbound: Inbound = command
      ? { ...this.base(), command: { name: command[1]!, args: command[2]!.trim() } }
      : { ...this.base(), text: line };
    this.last = await this.engine.handle(inbound);
    return transcript(this.last);
  }

  /** Sends a secret as a private form (a console prompt, a modal) would. */
  async secret(value: string): Promise<string> {
    this.last = await this.engine.handle({ ...this.base(), secret: { value } });
    return transcript(this.last);
  }

  async tap(label: string): Promise<string> {
    const button = this.last
      .flatMap((r): Button<string>[] => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []))
      .find((b) => b.label === label);
    if (!button) throw new Error(`no button “${label}” in:\n${transcript(this.last)}`);
    this.last = await this.engine.handle({ ...this.base(), action: button.action });
    return transcript(this.last);
  }

  /** The language the replies of the last update were worded in. */
  get locale(): string | undefined {
    return this.last[0]?.locale;
  }

  /** Sends raw button data, as a forged or stale button would. */
  async press(action: string): Promise<string> {
    this.last = await this.engine.handle({ ...this.base(), action });
    return transcript(this.last);
  }
}
