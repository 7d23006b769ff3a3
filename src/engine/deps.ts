import type { Logger } from '../log.js';
import type { AgentResponder } from '../agents/responder.js';
import type { Interviewer } from '../onboarding/interviewer.js';
import type { Platform } from '../domain/enums.js';
import type { SessionStore } from '../store/sessions.js';
import type { Store } from '../store/store.js';
import type { Capabilities } from './inbound.js';
import type { Locale } from '../i18n/locales.js';
import type { NoticeDesk } from './notices.js';

/** Settings the engine and its flows read. */
export interface EngineSettings {
  seatLimit: number | undefined;
  /** How long a resting flow is kept before it expires with nothing half-written. */
  sessionTtlSeconds: number;
  /** The onboarding persona's name. */
  personaName: string;
  /** The most interviewer turns before the "here's what I'll remember" review. */
  onboardingMaxTurns: number;
  /** The language of anyone whose own and platform's languages are none we speak, and of admins' shared output. */
  defaultLocale: Locale;
  /** The team's name where the organisation profile names no company: an invite greets with it. */
  teamName?: string;
}

/** What the engine reports for monitoring; absent in tests that do not look. */
export interface EngineMetrics {
  updateHandled(platform: Platform, outcome: 'ok' | 'failed', seconds: number): void;
  flowTransition(flow: string): void;
  failed(where: 'update'): void;
}

/** Everything the engine needs from outside, handed in at construction. */
export interface EngineDeps {
  store: Store;
  sessions: SessionStore;
  log: Logger;
  settings: EngineSettings;
  /** Answers for agents; undefined when no model is configured. */
  agentResponder?: AgentResponder;
  /** The onboarding interviewer; the scripted one when no model is configured. */
  interviewer?: Interviewer;
  metrics?: EngineMetrics;
  /** What each connected adapter can do; a platform with no adapter has no entry. */
  capabilities: Partial<Record<Platform, Capabilities>>;
  /** Where notices to people other than the asker go; the engine makes one if none is given. */
  notices?: NoticeDesk;
}

/** The capabilities of the adapter an update came through. */
export function capabilitiesOf(deps: EngineDeps, platform: Platform): Capabilities {
  const capabilities = deps.capabilities[platform];
  if (!capabilities) throw new Error(`no adapter is connected for ${platform}`);
  return capabilities;
}
