import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { testEngine, transcript } from '../support/engine.js';
import { seedUser } from '../support/seed.js';
import { COMMANDS } from '../../src/engine/commands/index.js';
import { DEACTIVATED_NOTICE } from '../../src/engine/replies.js';
import { translate } from '../../src/i18n/translate.js';
import type { Inbound } from '../../src/engine/inbound.js';
import { createAgent } from '../../src/domain/agents.js';
import { createGroup } from '../../src/domain/groups.js';
import { createInvites } from '../../src/domain/invites.js';
import { deactivateUser } from '../../src/domain/users.js';
import type { UserRow } from '../../src/store/users.js';
import { verifyAuditChain } from '../../src/domain/audit-chain.js';

/**
 * Every command of DESIGN §3 × every kind of caller × both platforms, through the engine as each
 * adapter hands updates to it (the adapters' own suites prove the translation). A refusal must say
 * why and leave the record and the audit trail exactly as they were; an admin's or a person's own
 * change writes exactly one audit row; a read changes nothing.
 */

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const engine = testEngine(store, sessions);
const boss = await seedUser(store, { role: 'admin', name: 'Boss' });

type Caller = 'stranger' | 'member' | 'deactivated' | 'admin';
type Platform = 'telegram' | 'slack';

/** What a cell acts on: fresh for each cell, so every cell starts from the same situation. */
interface Fixture {
  n: string;
  target: UserRow;
  inactive: UserRow;
  group: string;
  agent: string;
  invite: string;
  expiredInvite: string;
}

interface Sample {
  args: (f: Fixture) => string;
  /** What the caller does next when the command asks: tap a button, or type a text. */
  then?: { tap: string } | { say: (f: Fixture) => string };
  /** On success the record changes and exactly one audit row says so; otherwise nothing changes. */
  audited: boolean;
}

const SAMPLES: Record<string, Sample> = {
  start: { args: () => '', audited: false },
  claim: { args: () => 'i_not-a-real-code-at-all', audited: false },
  help: { args: () => '', audited: false },
  login: { args: () => '', audited: false },
  logout: { args: () => '', audited: true },
  profile: { args: () => '', audited: false },
  name: { args: (f) => `Renamed ${f.n}`, audited: true },
  password: { args: () => '', audited: false },
  // A preference, not audited; English, so the caller's later cells still read English.
  language: { args: () => 'en', audited: false },
  onboarding: { args: () => '', audited: false },
  context: { args: (f) => `focus: matrix ${f.n}`, audited: true },
  agents: { args: () => '', audited: false },
  ask: { args: (f) => `${f.agent} hello`, audited: false },
  agent: { args: (f) => `create Bot-${f.n}`, audited: true },
  audit: { args: () => '', audited: false },
  groups: { args: () => '', audited: false },
  group: { args: (f) => `add ${f.group} ${f.target.email}`, audited: true },
  invite: { args: (f) => `new-${f.n}@example.com member`, then: { tap: 'Create' }, audited: true },
  invites: { args: () => '', audited: false },
  revoke: { args: (f) => f.invite, audited: true },
  resend: { args: (f) => f.expiredInvite, audited: true },
  users: { args: () => '', audited: false },
  user: { args: (f) => f.target.email!, audited: false },
  role: { args: (f) => `${f.target.email} admin`, then: { tap: 'Yes, make admin' }, audited: true },
  deactivate: { args: (f) => f.target.email!, then: { tap: 'Yes, deactivate' }, audited: true },
  reactivate: { args: (f) => f.inactive.email!, audited: true },
  resetpassword: { args: (f) => f.target.email!, audited: true },
  delete: { args: (f) => f.target.email!, then: { say: (f) => f.target.email! }, audited: true },
  export: { args: () => '', audited: true },
  deleteme: { args: () => '', audited: false },
};

async function fixture(): Promise<Fixture> {
  const n = randomBytes(3).toString('hex');
  const target = await seedUser(store, { name: `Target ${n}` });
  const inactive = await seedUser(store, { name: `Inactive ${n}`, status: 'deactivated' });
  const group = `Group-${n}`;
  await createGroup(store, { actorId: boss.id, name: group });
  const agent = `Agent ${n}`;
  await createAgent(store, { actorId: boss.id, name: agent });
  const [invite] = await createInvites(store, {
    actorId: boss.id,
    emails: [`pending-${n}@example.com`],
    role: 'member',
    groupNames: [],
  });
  const [expired] = await createInvites(store, {
    actorId: boss.id,
    emails: [`expired-${n}@example.com`],
    role: 'member',
    groupNames: [],
  });
  await sql`update invites set expires_at = now() - interval '1 day' where id = ${expired!.invite.id}`;
  return {
    n,
    target,
    inactive,
    group,
    agent,
    invite: invite!.invite.id.slice(0, 8),
    expiredInvite: expired!.invite.id.slice(0, 8),
  };
}

let seq = 0;

