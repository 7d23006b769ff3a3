import { randomBytes } from 'node:crypto';
import type { FlowEmitted, FlowEvent, SecretPurpose } from '../../flows/types.js';
import { parsePayload } from '../domain/tokens.js';
import { resolveIdentity } from '../domain/accounts.js';
import { touchLastSeen } from '../domain/users.js';
import type { UserRow } from '../store/users.js';
import { UsageError } from './args.js';
import { withoutNul } from './sanitize.js';
import { findCommand } from './commands/index.js';
import type { CommandContext, CommandOutcome } from './commands/types.js';
import { capabilitiesOf, type EngineDeps } from './deps.js';
import { FLOWS, type FlowId } from './flows.js';
import { StaleSnapshotError, stepFlow, type FlowStep } from './flow-runner.js';
import { conversationKey, type Inbound } from './inbound.js';
import { text, type Button, type Outbound } from './outbound.js';
import { APOLOGY, DEACTIVATED_NOTICE, STALE_BUTTON, STALE_FLOW, describeDomainError } from './replies.js';
import {
  newFormNonce,
  nonceMatches,
  type SecretForm,
  type SecretOutcome,
  type SubmitResult,
} from './secrets.js';

/** A flow at rest in a conversation. */
interface RunningFlow {
  id: FlowId;
  version: number;
  /** Tags this run's buttons, so a button of an older run is recognised as stale. */
  instance: string;
  snapshot: unknown;
  /** It waits for a password (for this purpose): the next text is taken as one and its message deleted. */
  awaitsSecret?: SecretPurpose;
  /** SHA-256 of the nonce in the link of the current secret prompt; a form without it is stale. */
  secretNonce?: string;
}

interface SessionData {
  flow?: RunningFlow;
}

/** Renewed while an update runs; after a crash the conversation waits at most this long. */
const LOCK_TTL_MS = 6_000;

/** `/invite` in a reply, not a path in a link. */
const COMMAND_MENTION = /(^|[\s(])\/([a-z]+\b)/g;
const LOCK_WAIT_MS = 60_000;

const NOTHING_PENDING =
  "I'm not waiting for an answer from you. If you were in the middle of a step, it has expired: please start it again. Send /help to see what I can do.";

/**
 * The platform-neutral heart: one update in, replies out. Updates of one conversation are handled
 * one at a time (a lock in the session store), also across processes.
 */
export class Engine {
  private readonly local = new Map<string, Promise<unknown>>();

  constructor(readonly deps: EngineDeps) {}

  async handle(update: Inbound): Promise<Outbound[]> {
    const inbound = withoutNul(update);
    const key = conversationKey(inbound);
    const started = performance.now();
    const { metrics } = this.deps;
    return this.serialized(key, async () => {
      try {
        const { replies } = await this.process(key, inbound, (turn) => turn.run());
        const seconds = (performance.now() - started) / 1000;
        metrics?.updateHandled(inbound.platform, 'ok', seconds);
        // What kind of update it was, never what it said: texts may hold passwords.
        this.deps.log.debug(
          {
            platform: inbound.platform,
            command: inbound.command?.name,
            kind: kindOf(inbound),
            ms: seconds * 1000,
          },
          'update handled',
        );
        return replies;
      } catch (error) {
        this.deps.log.error(
          { err: error, platform: inbound.platform, chat: inbound.chat.id },
          'update failed',
        );
        metrics?.failed('update');
        metrics?.updateHandled(inbound.platform, 'failed', (performance.now() - started) / 1000);
        return [text(APOLOGY)];
      }
    });
  }

  /**
   * A secret from a private web form (Telegram's Mini App), fed to the conversation's flow as if
   * typed, but only while the prompt whose link carried `nonce` is current; the nonce is then used up.
   * `origin` names the sender and chat as an update would (its content fields are ignored).
   */
  async submitSecret(origin: Inbound, nonce: string, form: SecretForm): Promise<SecretOutcome> {
    const key = conversationKey(origin);
    return this.serialized(key, async () => {
      const { result, replies } = await this.process(key, origin, (turn) => turn.submit(nonce, form));
      return result.kind === 'taken' ? { ...result, replies } : result;
    });
  }

  /** The purpose the conversation's flow waits for, if `nonce` is its current prompt's; changes nothing. */
  async pendingSecret(origin: Inbound, nonce: string): Promise<SecretPurpose | undefined> {
    const flow = parseSession((await this.deps.sessions.load(conversationKey(origin)))?.data).flow;
    return flow?.awaitsSecret && flow.secretNonce && nonceMatches(flow.secretNonce, nonce)
      ? flow.awaitsSecret
      : undefined;
  }

  /** Runs `work` after the conversation's earlier updates in this process, under its lock. */
  private async serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.local.get(key) ?? Promise.resolve();
    const locked = async () => {
      const release = await this.acquire(key);
      try {
        return await work();
      } finally {
        await release();
      }
    };
    const run = previous.then(locked, locked);
    this.local.set(key, run);
    try {
      return await run;
    } finally {
      if (this.local.get(key) === run) this.local.delete(key);
    }
  }

  private async acquire(key: string): Promise<() => Promise<void>> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
      const release = await this.deps.sessions.tryLock(key, LOCK_TTL_MS);
      if (release) return release;
      if (Date.now() > deadline) throw new Error('conversation lock not acquired in time');
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async process<T>(
    key: string,
    inbound: Inbound,
    work: (turn: Turn) => Promise<T>,
  ): Promise<{ result: T; replies: Outbound[] }> {
    const { store, sessions } = this.deps;
    const [user, stored] = await Promise.all([
      resolveIdentity(store, { platform: inbound.platform, externalId: inbound.sender.externalId }),
      sessions.load(key),
    ]);
    const session = parseSession(stored?.data);
    const turn = new Turn(this.deps, inbound, user, session);
    const result = await work(turn);
    const replies = turn.replies;
    const data = JSON.stringify(turn.session);
    if (data !== (stored?.data ?? '{}')) {
      const saved = turn.session.flow
        ? await sessions.save(key, data, stored?.version ?? 0, this.deps.settings.sessionTtlSeconds)
        : (await sessions.delete(key), true);
      if (!saved)
        this.deps.log.warn(
          { platform: inbound.platform },
          'session changed under the lock; kept the newer one',
        );
    }
    if (user) void touchLastSeen(store, user.id).catch(() => undefined);
    const prefix = capabilitiesOf(this.deps, inbound.platform).commandPrefix;
    return {
      result,
      replies: withGroupNotice(inbound, replies).map((reply) => withCommandPrefix(reply, prefix)),
    };
  }
}

