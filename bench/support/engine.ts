import pino from 'pino';
import { Engine } from '../../src/engine/engine.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { SLACK_CAPABILITIES } from '../../src/adapters/slack/translate.js';
import { TELEGRAM_CAPABILITIES } from '../../src/adapters/telegram/translate.js';
import type { Interviewer } from '../../src/onboarding/interviewer.js';
import type { SessionStore } from '../../src/store/sessions.js';
import type { Store } from '../../src/store/store.js';

/** Engine dependencies as `src/main.ts` builds them for Telegram and Slack, with logging off. */
export function benchDeps(
  store: Store,
  sessions: SessionStore,
  options: { interviewer?: Interviewer; onboardingMaxTurns?: number } = {},
): EngineDeps {
  return {
    store,
    sessions,
    log: pino({ level: 'silent' }),
    settings: {
      seatLimit: undefined,
      sessionTtlSeconds: 3600,
      personaName: 'Smithers',
      onboardingMaxTurns: options.onboardingMaxTurns ?? 12,
      defaultLocale: 'en',
    },
    capabilities: { telegram: TELEGRAM_CAPABILITIES, slack: SLACK_CAPABILITIES },
    ...(options.interviewer ? { interviewer: options.interviewer } : {}),
  };
}

export function benchEngine(...args: Parameters<typeof benchDeps>): Engine {
  return new Engine(benchDeps(...args));
}