/** A caller of one kind with a chat identity on `platform`. */
async function caller(
  kind: Caller,
  platform: Platform,
): Promise<Pick<Inbound, 'platform' | 'sender' | 'chat'>> {
  seq += 1;
  const externalId = platform === 'slack' ? `T1:U${seq}` : String(9_000_000 + seq);
  const chatId = platform === 'slack' ? `D${externalId.slice(3)}` : externalId;
  if (kind !== 'stranger') {
    const user = await seedUser(store, { role: kind === 'admin' ? 'admin' : 'member' });
    await store.identities.insertIdentity({ platform, externalId, userId: user.id, username: null });
    if (kind === 'deactivated') await deactivateUser(store, { actorId: boss.id, userId: user.id });
  }
  return {
    platform,
    sender: { externalId, username: null, displayName: kind },
    chat: { id: chatId, isPrivate: true },
  };
}

/** The whole record but the audit trail and the last-seen times, as one hash. */
async function recordFingerprint(): Promise<string> {
  const [row] = await sql<{ hash: string }[]>`
    select md5(coalesce(string_agg(x, '|' order by x), '')) as hash from (
      select 'u' || (u.id, u.name, u.email, u.role, u.status, u.password_hash, u.invited_by, u.deactivated_at)::text as x from users u
      union all select 'i' || t::text from identities t
      union all select 'g' || t::text from groups t
      union all select 'm' || (t.group_id, t.user_id)::text from group_members t
      union all select 'v' || t::text from invites t
      union all select 'vg' || t::text from invite_groups t
      union all select 'vc' || t::text from invite_claims t
      union all select 'r' || t::text from password_resets t
      union all select 'a' || t::text from agents t
      union all select 'ag' || t::text from agent_groups t
      union all select 'pc' || t::text from personal_context t
      union all select 'oc' || t::text from organisation_context t) s`;
  return row!.hash;
}

async function auditCount(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from audit_log`;
  return row!.n;
}

function allowed(kind: Caller, spec: (typeof COMMANDS)[number]): boolean {
  if (kind === 'deactivated') return spec.allowDeactivated === true;
  if (spec.audience === 'anyone') return true;
  if (kind === 'stranger') return false;
  return spec.audience === 'member' || kind === 'admin';
}

function refusal(kind: Caller, spec: (typeof COMMANDS)[number], platform: Platform): RegExp {
  const command = platform === 'slack' ? `/gatehouse ${spec.name}` : `/${spec.name}`;
  if (kind === 'deactivated')
    return new RegExp(`^${translate('en', DEACTIVATED_NOTICE).split(' /export')[0]!.replace(/\./g, '\\.')}`);
  if (kind === 'stranger')
    return /^You're not signed in here\. Open your invite link, or use \/(gatehouse )?login/;
  return new RegExp(`^Only admins can use ${command.replace('/', '\\/')}\\.$`);
}

const CALLERS: Caller[] = ['stranger', 'member', 'deactivated', 'admin'];
const PLATFORMS: Platform[] = ['telegram', 'slack'];

describe('the authorization matrix', () => {
  it('has a sample for every command there is', () => {
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  describe.each(PLATFORMS)('on %s', (platform) => {
    it.each(CALLERS)('%s: every command is refused or done as the rules say', async (kind) => {
      for (const spec of COMMANDS) {
        const sample = SAMPLES[spec.name]!;
        const f = await fixture();
        const who = await caller(kind, platform);
        const [recordBefore, auditBefore] = [await recordFingerprint(), await auditCount()];
        const replies = await engine.handle({
          ...who,
          messageId: '1',
          command: { name: spec.name, args: sample.args(f) },
        });
        let said = transcript(replies, platform);
        const buttons = replies.flatMap((r) => (r.type === 'text' ? (r.buttons?.flat() ?? []) : []));
        const next = sample.then;
        if (next && allowed(kind, spec)) {
          const action = 'tap' in next ? buttons.find((b) => b.label === next.tap)?.action : undefined;
          if ('tap' in next) expect(action, `${spec.name}: no button ${next.tap} in ${said}`).toBeDefined();
          const followUp = await engine.handle({
            ...who,
            messageId: '3',
            ...('tap' in next ? { action: action! } : { text: next.say(f) }),
          });
          said += `\n${transcript(followUp, platform)}`;
        }
        const [recordAfter, auditAfter] = [await recordFingerprint(), await auditCount()];
        const cell = `${platform} × ${kind} × /${spec.name}: ${said}`;
        expect(said, cell).not.toMatch(/Sorry, something went wrong|Error:|at .*\.ts:\d+/);
        if (!allowed(kind, spec)) {
          expect(said, cell).toMatch(refusal(kind, spec, platform));
          expect(recordAfter, cell).toBe(recordBefore);
          expect(auditAfter, cell).toBe(auditBefore);
        } else if (sample.audited) {
          expect(recordAfter === recordBefore && spec.name !== 'export', cell).toBe(false);
          expect(auditAfter - auditBefore, cell).toBe(1);
        } else {
          expect(said, cell).not.toMatch(refusal('member', spec, platform));
          expect(recordAfter, cell).toBe(recordBefore);
          expect(auditAfter, cell).toBe(auditBefore);
        }
        await engine.handle({ ...who, messageId: '2', command: { name: 'cancel', args: '' } });
      }
    });
  });
});

describe('after the matrix', () => {
  it('leaves an audit hash chain that verifies', async () => {
    expect(await auditCount()).toBeGreaterThan(20);
    expect((await verifyAuditChain(store)).broken).toEqual([]);
  });
});
