import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import {
  AGENT_DELETED_REASONS,
  AGENT_VISIBILITIES,
  AUDIT_ACTIONS,
  PLATFORMS,
  ROLES,
  USER_STATUSES,
  type AuditAction,
} from '../../../src/domain/enums.js';

const { sql, store } = await createTestDatabase();

async function checkValues(constraint: string): Promise<string[]> {
  const [row] = await sql<{ definition: string }[]>`
    select pg_get_constraintdef(oid) as definition from pg_constraint where conname = ${constraint}`;
  if (!row) throw new Error(`no constraint ${constraint}`);
  return [...row.definition.matchAll(/'([^']+)'::text/g)].map((m) => m[1]!).sort();
}

describe('schema CHECK constraints', () => {
  it.each([
    ['users_role_check', ROLES],
    ['invites_role_check', ROLES],
    ['users_status_check', USER_STATUSES],
    ['identities_platform_check', PLATFORMS],
    ['agents_visibility_check', AGENT_VISIBILITIES],
    ['agents_deleted_reason_check', AGENT_DELETED_REASONS],
  ] as const)('%s allows exactly the values of its list in enums.ts', async (constraint, list) => {
    expect(await checkValues(constraint)).toEqual([...list].sort());
  });
});

describe('audit actions', () => {
  it('the trail accepts exactly the actions of AUDIT_ACTIONS', async () => {
    const rows = await sql<{ action: string }[]>`select action from audit_actions order by action`;
    expect(rows.map((r) => r.action)).toEqual([...AUDIT_ACTIONS].sort());
  });

  it('refuses an action that is not in the list', async () => {
    const tail = await store.tx((tx) => tx.audit.lockAuditTail());
    await expect(
      store.audit.appendAuditRow({
        id: String(BigInt(tail.id) + 1n),
        at: new Date(),
        action: 'user.made_up' as AuditAction,
        actorId: null,
        actorName: 'tester',
        actorEmail: null,
        targetId: null,
        targetName: null,
        targetEmail: null,
        details: {},
        sealed: false,
        prevHash: tail.hash,
        hash: Buffer.alloc(32),
      }),
    ).rejects.toMatchObject({ code: '23503' });
  });
});
