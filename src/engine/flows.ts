import type { InputFrom } from 'xstate';
import { agentChatFlow } from '../../flows/agent-chat.js';
import { claimFlow } from '../../flows/claim.js';
import { deleteGroupFlow } from '../../flows/delete-group.js';
import { deleteMeFlow } from '../../flows/delete-me.js';
import { deleteUserFlow } from '../../flows/delete-user.js';
import { inviteFlow } from '../../flows/invite.js';
import { loginFlow } from '../../flows/login.js';
import { manageUserFlow } from '../../flows/manage-user.js';
import { onboardingFlow, type OnboardingInput } from '../../flows/onboarding.js';
import { passwordFlow } from '../../flows/password.js';
import { resetPasswordFlow } from '../../flows/reset-password.js';
import type { UserRow } from '../store/users.js';
import type { EngineDeps } from './deps.js';
import { loginEffects, passwordEffects } from './effects/account.js';
import { agentChatEffects } from './effects/agent-chat.js';
import { claimEffects } from './effects/claim.js';
import { deleteGroupEffects } from './effects/delete-group.js';
import { inviteEffects } from './effects/invite.js';
import { deleteMeEffects, deleteUserEffects } from './effects/leaving.js';
import { manageUserEffects } from './effects/manage-user.js';
import { onboardingEffects } from './effects/onboarding.js';
import { resetPasswordEffects } from './effects/reset-password.js';
import { defineFlow, type FlowDefinition } from './flow-definition.js';

const onboarding = defineFlow({ machine: onboardingFlow, effects: onboardingEffects, version: 2 });

/** Every flow a conversation can be in, by the id its session stores. */
export const FLOWS = {
  claim: defineFlow({
    machine: claimFlow,
    effects: claimEffects,
    version: 2,
    // A newcomer's account exists: the interview follows.
    next: (user, deps) => onboarding.start(onboardingInput(user, deps)),
  }),
  resetPassword: defineFlow({ machine: resetPasswordFlow, effects: resetPasswordEffects, version: 2 }),
  invite: defineFlow({ machine: inviteFlow, effects: inviteEffects, version: 2 }),
  password: defineFlow({ machine: passwordFlow, effects: passwordEffects, version: 2 }),
  login: defineFlow({ machine: loginFlow, effects: loginEffects, version: 1 }),
  onboarding,
  manageUser: defineFlow({ machine: manageUserFlow, effects: manageUserEffects, version: 4 }),
  agentChat: defineFlow({ machine: agentChatFlow, effects: agentChatEffects, version: 1 }),
  deleteUser: defineFlow({ machine: deleteUserFlow, effects: deleteUserEffects, version: 1 }),
  deleteGroup: defineFlow({ machine: deleteGroupFlow, effects: deleteGroupEffects, version: 1 }),
  deleteMe: defineFlow({
    machine: deleteMeFlow,
    effects: deleteMeEffects,
    version: 1,
    allowDeactivated: true,
  }),
};

export type FlowId = keyof typeof FLOWS;

/** The input that starts flow `K`, as its machine declares it. */
export type FlowInput<K extends FlowId> = InputFrom<(typeof FLOWS)[K]['machine']>;

const IDS = new Map<FlowDefinition, FlowId>(
  (Object.keys(FLOWS) as FlowId[]).map((id) => [FLOWS[id] as FlowDefinition, id]),
);

/** The id a session stores for a declared flow. */
export function flowIdOf(definition: FlowDefinition): FlowId {
  const id = IDS.get(definition);
  if (!id) throw new Error('a flow that is not in FLOWS');
  return id;
}

/** The interview's input for a person: who they are and whether to ask about the organisation. */
export function onboardingInput(user: UserRow, deps: EngineDeps): OnboardingInput {
  return {
    userId: user.id,
    personaName: deps.settings.personaName,
    isAdmin: user.role === 'admin',
    maxTurns: deps.settings.onboardingMaxTurns,
  };
}
