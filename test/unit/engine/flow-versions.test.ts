import { createHash } from 'node:crypto';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FLOWS, type FlowId } from '../../../src/engine/flows.js';

/**
 * What a parked run depends on: its states (a snapshot names them), their tags, what they invoke
 * and which events they take. Words, effects, guards and targets may change under the same version.
 */
function shapeOf(machine: AnyStateMachine): string {
  const lines: string[] = [];
  const visit = (node: AnyStateNode): void => {
    lines.push(
      [
        node.id,
        node.type,
        `tags:${[...node.tags].sort().join(',')}`,
        `invoke:${node.invoke.map((i) => String(i.src)).join(',')}`,
        `on:${[...node.transitions.keys()].sort().join(',')}`,
      ].join(' '),
    );
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(machine.root);
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Each flow's shape by version. A shape change fails here until the flow's version in
 * src/engine/flows.ts is raised and the new shape pinned under it: runs parked under the old
 * version are then dropped as stale instead of resumed into states that are not there.
 */
const PINNED: Record<FlowId, Record<number, string>> = {
  claim: { 2: '715e80a03df78d12' },
  resetPassword: { 2: 'e3b92b8f830c262c' },
  invite: { 2: 'd7566c9470c0335c' },
  password: { 2: '8eee861b3a1c19ac' },
  login: { 1: '99c06478353ca1e3' },
  onboarding: { 2: 'c2628f983bf5e84d' },
  // 4: the same states, but the groups step keeps its toggles in the context a parked run lacks.
  manageUser: { 2: '48b452f94204e903', 3: 'ed0a877165ba043c', 4: 'ed0a877165ba043c' },
  agentChat: { 1: 'c2b4b446a855a2b9' },
  deleteUser: { 1: '086fee8f06ee7509' },
  deleteGroup: { 1: '243c73cc9b4bcee0' },
  deleteMe: { 1: '385b69abd0b23967' },
};

describe('flow versions', () => {
  for (const id of Object.keys(FLOWS) as FlowId[]) {
    it(`${id}: its shape is the one pinned for its version`, () => {
      const { version, machine } = FLOWS[id];
      const pinned = PINNED[id];
      expect(version, `${id}: the newest pinned version`).toBe(Math.max(...Object.keys(pinned).map(Number)));
      expect(shapeOf(machine), `${id} changed shape: raise its version and pin the new shape`).toBe(
        pinned[version],
      );
    });
  }
});
