import { requireLinkedChat } from '../domain/accounts.js';
import { ChatUnlinkedError } from '../domain/errors.js';
import { parsePayload } from '../domain/tokens.js';
import { guardedStore, type Store } from '../store/store.js';
import type { UserRow } from '../store/users.js';
import { freeTextReply } from './commands/help.js';
import { nearestCommand } from './commands/index.js';
import type { CommandContext, CommandOutcome, CommandSpec } from './commands/types.js';
import type { EngineDeps } from './deps.js';
import { refusalWords } from './failures.js';
import { FLOWS } from './flows.js';
import { startFlow, stepRunning } from './flow-session.js';
import { intoTappedCard, staleCard } from './cards.js';
import type { Inbound } from './inbound.js';
import { msg, type Message } from '../i18n/message.js';
import { text, type Outbound } from './outbound.js';
import { STALE_BUTTON } from './replies.js';
import { flowGuards, refusalOf, routeFor, type Guard, type Speaker } from './router.js';
import {
  dropExpiredSecret,
  endExpiredSecretWait,
  promptedFor,
  submitSecret,
  takeSecretFromText,
} from './secret-input.js';
import { repeatSecretPrompt } from './secret-prompts.js';
import type { SecretForm, SubmitResult } from './secrets.js';
import { say, type SessionData, type TurnScope } from './turn-scope.js';

export type { RunningFlow, SessionData } from './turn-scope.js';

/** A command word nobody knows: the nearest one the speaker may use, else where to look. */
function unknownCommandWords(name: string, user: UserRow | undefined): Message {
  const nearest = nearestCommand(name, user?.status === 'active' ? user.role : undefined);
  return nearest
    ? msg('engine-unknown-command-nearest', { command: name, nearest })
    : msg('engine-unknown-command', { command: name });
}

/** One update's work: the router picks what runs, the flow session steps flows, replies are collected. */
export class Turn {
  private readonly scope: TurnScope;

  constructor(deps: EngineDeps, inbound: Inbound, user: UserRow | undefined, session: SessionData) {
    const expiredSecretWait = endExpiredSecretWait(session);
    this.scope = {
      deps: { ...deps, store: guardedStore(deps.store, (tx) => this.confirmLinked(tx)) },
      inbound,
      user,
      session,
      replies: [],
      unlinkedMidway: false,
      expiredSecretWait,
    };
  }

  get replies(): Outbound[] {
    return this.scope.replies;
  }

  /** The speaker's account as the update left it (a claim creates one, /language changes it). */
  get user(): UserRow | undefined {
    return this.scope.user;
  }

  get session(): SessionData {
    return this.scope.session;
  }

  /**
   * Opens every transaction of this update (its store is guarded with it, and so are its flows'
   * effects): the chat must still be linked to the account the update acts for, and stays linked
   * until the transaction ends.
   */
  private async confirmLinked(tx: Store): Promise<void> {
    const { user, inbound } = this.scope;
    if (!user) return;
    const identity = { platform: inbound.platform, externalId: inbound.sender.externalId };
    try {
      await requireLinkedChat(tx, { identity, userId: user.id });
    } catch (error) {
      if (error instanceof ChatUnlinkedError) this.scope.unlinkedMidway = true;
      throw error;
    }
  }

  /**
   * An update's work; its replies are left in `replies`. A secret the flow still waits for is asked
   * again, unless the update came from a group (its replies go there, a secret prompt never should).
   */
  async run(options: { fromAnotherChat?: boolean } = {}): Promise<void> {
    await this.dispatch();
    if (!options.fromAnotherChat) repeatSecretPrompt(this.scope);
  }

  private async dispatch(): Promise<void> {
    const { inbound } = this.scope;
    if (inbound.command) return this.runCommand(inbound.command.name, inbound.command.args);
    const command = inbound.action?.match(/^\/(\w+)\s*(.*)$/s);
    if (command) return this.runCommand(command[1]!, command[2]!);
    if (this.refused(this.intoFlowGuards())) return;
    if (inbound.action !== undefined) await this.runChoice(inbound.action);
    else if (inbound.secret !== undefined) await this.runSecret(inbound.secret.value);
    else if (inbound.text !== undefined) await this.runText(inbound.text);
  }

  /** A private form's submission: see `Engine.submitSecret`. */
  async submit(nonce: string, form: SecretForm): Promise<SubmitResult> {
    const purpose = promptedFor(this.scope.session.flow, nonce);
    if (purpose === undefined) return { kind: 'stale' };
    // A deactivated person's form: the step ends without a word, as the form itself is answered.
    if (refusalOf(this.intoFlowGuards(), this.speaker(), '')) {
      delete this.scope.session.flow;
      return { kind: 'stale' };
    }
    return submitSecret(this.scope, purpose, form);
  }

