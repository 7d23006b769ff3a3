import type { AnyStateMachine, InputFrom } from 'xstate';
import type { UserRow } from '../store/users.js';
import type { EngineDeps } from './deps.js';
import type { Locale } from '../i18n/locales.js';

/** A flow to start, with the input its machine takes. */
export interface FlowStart {
  flow: FlowDefinition;
  input: unknown;
}

/** What one flow declares: its machine, the effects the engine provides, its version and what follows it. */
export interface FlowSpec<TMachine extends AnyStateMachine> {
  machine: TMachine;
  /**
   * The machine's named effects (each runs with the deps of the update that stepped the flow: see
   * effects/turn-effect.ts); `locale` is the language of the turn's replies, for effects whose words
   * a model writes (it is told to speak it).
   */
  effects(locale: Locale): Parameters<TMachine['provide']>[0];
  /**
   * Stored with every parked run: a run of another version is dropped as stale. Bump it when the
   * machine's shape changes (test/unit/engine/flow-versions.test.ts pins each shape to its version).
   */
  version: number;
  /** Runs for a deactivated person too (export, self-deletion). */
  allowDeactivated?: boolean;
  /**
   * The flow to start when this one finishes with `{ userId }` as its output; `user` is that
   * account, read again after the flow created or linked it.
   */
  next?(user: UserRow, deps: EngineDeps): FlowStart | undefined;
}

/** A declared flow: its spec, and its machine with the effects provided (built once per language). */
export interface FlowDefinition<TMachine extends AnyStateMachine = AnyStateMachine> extends Readonly<
  FlowSpec<TMachine>
> {
  provided(locale: Locale): AnyStateMachine;
  /** A start of this flow with input its machine accepts. */
  start(input: InputFrom<TMachine>): FlowStart;
}

export function defineFlow<TMachine extends AnyStateMachine>(
  spec: FlowSpec<TMachine>,
): FlowDefinition<TMachine> {
  const byLocale = new Map<Locale, AnyStateMachine>();
  const definition: FlowDefinition<TMachine> = {
    ...spec,
    provided(locale) {
      let machine = byLocale.get(locale);
      if (!machine) byLocale.set(locale, (machine = spec.machine.provide(spec.effects(locale))));
      return machine;
    },
    start: (input) => ({ flow: definition as FlowDefinition, input }),
  };
  return definition;
}
