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

/** A flow at rest in a conversation. */
interface RunningFlow {
  id: FlowId;
  version: number;
  /** Tags this run's buttons, so a button of an older run is recognised as stale. */
  instance: string;
  snapshot: unknown;
  /** It waits for a password (for this purpose): the next text is taken as one and its message deleted. */
  awaitsSecret?: SecretPurpose;
}

interface SessionData {
  flow?: RunningFlow;
}

/** Renewed while an update runs; after a crash the conversation waits at most this long. */
const LOCK_TTL_MS = 6_000;

/** `/invite` in a reply, not a path in a link. */
const COMMAND_MENTION = /(^|[\s(])\/([a-z]+\b)/g;
const LOCK_WAIT_MS = 60_000;

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
    const previous = this.local.get(key) ?? Promise.resolve();
    const run = previous.then(
      () => this.handleLocked(key, inbound),
      () => this.handleLocked(key, inbound),
    );
    this.local.set(key, run);
    try {
      return await run;
    } finally {
      if (this.local.get(key) === run) this.local.delete(key);
    }
  }

  private async handleLocked(key: string, inbound: Inbound): Promise<Outbound[]> {
    const release = await this.acquire(key);
    try {
      return await this.process(key, inbound);
    } catch (error) {
      this.deps.log.error({ err: error, platform: inbound.platform, chat: inbound.chat.id }, 'update failed');
      return [text(APOLOGY)];
    } finally {
      await release();
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

  private async process(key: string, inbound: Inbound): Promise<Outbound[]> {
    const { store, sessions } = this.deps;
    const [user, stored] = await Promise.all([
      resolveIdentity(store, { platform: inbound.platform, externalId: inbound.sender.externalId }),
      sessions.load(key),
    ]);
    const session = parseSession(stored?.data);
    const turn = new Turn(this.deps, inbound, user, session);
    const replies = await turn.run();
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
    return withGroupNotice(inbound, replies).map((reply) => withCommandPrefix(reply, prefix));
  }
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
  private readonly replies: Outbound[] = [];

  constructor(
    private readonly deps: EngineDeps,
    private readonly inbound: Inbound,
    private user: UserRow | undefined,
    readonly session: SessionData,
  ) {}

  async run(): Promise<Outbound[]> {
    const { inbound } = this;
    if (this.user?.status === 'deactivated' && !this.isDeactivatedDoor()) {
      delete this.session.flow;
      return [text(DEACTIVATED_NOTICE)];
    }
    if (inbound.command) await this.runCommand(inbound.command.name, inbound.command.args);
    else if (inbound.action !== undefined) await this.runAction(inbound.action);
    else if (inbound.secret !== undefined) await this.runSecret(inbound.secret.value);
    else if (inbound.text !== undefined) await this.runText(inbound.text);
    return this.replies;
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
    if (this.inbound.chat.isPrivate) this.say('Send /help to see what I can do.');
  }

  /** A password typed as a message: take it, and have the message deleted at once. */
  private async takeSecretFromText(body: string): Promise<void> {
    const caps = capabilitiesOf(this.deps, this.inbound.platform);
    const flow = this.session.flow!;
    if (!caps.canDeleteMessages && caps.hasSecretForms) {
      this.replies.push({
        type: 'secretPrompt',
        text: 'Please never send a password as a message. Use this button to enter it privately.',
        purpose: flow.awaitsSecret ?? 'current-password',
        action: `${flow.instance}.secret`,
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
    let result: FlowStep;
    try {
      result = await step();
    } catch (error) {
      delete this.session.flow;
      throw error;
    }
    for (const emitted of result.emitted) this.render(emitted, instance);
    if (result.persisted !== undefined) {
      const asked = result.emitted.filter((e) => e.type === 'askSecret').pop();
      const purpose = asked?.type === 'askSecret' ? asked.purpose : this.session.flow?.awaitsSecret;
      this.session.flow = {
        id,
        version: FLOWS[id].version,
        instance,
        snapshot: result.persisted,
        ...(result.awaitsSecret ? { awaitsSecret: purpose ?? 'current-password' } : {}),
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
      case 'askSecret':
        this.replies.push({
          type: 'secretPrompt',
          text: emitted.prompt,
          purpose: emitted.purpose,
          action: `${instance}.secret`,
        });
        return;
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