  private async runCommand(name: string, args: string): Promise<void> {
    const route = routeFor(name);
    if (this.refused(route.guards, route.kind === 'command' ? route.spec.name : name)) return;
    const { session } = this.scope;
    switch (route.kind) {
      case 'cancel':
        say(this.scope, session.flow ? msg('engine-cancelled') : msg('engine-nothing-to-cancel'));
        delete session.flow;
        return;
      case 'skip':
        if (session.flow) await stepRunning(this.scope, { type: 'choose', value: 'skip' });
        else say(this.scope, msg('engine-nothing-to-skip'));
        return;
      case 'unknown':
        say(this.scope, unknownCommandWords(name, this.scope.user));
        return;
      case 'command': {
        const outcome = await this.answered(route.spec, args.trim());
        if ('replies' in outcome) {
          this.scope.replies.push(...outcome.replies);
          if (outcome.user) this.scope.user = outcome.user;
        } else {
          if (session.flow) say(this.scope, msg('engine-left-step'));
          await startFlow(this.scope, outcome.startFlow, outcome.input, outcome.event);
        }
      }
    }
  }

  /** Runs a command; a refusal it raises (its arguments, a domain rule) is its answer. */
  private async answered(spec: CommandSpec, args: string): Promise<CommandOutcome> {
    const { deps, inbound, user } = this.scope;
    const ctx: CommandContext = { deps, inbound, user, args };
    try {
      if (spec.audience === 'anyone') return await spec.run(ctx);
      if (!user) throw new Error(`/${spec.name} routed without a signed-in speaker`);
      return await spec.run({ ...ctx, user });
    } catch (error) {
      const words = refusalWords(error, spec.usage);
      if (words === undefined) throw error;
      return { replies: [text(words)] };
    }
  }

  /**
   * A button of the running flow: `<instance>.<value>`, stale when another run drew it. Its card is
   * edited in place (see `intoTappedCard`); a stale one in a private chat loses its buttons.
   */
  private async runChoice(action: string): Promise<void> {
    const flow = this.scope.session.flow;
    const dot = action.indexOf('.');
    if (!flow || dot < 0 || action.slice(0, dot) !== flow.instance) {
      // In a group the card may be someone else's, whose buttons are not this person's to take away.
      if (this.scope.inbound.chat.isPrivate) this.scope.replies.push(staleCard(STALE_BUTTON));
      else say(this.scope, STALE_BUTTON);
      return;
    }
    const from = this.scope.replies.length;
    await stepRunning(this.scope, { type: 'choose', value: action.slice(dot + 1) });
    intoTappedCard(this.scope.replies, from, {
      by: this.scope.user?.name,
      flowEnded: this.scope.session.flow?.instance !== flow.instance,
    });
  }

  private async runSecret(value: string): Promise<void> {
    if (!this.scope.session.flow) {
      say(this.scope, msg('engine-form-expired'));
      return;
    }
    await stepRunning(this.scope, { type: 'secret', value });
  }

  private async runText(body: string): Promise<void> {
    const { session, inbound } = this.scope;
    const flow = session.flow;
    if (flow) {
      if (flow.awaitsSecret) return takeSecretFromText(this.scope, flow, flow.awaitsSecret, body);
      return stepRunning(this.scope, { type: 'text', text: body });
    }
    if (this.scope.expiredSecretWait) return dropExpiredSecret(this.scope);
    if (parsePayload(body)) return this.runCommand('start', body.trim());
    // No flow waits: none was started, or its session ran out or was lost (a Redis flush). A step
    // dropped as stale says so where it is dropped; here nothing is known to have expired.
    if (inbound.chat.isPrivate) this.scope.replies.push(freeTextReply(this.scope.user));
  }

  /** The guards of an update into the running flow (or into none). */
  private intoFlowGuards(): readonly Guard[] {
    const flow = this.scope.session.flow;
    return flowGuards(flow !== undefined && FLOWS[flow.id].allowDeactivated === true);
  }

  private speaker(): Speaker {
    return { user: this.scope.user, inPrivateChat: this.scope.inbound.chat.isPrivate };
  }

  /** Says the first guard's refusal, ending the running flow if it says so; false when all pass. */
  private refused(guards: readonly Guard[], name = ''): boolean {
    const refusal = refusalOf(guards, this.speaker(), name);
    if (!refusal) return false;
    if (refusal.endsFlow) delete this.scope.session.flow;
    say(this.scope, refusal.words);
    return true;
  }
}
