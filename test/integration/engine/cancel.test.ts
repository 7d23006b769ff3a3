import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { GOOD_PASSWORD, seedUser, linkChat } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';
import { createInvites } from '../../../src/domain/invites.js';
import { hashPassword } from '../../../src/domain/passwords.js';
import { issueResetLink } from '../../../src/domain/resets.js';
import { createGroup } from '../../../src/domain/groups.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await store.users.setPasswordHash(admin.id, await hashPassword(GOOD_PASSWORD));
await linkChat(store, admin, 'ada');
const member = await seedUser(store, { name: 'Mia', email: 'mia@example.com' });
await createGroup(store, { actorId: admin.id, name: 'Ops' });

/** Row counts of everything a flow could write. */
async function record(): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, number>[]>`
    select (select count(*)::int from users) as users, (select count(*)::int from identities) as identities,
           (select count(*)::int from invites) as invites, (select count(*)::int from group_members) as members,
           (select count(*)::int from audit_log) as audit, (select count(*)::int from password_resets where used_at is not null) as used_resets,
           (select count(*)::int from personal_context) as contexts,
           (select count(*)::int from users where role = 'admin') as admins`;
  return row!;
}

type Step = { say: string } | { tap: string };

/** Each flow, as the steps that walk it through every state that waits for the person. */
async function journeys(): Promise<{ name: string; who: string; steps: Step[] }[]> {
  const [invite] = await createInvites(store, {
    actorId: admin.id,
    emails: [],
    role: 'member',
    groupNames: [],
  });
  const reset = await issueResetLink(store, { actorId: admin.id, userId: member.id });
  return [
    {
      name: 'invite',
      who: 'ada',
      steps: [
        { say: '/invite' },
        { say: 'new@example.com' },
        { tap: 'Member' },
        { tap: 'No groups' },
        { tap: 'Defaults' },
      ],
    },
    {
      name: 'claim',
      who: 'newcomer',
      steps: [{ say: `/start ${invite!.payload}` }, { say: 'Nia' }, { tap: 'Skip' }],
    },
    { name: 'reset-password', who: 'mia-phone', steps: [{ say: `/start ${reset.payload}` }] },
    { name: 'login', who: 'stranger', steps: [{ say: '/login' }, { say: 'ada@example.com' }] },
    {
      name: 'password',
      who: 'ada',
      steps: [
        { say: '/password' },
        { say: GOOD_PASSWORD },
        { say: 'amber-Otter-Canal-77' },
        { say: 'amber-Otter-Canal-77' },
      ],
    },
    { name: 'manage-user', who: 'ada', steps: [{ say: '/user mia@example.com' }, { tap: 'Groups' }] },
    { name: 'deactivate', who: 'ada', steps: [{ say: '/deactivate mia@example.com' }] },
    {
      name: 'onboarding',
      who: 'ada',
      steps: [
        { say: '/onboarding' },
        { say: 'Engineer' },
        { say: 'English' },
        { say: 'Short' },
        { say: 'Shipping' },
      ],
    },
  ];
}

describe('/cancel', () => {
  it('leaves every flow from every state that waits, writes nothing, and the next message is not taken by it', async () => {
    for (const journey of await journeys()) {
      for (let depth = 1; depth <= journey.steps.length; depth++) {
        const person = new Person(engine, journey.who);
        for (const step of journey.steps.slice(0, depth)) {
          if ('say' in step) await person.say(step.say);
          else await person.tap(step.tap);
        }
        const before = await record();
        expect(await person.say('/cancel'), `${journey.name} after ${depth} steps`).toMatch(/^Cancelled/);
        expect(await record(), `${journey.name} after ${depth} steps`).toEqual(before);
        expect(await person.say('Engineer'), `${journey.name} after ${depth} steps`).toMatch(
          /^(Hello! I am Gatehouse|Nothing is waiting for an answer from you)/,
        );
      }
    }
  });
});
