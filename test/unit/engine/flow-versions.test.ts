import { createHash } from 'node:crypto';
import type { AnyStateMachine, AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { FLOWS, type FlowId } from '../../../src/engine/flows.js';

/**
 * What a parked run depends on: its states, their tags, what they invoke and which events lead
 * where. Words and effects may change under the same version; this may not.
 */
function shapeOf(machine: AnyStateMachine): string {
  const lines: string[] = [];
  const visit = (node: AnyStateNode): void => {
    const transitions = [...node.transitions.entries()].map(
      ([event, options]) =>
        `${event}->${options.map((o) => o.target?.map((t) => t.id).join('+') ?? '.').join('|')}`,
    );
    const always = (node.always ?? []).map((o) => o.target?.map((t) => t.id).join('+') ?? '.');
    lines.push(
      [
        node.id,
        node.type,
        `tags:${[...node.tags].sort().join(',')}`,
        `invoke:${node.invoke.map((i) => String(i.src)).join(',')}`,
        `on:${transitions.join(';')}`,
        `always:${always.join('|')}`,
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
  claim: { 2: 'd3cbd4f284386bee' },
  resetPassword: { 2: 'ee626df624a707f4' },
  invite: { 1: '50443bc90ab16fb6' },
  password: { 2: '83520a6523db99ca' },
  login: { 1: 'bfde186da1a77e0d' },
  onboarding: { 2: 'ba9d158752263e0e' },
  manageUser: { 2: '98e444bed723fe85' },
  agentChat: { 1: '70d8c3dff5cdb5b2' },
  deleteUser: { 1: '30acbbde5f4d1d94' },
  deleteMe: { 1: 'c8c8e36f0f03f73c' },
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
