import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/db.js';
import { testSessions } from '../support/sessions.js';
import { Person, testEngine } from '../support/engine.js';
import { seedUser, linkChat } from '../support/seed.js';
import { getPersonalContext } from '../../src/domain/context.js';

describe('two engine processes sharing the session store and Postgres', () => {
  it('lose no transition and reply once per update when one conversation is fed through both at once', async () => {
    const { sql, store } = await createTestDatabase();
    // Each "process" has its own engine, session store connection and in-memory queue; only the stores are shared.
    const sessions = testSessions(sql);
    const engines = [testEngine(store, sessions.open()), testEngine(store, sessions.open())];
    await seedUser(store, { role: 'admin' });
    const person = await seedUser(store, { name: 'Mo' });
    await linkChat(store, person, 'mo');

    for (let round = 0; round < 5; round++) {
      await new Person(engines[round % 2]!, 'mo').say('/onboarding');
      const answers = [
        `Engineer ${round}`,
        `Team ${round}`,
        `Language ${round}`,
        `Style ${round}`,
        `Focus ${round}`,
      ];
      const people = answers.map((_, i) => new Person(engines[(i + round) % 2]!, 'mo'));
      const replies = await Promise.all(answers.map((answer, i) => people[i]!.say(answer)));
      for (const reply of replies) expect(reply).not.toBe('');
      const reviewed = replies.findIndex((r) => /Here's what I'll remember/.test(r));
      expect(replies.filter((r) => /Here's what I'll remember/.test(r))).toHaveLength(1);
      expect(await people[reviewed]!.tap('Save')).toMatch(/Saved/);
      const saved = await getPersonalContext(store, person.id);
      expect(Object.values(saved).sort()).toEqual([...answers].sort());
    }
  });
});
