import type { AnyStateMachine } from 'xstate';
import { claimFlow, CLAIM_FLOW_VERSION } from '../../flows/claim.js';
import type { EngineDeps } from './deps.js';
import { claimEffects } from './effects/claim.js';
import { resetPasswordFlow, RESET_PASSWORD_FLOW_VERSION } from '../../flows/reset-password.js';
import { resetPasswordEffects } from './effects/reset-password.js';

/** What the engine starts after a flow finishes (claim → onboarding). */
export interface NextFlow {
  flow: FlowId;
  input: unknown;
  /** The account the next flow is for, when the finished flow just created or linked it. */
  userId?: string;
}

export interface FlowDefinition {
  version: number;
  /** The machine with its effects provided from `deps`. */
  machine(deps: EngineDeps): AnyStateMachine;
  /** Runs for a deactivated person too (export, self-deletion). */
  allowDeactivated?: boolean;
  next?(output: unknown): NextFlow | undefined;
}

export type FlowId = 'claim' | 'resetPassword';

function provided(build: (deps: EngineDeps) => AnyStateMachine): (deps: EngineDeps) => AnyStateMachine {
  const cache = new WeakMap<EngineDeps, AnyStateMachine>();
  return (deps) => {
    let machine = cache.get(deps);
    if (!machine) cache.set(deps, (machine = build(deps)));
    return machine;
  };
}

/** Every flow a conversation can be in, by the id its session stores. */
export const FLOWS: Record<FlowId, FlowDefinition> = {
  claim: {
    version: CLAIM_FLOW_VERSION,
    machine: provided((deps) => claimFlow.provide(claimEffects(deps))),
  },
  resetPassword: {
    version: RESET_PASSWORD_FLOW_VERSION,
    machine: provided((deps) => resetPasswordFlow.provide(resetPasswordEffects(deps))),
  },
};
