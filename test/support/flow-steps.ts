import type { AnyStateMachine } from 'xstate';
import type { Choice, FlowEmitted, FlowEvent } from '../../flows/types.js';
import { stepFlow, type FlowStep } from '../../src/engine/flow-runner.js';
import { translate } from '../../src/i18n/translate.js';
import type { Text } from '../../src/i18n/message.js';

/** A reply's buttons as an English reader sees them. */
function choicesInEnglish(rows: Choice[][]): Choice[][] {
  return rows.map((row) => row.map((choice) => ({ ...choice, label: translate('en', choice.label) })));
}

/** What a flow emitted, its words as an English reader reads them (tests assert on the English wording). */
export function inEnglish(emitted: FlowEmitted): FlowEmitted {
  switch (emitted.type) {
    case 'reply':
      return {
        ...emitted,
        text: translate('en', emitted.text),
        ...(emitted.choices ? { choices: choicesInEnglish(emitted.choices) } : {}),
      };
    case 'askSecret':
      return { ...emitted, prompt: translate('en', emitted.prompt) };
    case 'file':
      return { ...emitted, caption: translate('en', emitted.caption) };
    case 'failed':
      return emitted;
  }
}

/** Text as an English reader reads it. */
export function english(text: Text): string {
  return translate('en', text);
}

/** One step of a flow, what it emitted read in English. */
export function stepInEnglish(step: FlowStep): FlowStep {
  return { ...step, emitted: step.emitted.map(inEnglish) };
}

/**
 * Starts `machine` with `input` and sends each event in turn, its snapshot stored and restored
 * between them as the engine does; one step per update, the start's first. What the steps emitted
 * reads in English.
 */
export async function stepThrough(
  machine: AnyStateMachine,
  input: unknown,
  events: readonly FlowEvent[],
): Promise<FlowStep[]> {
  const steps = [await stepFlow(machine, { input }, undefined)];
  for (const event of events) {
    const last = steps.at(-1)!;
    if (last.persisted === undefined) throw new Error('the flow finished before every event was sent');
    steps.push(await stepFlow(machine, { snapshot: last.persisted }, event));
  }
  return steps.map(stepInEnglish);
}
