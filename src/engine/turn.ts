import { randomBytes } from 'node:crypto';
import type { Choice, FlowEmitted, FlowEvent, SecretPurpose } from '../../flows/types.js';
import { requireLinkedChat } from '../domain/accounts.js';
import { ChatUnlinkedError } from '../domain/errors.js';
import { parsePayload } from '../domain/tokens.js';
import type { Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import { UsageError } from './args.js';
import { commandNameOf, findCommand } from './commands/index.js';
import type { CommandContext, CommandOutcome } from './commands/types.js';
import { capabilitiesOf, type EngineDeps } from './deps.js';
import { FLOWS, flowIdOf, type FlowId } from './flows.js';
import { StaleSnapshotError, stepFlow, type FlowStep } from './flow-runner.js';
import type { Inbound } from './inbound.js';
import { text, type Button, type Outbound } from './outbound.js';
import {
  APOLOGY,
  DEACTIVATED_NOTICE,
  STALE_BUTTON,
  STALE_FLOW,
  STEP_ENDED,
  describeDomainError,
} from './replies.js';
import { newFormNonce, nonceMatches, type SecretForm, type SubmitResult } from './secrets.js';

/** A flow at rest in a conversation. */
export interface RunningFlow {
  id: FlowId;
  version: number;
  /**
   * The account that started it, or null for a stranger's (a claim, login or reset link): only a
   * chat that maps to it may step the flow.
   */
  owner: string | null;
  /** Tags this run's buttons, so a button of an older run is recognised as stale. */
  instance: string;
  snapshot: unknown;
  /** It waits for a password (for this purpose): the next text is taken as one and its message deleted. */
  awaitsSecret?: SecretPurpose;
  /** SHA-256 of the nonce in the link of the current secret prompt; a form without it is stale. */
  secretNonce?: string;
}

export interface SessionData {
  flow?: RunningFlow;
}

const NOTHING_PENDING =
  "I'm not waiting for an answer from you. If you were in the middle of a step, it has expired: please start it again. Send /help to see what I can do.";

/** One update's work: routing, flow steps and the replies they produce. */
export class Turn {
  readonly replies: Outbound[] = [];
  /** The nonce hash of the secret prompt rendered in the current step, if any. */
  private issuedNonce: string | undefined;
  /** A transaction of this update found the chat unlinked from the account the update acts for. */
  private unlinkedMidway = false;

  constructor(
    private readonly deps: EngineDeps,
    private readonly inbound: Inbound,
    private user: UserRow | undefined,
    readonly session: SessionData,
  ) {}

  /**
   * Opens every transaction of this update (see `guardTransactions`): the chat must still be linked
   * to the account the update acts for, and stays linked until the transaction ends.
   */
  async confirmLinked(tx: Store): Promise<void> {
    if (!this.user) return;
    const identity = { platform: this.inbound.platform, externalId: this.inbound.sender.externalId };
    try {
      await requireLinkedChat(tx, { identity, userId: this.user.id });
    } catch (error) {
      if (error instanceof ChatUnlinkedError) this.unlinkedMidway = true;
      throw error;
    }
  }

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
    const name = commandNameOf(this.inbound);
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
    if (this.endIfNotOwner()) return { kind: 'stale' };
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
      if (this.endIfNotOwner()) return;
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
    const owner = this.user?.id ?? null;
    await this.applyStep(id, instance, owner, () =>
      stepFlow(FLOWS[id].provided(this.deps), { input }, event),
    );
  }

  /** Ends the running flow ("That step has ended") when this chat no longer maps to its owner. */
  private endIfNotOwner(): boolean {
    if (this.session.flow?.owner === (this.user?.id ?? null)) return false;
    this.endStep();
    return true;
  }

  private endStep(): void {
    delete this.session.flow;
    this.say(STEP_ENDED);
  }

  private async stepRunning(event: FlowEvent): Promise<void> {
    if (this.endIfNotOwner()) return;
    const flow = this.session.flow!;
    const definition = FLOWS[flow.id];
    if (flow.version !== definition.version) {
      delete this.session.flow;
      this.say(STALE_FLOW);
      return;
    }
    try {
      await this.applyStep(flow.id, flow.instance, flow.owner, () =>
        stepFlow(definition.provided(this.deps), { snapshot: flow.snapshot }, event),
      );
    } catch (error) {
      if (!(error instanceof StaleSnapshotError)) throw error;
      delete this.session.flow;
      this.say(STALE_FLOW);
    }
  }

  private async applyStep(
    id: FlowId,
    instance: string,
    owner: string | null,
    step: () => Promise<FlowStep>,
  ): Promise<void> {
    this.issuedNonce = undefined;
    let result: FlowStep;
    try {
      result = await step();
    } catch (error) {
      delete this.session.flow;
      if (this.unlinkedMidway) return this.endStep();
      throw error;
    }
    // Unlinked while the step ran: none of its words leave, whatever its flow made of the refusal.
    if (this.unlinkedMidway) return this.endStep();
    this.deps.metrics?.flowTransition(id);
    for (const emitted of result.emitted) this.render(emitted, instance);
    if (result.persisted !== undefined) {
      const asked = result.emitted.filter((e) => e.type === 'askSecret').pop();
      const purpose = asked?.type === 'askSecret' ? asked.purpose : this.session.flow?.awaitsSecret;
      const secretNonce = this.issuedNonce ?? this.session.flow?.secretNonce;
      this.session.flow = {
        id,
        version: FLOWS[id].version,
        owner,
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
      if (following) await this.startFlow(flowIdOf(following.flow), following.input);
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

function toButtons(choices: Choice[][], instance: string): Button[][] {
  return choices.map((row) =>
    row.map((c) => ({ label: c.label, action: c.command ?? `${instance}.${c.value}` })),
  );
}
