import { randomBytes } from 'node:crypto';
import type { Choice, FlowEmitted, FlowEvent } from '../../flows/types.js';
import { FLOWS, flowIdOf, type FlowId } from './flows.js';
import { StaleSnapshotError, stepFlow, type FlowStep } from './flow-runner.js';
import { text, type Button } from './outbound.js';
import { APOLOGY, STALE_FLOW, STEP_ENDED } from './replies.js';
import { refusalWords } from './failures.js';
import { showSecretPrompt, standingWait, waitAfterStep, type SecretWait } from './secret-prompts.js';
import { localeOf, say, type RunningFlow, type TurnScope } from './turn-scope.js';

/** Starts flow `id` in the conversation, replacing any running one, and feeds it `event` if given. */
export async function startFlow(
  scope: TurnScope,
  id: FlowId,
  input: unknown,
  event?: FlowEvent,
): Promise<void> {
  delete scope.session.flow;
  const run = { id, instance: randomBytes(4).toString('base64url'), owner: scope.user?.id ?? null };
  await applyStep(
    scope,
    run,
    undefined,
    () => stepFlow(FLOWS[id].provided(localeOf(scope)), { input }, event, scope.deps),
    event,
  );
}

/** Feeds `event` to the running flow: its owner's only, and only if its version is still current. */
export async function stepRunning(scope: TurnScope, event: FlowEvent): Promise<void> {
  if (endIfNotOwner(scope)) return;
  const flow = scope.session.flow!;
  const definition = FLOWS[flow.id];
  if (flow.version !== definition.version) {
    delete scope.session.flow;
    say(scope, STALE_FLOW);
    return;
  }
  try {
    await applyStep(
      scope,
      flow,
      standingWait(flow),
      () => stepFlow(definition.provided(localeOf(scope)), { snapshot: flow.snapshot }, event, scope.deps),
      event,
    );
  } catch (error) {
    if (!(error instanceof StaleSnapshotError)) throw error;
    delete scope.session.flow;
    say(scope, STALE_FLOW);
  }
}

/** Ends the running flow ("That step has ended") when this chat no longer maps to its owner. */
export function endIfNotOwner(scope: TurnScope): boolean {
  if (scope.session.flow?.owner === (scope.user?.id ?? null)) return false;
  endStep(scope);
  return true;
}

function endStep(scope: TurnScope): void {
  delete scope.session.flow;
  say(scope, STEP_ENDED);
}

/** Runs one step, renders what it emitted, and parks the flow, or starts the one that follows it. */
async function applyStep(
  scope: TurnScope,
  run: Pick<RunningFlow, 'id' | 'instance' | 'owner'>,
  standing: SecretWait | undefined,
  step: () => Promise<FlowStep>,
  event: FlowEvent | undefined,
): Promise<void> {
  let result: FlowStep;
  try {
    result = await step();
  } catch (error) {
    delete scope.session.flow;
    if (scope.unlinkedMidway) return endStep(scope);
    throw error;
  }
  // Unlinked while the step ran: none of its words leave, whatever its flow made of the refusal.
  if (scope.unlinkedMidway) return endStep(scope);
  scope.deps.metrics?.flowTransition(run.id);
  let shown: SecretWait | undefined;
  for (const emitted of result.emitted) shown = render(scope, emitted, run.instance) ?? shown;
  if (result.persisted !== undefined) {
    const wait = waitAfterStep(standing, shown, event);
    scope.session.flow = {
      id: run.id,
      version: FLOWS[run.id].version,
      owner: run.owner,
      instance: run.instance,
      snapshot: result.persisted,
      ...(wait ? { awaitsSecret: wait.purpose, secretPrompt: wait.prompt } : {}),
      ...(wait?.nonceHash ? { secretNonce: wait.nonceHash } : {}),
    };
    return;
  }
  delete scope.session.flow;
  await startNext(scope, run.id, result.output);
}

/** The flow declared to follow `id`, for the account its output names. */
async function startNext(scope: TurnScope, id: FlowId, output: unknown): Promise<void> {
  const next = FLOWS[id].next;
  const userId = (output as { userId?: unknown } | null | undefined)?.userId;
  if (!next || typeof userId !== 'string') return;
  scope.user = await scope.deps.store.users.getUserById(userId);
  const following = scope.user ? next(scope.user, scope.deps) : undefined;
  if (following) await startFlow(scope, flowIdOf(following.flow), following.input);
}

/** Puts one emitted thing into the replies; a secret prompt returns what the flow now waits for. */
function render(scope: TurnScope, emitted: FlowEmitted, instance: string): SecretWait | undefined {
  switch (emitted.type) {
    case 'reply':
      scope.replies.push(
        text(emitted.text, {
          ...(emitted.choices ? { buttons: toButtons(emitted.choices, instance) } : {}),
          ...(emitted.private ? { privately: true } : {}),
        }),
      );
      return undefined;
    case 'askSecret':
      return showSecretPrompt(scope, { text: emitted.prompt, purpose: emitted.purpose }, instance);
    case 'failed': {
      // The flow carried on past its effect's error: a refusal is worded, a fault logged and apologised for.
      const words = refusalWords(emitted.error);
      if (words === undefined) scope.deps.log.error({ err: emitted.error }, 'flow effect failed');
      scope.replies.push(text(words ?? APOLOGY, { refusal: true }));
      return undefined;
    }
    case 'file':
      scope.replies.push({ ...emitted, privately: true });
      return undefined;
  }
}

function toButtons(choices: Choice[][], instance: string): Button[][] {
  return choices.map((row) =>
    row.map((c) => ({ label: c.label, action: c.command ?? `${instance}.${c.value}` })),
  );
}
