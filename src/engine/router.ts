import type { UserRow } from '../store/users.js';
import { findCommand } from './commands/index.js';
import type { CommandSpec } from './commands/types.js';
import { msg, type Text } from '../i18n/message.js';
import { DEACTIVATED_NOTICE } from './replies.js';

/** What guards look at: who speaks, and where. */
export interface Speaker {
  user: UserRow | undefined;
  inPrivateChat: boolean;
}

/** Why an update goes no further: the words to say, and whether the running flow ends with it. */
export interface Refusal {
  words: Text;
  endsFlow?: boolean;
}

/** Lets an update through (undefined) or refuses it; `name` is the command it asks for. */
export type Guard = (speaker: Speaker, name: string) => Refusal | undefined;

/** Deactivated people get only the doors left open to them; the step they were in ends. */
export const active: Guard = ({ user }) =>
  user?.status === 'deactivated' ? { words: DEACTIVATED_NOTICE, endsFlow: true } : undefined;

export const privateOnly: Guard = ({ inPrivateChat }, name) =>
  inPrivateChat ? undefined : { words: msg('engine-private-only', { command: name }) };

export const signedIn: Guard = ({ user }) => (user ? undefined : { words: msg('engine-not-signed-in') });

export const admin: Guard = ({ user }, name) =>
  user?.role === 'admin' ? undefined : { words: msg('engine-admins-only', { command: name }) };

/** The first guard's refusal, or undefined when all let the update through. */
export function refusalOf(guards: readonly Guard[], speaker: Speaker, name: string): Refusal | undefined {
  for (const guard of guards) {
    const refusal = guard(speaker, name);
    if (refusal) return refusal;
  }
  return undefined;
}

/** What a command word leads to once its guards let it through. */
export type Route = { guards: readonly Guard[] } & (
  | { kind: 'command'; spec: CommandSpec }
  /** Leaves the running flow. */
  | { kind: 'cancel' }
  /** Answers the running flow's question with Skip. */
  | { kind: 'skip' }
  | { kind: 'unknown' }
);

/** The guards a command declares: deactivated people, chat kind, audience, in this order. */
export function guardsOf(spec: CommandSpec): Guard[] {
  const opensToDeactivated = spec.allowDeactivated === true;
  return [
    ...(opensToDeactivated ? [] : [active]),
    ...(spec.privateOnly ? [privateOnly] : []),
    ...(spec.audience === 'anyone' ? [] : [signedIn]),
    ...(spec.audience === 'admin' ? [admin] : []),
  ];
}

/** The commands about the conversation itself rather than the record: not listed in /help. */
const SESSION_ROUTES = new Map<string, Route>([
  ['cancel', { kind: 'cancel', guards: [active] }],
  ['skip', { kind: 'skip', guards: [active] }],
]);

const UNKNOWN: Route = { kind: 'unknown', guards: [active] };

/** The route for a command word, typed or behind a button. */
export function routeFor(name: string): Route {
  const session = SESSION_ROUTES.get(name);
  if (session) return session;
  const spec = findCommand(name);
  return spec ? { kind: 'command', spec, guards: guardsOf(spec) } : UNKNOWN;
}

/** Updates into a running flow: open to deactivated people only where the flow is one of their doors. */
export function flowGuards(allowsDeactivated: boolean): readonly Guard[] {
  return allowsDeactivated ? [] : [active];
}