function kindOf(inbound: Inbound): 'command' | 'button' | 'form' | 'text' {
  if (inbound.command) return 'command';
  if (inbound.action !== undefined) return 'button';
  return inbound.secret !== undefined ? 'form' : 'text';
}

function parseSession(data: string | undefined): SessionData {
  if (!data) return {};
  try {
    const parsed = JSON.parse(data) as SessionData;
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}

/** In a group, something meant for one person goes to them privately, and the group is told. */
function withGroupNotice(inbound: Inbound, replies: Outbound[]): Outbound[] {
  if (inbound.chat.isPrivate || !replies.some((r) => 'privately' in r && r.privately)) return replies;
  return [...replies, text("I've sent you the details in a private message.")];
}

/** One update's work: routing, flow steps and the replies they produce. */
class Turn {
  readonly replies: Outbound[] = [];
  /** The nonce hash of the secret prompt rendered in the current step, if any. */
  private issuedNonce: string | undefined;

  constructor(
    private readonly deps: EngineDeps,
    private readonly inbound: Inbound,
    private user: UserRow | undefined,
    readonly session: SessionData,
  ) {}

  /** An update's work; its replies are left in `replies`. */
  async run(): Promise<void> {
    const { inbound } = this;
    if (this.user?.status === 'deactivated' && !this.isDeactivatedDoor()) {
      delete this.session.flow;
      this.say(DEACTIVATED_NOTICE);
      return;
    }
    if (inbound.command) await this.runCommand(inbound.command.name, inbound.command.args);
    else if (inbound.action !== undefined) await this.runAction(inbound.action);
    else if (inbound.secret !== undefined) await this.runSecret(inbound.secret.value);
    else if (inbound.text !== undefined) await this.runText(inbound.text);
  }

  private isDeactivatedDoor(): boolean {
    const name = this.inbound.command?.name ?? this.inbound.action?.match(/^\/(\w+)/)?.[1];
    const spec = name ? findCommand(name) : undefined;
    if (spec && spec.audience !== 'anyone' && spec.allowDeactivated) return true;
    const flow = this.session.flow;
    return !name && flow !== undefined && FLOWS[flow.id].allowDeactivated === true;
  }

  private async runCommand(name: string, args: string): Promise<void> {
    if (name === 'cancel') {
      this.say(this.session.flow ? 'Cancelled. Nothing was changed.' : 'There is nothing to cancel.');
      delete this.session.flow;
      return;
    }
    if (name === 'skip') {
      if (this.session.flow) await this.stepRunning({ type: 'choose', value: 'skip' });
      else this.say('There is nothing to skip.');
      return;
    }
    const spec = findCommand(name);
    if (!spec) {
      this.say(`I don't know /${name}. Send /help to see what I can do.`);
      return;
    }
    if (spec.privateOnly && !this.inbound.chat.isPrivate) {
      this.say(`Please use /${spec.name} in a private chat with me.`);
      return;
    }
    const ctx: CommandContext = {
      deps: this.deps,
      inbound: this.inbound,
      user: this.user,
      args: args.trim(),
    };
    let outcome: CommandOutcome;
    const usage = `/${spec.usage}`;
    if (spec.audience === 'anyone') {
      outcome = await this.guarded(() => spec.run(ctx), usage);
    } else {
      const user = this.user;
      if (!user) {
        this.say(`You're not signed in here. Open your invite link, or use /login if you have an account.`);
        return;
      }
      if (spec.audience === 'admin' && user.role !== 'admin') {
        this.say(`Only admins can use /${spec.name}.`);
        return;
      }
      outcome = await this.guarded(() => spec.run({ ...ctx, user }), usage);
    }
    if ('replies' in outcome) this.replies.push(...outcome.replies);
    else {
      if (this.session.flow) this.say('(I left the step you were in.)');
      await this.startFlow(outcome.startFlow, outcome.input, outcome.event);
    }
  }

  private async guarded(run: () => Promise<CommandOutcome>, usage: string): Promise<CommandOutcome> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof UsageError) {
        return { replies: [text(`${error.problem ? `${error.problem}. ` : ''}Usage: ${usage}`)] };
      }
      const words = describeDomainError(error);
      if (words === undefined) throw error;
      return { replies: [text(words)] };
    }
  }

  private async runAction(action: string): Promise<void> {
    const command = action.match(/^\/(\w+)\s*(.*)$/s);
    if (command) return this.runCommand(command[1]!, command[2]!);
    const flow = this.session.flow;
    const dot = action.indexOf('.');
    if (!flow || dot < 0 || action.slice(0, dot) !== flow.instance) {
      this.say(STALE_BUTTON);
      return;
    }
    await this.stepRunning({ type: 'choose', value: action.slice(dot + 1) });
  }

  /** A private form's submission: see `Engine.submitSecret`. */
  async submit(nonce: string, form: SecretForm): Promise<SubmitResult> {
    const flow = this.session.flow;
    if (!flow?.awaitsSecret || !flow.secretNonce || !nonceMatches(flow.secretNonce, nonce))
      return { kind: 'stale' };
    if (this.user?.status === 'deactivated' && !this.isDeactivatedDoor()) {
      delete this.session.flow;
      return { kind: 'stale' };
    }
    const prepared = form(flow.awaitsSecret);
    if ('refusal' in prepared) return { kind: 'refused', refusal: prepared.refusal };
    const fed = new Set<SecretPurpose>();
    for (;;) {
      const current = this.session.flow;
      const purpose = current?.awaitsSecret;
      const value = purpose === undefined ? undefined : prepared.values[purpose];
      if (!current || purpose === undefined || value === undefined || fed.has(purpose)) break;
      fed.add(purpose);
      // Used up now; a prompt this same submission answers next is never shown.
      delete current.secretNonce;
      this.replies.splice(0, this.replies.length, ...this.replies.filter((r) => r.type !== 'secretPrompt'));
      await this.stepRunning({ type: 'secret', value });
    }
    const waiting = this.session.flow?.awaitsSecret;
    const prompt = this.replies.filter((r) => r.type === 'secretPrompt').pop();
    return waiting && prompt?.type === 'secretPrompt'
      ? { kind: 'taken', next: { purpose: waiting, nonce: prompt.nonce } }
      : { kind: 'taken' };
  }

  private async runSecret(value: string): Promise<void> {
    const flow = this.session.flow;
    if (!flow) {
      this.say('That form has expired. Please start that step again.');
      return;
    }
    await this.stepRunning({ type: 'secret', value });
  }

  private async runText(body: string): Promise<void> {
    const flow = this.session.flow;
    if (flow) {
      if (flow.awaitsSecret) return this.takeSecretFromText(body);
      await this.stepRunning({ type: 'text', text: body });
      return;
    }
    const payload = parsePayload(body);
    if (payload) return this.runCommand('start', body.trim());
    // No flow waits: none was started, or it expired or its session was lost (a Redis flush).
    if (this.inbound.chat.isPrivate) this.say(NOTHING_PENDING);
  }

  /**
   * A password typed as a message: where the platform has private forms it is refused (and deleted
   * if possible), since it has been in the chat; otherwise it is taken and its message deleted at once.
   */
  private async takeSecretFromText(body: string): Promise<void> {
    const caps = capabilitiesOf(this.deps, this.inbound.platform);
    const flow = this.session.flow!;
    if (caps.hasSecretForms) {
      if (caps.canDeleteMessages && this.inbound.messageId) {
        this.replies.push({
          type: 'deleteMessage',
          messageId: this.inbound.messageId,
          failedNotice: 'I could not delete your message with the password. Please delete it yourself now.',
        });
      }
      const { nonce, hash } = newFormNonce();
      flow.secretNonce = hash;
      this.replies.push({
        type: 'secretPrompt',
        text: 'Please never send a password as a message. Use this button to enter it privately.',
        purpose: flow.awaitsSecret ?? 'current-password',
        action: `${flow.instance}.secret`,
        nonce,
      });
      return;
    }
    if (this.inbound.messageId) {
      this.replies.push({
        type: 'deleteMessage',
        messageId: this.inbound.messageId,
        failedNotice: 'I could not delete your message with the password. Please delete it yourself now.',
      });
    }
    await this.stepRunning({ type: 'secret', value: body });
  }

  private async startFlow(id: FlowId, input: unknown, event?: FlowEvent): Promise<void> {
    delete this.session.flow;
    const instance = randomBytes(4).toString('base64url');
    await this.applyStep(id, instance, () => stepFlow(FLOWS[id].machine(this.deps), { input }, event));
  }

  private async stepRunning(event: FlowEvent): Promise<void> {
    const flow = this.session.flow!;
    const definition = FLOWS[flow.id];
    if (flow.version !== definition.version) {
      delete this.session.flow;
      this.say(STALE_FLOW);
      return;
    }
    try {
      await this.applyStep(flow.id, flow.instance, () =>
        stepFlow(definition.machine(this.deps), { snapshot: flow.snapshot }, event),
      );
    } catch (error) {
      if (!(error instanceof StaleSnapshotError)) throw error;
      delete this.session.flow;
      this.say(STALE_FLOW);
    }
  }

  private async applyStep(id: FlowId, instance: string, step: () => Promise<FlowStep>): Promise<void> {
    this.issuedNonce = undefined;
    let result: FlowStep;
    try {
      result = await step();
    } catch (error) {
      delete this.session.flow;
      throw error;
    }
    this.deps.metrics?.flowTransition(id);
    for (const emitted of result.emitted) this.render(emitted, instance);
    if (result.persisted !== undefined) {
      const asked = result.emitted.filter((e) => e.type === 'askSecret').pop();
      const purpose = asked?.type === 'askSecret' ? asked.purpose : this.session.flow?.awaitsSecret;
      const secretNonce = this.issuedNonce ?? this.session.flow?.secretNonce;
      this.session.flow = {
        id,
        version: FLOWS[id].version,
        instance,
        snapshot: result.persisted,
        ...(result.awaitsSecret ? { awaitsSecret: purpose ?? 'current-password' } : {}),
        ...(result.awaitsSecret && secretNonce ? { secretNonce } : {}),
      };
      return;
    }
    delete this.session.flow;
    const userId = (result.output as { userId?: unknown } | null | undefined)?.userId;
    const next = FLOWS[id].next;
    if (next && typeof userId === 'string') {
      this.user = await this.deps.store.users.getUserById(userId);
      const following = this.user ? next(this.user, this.deps) : undefined;
      if (following) await this.startFlow(following.flow, following.input);
    }
  }

  private render(emitted: FlowEmitted, instance: string): void {
    switch (emitted.type) {
      case 'reply':
        this.replies.push(
          text(emitted.text, {
            ...(emitted.choices ? { buttons: toButtons(emitted.choices, instance) } : {}),
            ...(emitted.private ? { privately: true } : {}),
          }),
        );
        return;
      case 'askSecret': {
        const { nonce, hash } = newFormNonce();
        this.issuedNonce = hash;
        this.replies.push({
          type: 'secretPrompt',
          text: emitted.prompt,
          purpose: emitted.purpose,
          action: `${instance}.secret`,
          nonce,
        });
        return;
      }
      case 'failed': {
        const words = describeDomainError(emitted.error);
        if (words === undefined) {
          this.deps.log.error({ err: emitted.error }, 'flow effect failed');
          this.say(APOLOGY);
        } else this.say(words);
        return;
      }
      case 'file':
        this.replies.push({ ...emitted, privately: true });
        return;
    }
  }

  private say(body: string): void {
    this.replies.push(text(body));
  }
}

function toButtons(choices: { label: string; value: string }[][], instance: string): Button[][] {
  return choices.map((row) => row.map((c) => ({ label: c.label, action: `${instance}.${c.value}` })));
}

/** Replies write commands as `/name`; where commands read `/gatehouse name`, they say so. */
function withCommandPrefix(reply: Outbound, prefix: string): Outbound {
  if (prefix === '/' || (reply.type !== 'text' && reply.type !== 'secretPrompt')) return reply;
  return { ...reply, text: reply.text.replace(COMMAND_MENTION, `$1${prefix}$2`) };
}
