import type { AnyStateMachine } from 'xstate';
import { claimFlow, CLAIM_FLOW_VERSION } from '../../flows/claim.js';
import type { UserRow } from '../store/users.js';
import type { EngineDeps } from './deps.js';
import { onboardingFlow, ONBOARDING_FLOW_VERSION, type OnboardingInput } from '../../flows/onboarding.js';
import { onboardingEffects } from './effects/onboarding.js';
import { manageUserFlow, MANAGE_USER_FLOW_VERSION } from '../../flows/manage-user.js';
import { manageUserEffects } from './effects/manage-user.js';
import { agentChatFlow, AGENT_CHAT_FLOW_VERSION } from '../../flows/agent-chat.js';
import { agentChatEffects } from './effects/agent-chat.js';
import { claimEffects } from './effects/claim.js';
import { resetPasswordFlow, RESET_PASSWORD_FLOW_VERSION } from '../../flows/reset-password.js';
import { resetPasswordEffects } from './effects/reset-password.js';
import { inviteFlow, INVITE_FLOW_VERSION } from '../../flows/invite.js';
import { inviteEffects } from './effects/invite.js';
import { passwordFlow, PASSWORD_FLOW_VERSION } from '../../flows/password.js';
import { loginFlow, LOGIN_FLOW_VERSION } from '../../flows/login.js';
import { loginEffects, passwordEffects } from './effects/account.js';
import { deleteUserFlow, DELETE_USER_FLOW_VERSION } from '../../flows/delete-user.js';
import { deleteMeFlow, DELETE_ME_FLOW_VERSION } from '../../flows/delete-me.js';
import { deleteMeEffects, deleteUserEffects } from './effects/leaving.js';

/** What the engine starts after a flow finishes (claim → onboarding). */
export interface NextFlow {
  flow: FlowId;
  input: unknown;
}

export interface FlowDefinition {
  version: number;
  /** The machine with its effects provided from `deps`. */
  machine(deps: EngineDeps): AnyStateMachine;
  /** Runs for a deactivated person too (export, self-deletion). */
  allowDeactivated?: boolean;
  /**
   * The flow to start when this one finishes with `{ userId }` as its output; `user` is that
   * account, read again after the flow created or linked it.
   */
  next?(user: UserRow, deps: EngineDeps): NextFlow | undefined;
}

export type FlowId =
  | 'claim'
  | 'resetPassword'
  | 'invite'
  | 'password'
  | 'login'
  | 'onboarding'
  | 'manageUser'
  | 'agentChat'
  | 'deleteUser'
  | 'deleteMe';

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
    next: (user, deps) => ({ flow: 'onboarding', input: onboardingInput(user, deps) }),
  },
  resetPassword: {
    version: RESET_PASSWORD_FLOW_VERSION,
    machine: provided((deps) => resetPasswordFlow.provide(resetPasswordEffects(deps))),
  },
  invite: {
    version: INVITE_FLOW_VERSION,
    machine: provided((deps) => inviteFlow.provide(inviteEffects(deps))),
  },
  password: {
    version: PASSWORD_FLOW_VERSION,
    machine: provided((deps) => passwordFlow.provide(passwordEffects(deps))),
  },
  login: {
    version: LOGIN_FLOW_VERSION,
    machine: provided((deps) => loginFlow.provide(loginEffects(deps))),
  },
  onboarding: {
    version: ONBOARDING_FLOW_VERSION,
    machine: provided((deps) => onboardingFlow.provide(onboardingEffects(deps))),
  },
  manageUser: {
    version: MANAGE_USER_FLOW_VERSION,
    machine: provided((deps) => manageUserFlow.provide(manageUserEffects(deps))),
  },
  agentChat: {
    version: AGENT_CHAT_FLOW_VERSION,
    machine: provided((deps) => agentChatFlow.provide(agentChatEffects(deps))),
  },
  deleteUser: {
    version: DELETE_USER_FLOW_VERSION,
    machine: provided((deps) => deleteUserFlow.provide(deleteUserEffects(deps))),
  },
  deleteMe: {
    version: DELETE_ME_FLOW_VERSION,
    machine: provided((deps) => deleteMeFlow.provide(deleteMeEffects(deps))),
    allowDeactivated: true,
  },
};

/** The interview's input for a person: who they are and whether to ask about the organisation. */
export function onboardingInput(user: UserRow, deps: EngineDeps): OnboardingInput {
  return {
    userId: user.id,
    personaName: deps.settings.personaName,
    isAdmin: user.role === 'admin',
    maxTurns: deps.settings.onboardingMaxTurns,
  };
}
