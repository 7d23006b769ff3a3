import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testEngine, transcript } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { sql, store } = await createTestDatabase();
const engine = testEngine(store, new PostgresSessionStore(sql));
const admin = await seedUser(store, { role: 'admin', name: 'Ada', email: 'ada@example.com' });
await linkChat(store, admin, 'ada');

/** What `/command args` from Ada's chat gets back, her Telegram app speaking `languageCode`. */
async function say(line: string, languageCode?: string): Promise<string> {
  const [, name, args] = /^\/(\w+)\s*([\s\S]*)$/.exec(line)!;
  const replies = await engine.handle({
    platform: 'telegram',
    sender: {
      externalId: 'ada',
      username: 'ada',
      displayName: 'Ada',
      ...(languageCode ? { languageCode } : {}),
    },
    chat: { id: 'ada', isPrivate: true },
    command: { name: name!, args: args!.trim() },
  });
  return transcript(replies);
}

const OVERLONG = 'x'.repeat(70);

describe('a refused input, worded in the reader’s language', () => {
  it('refuses an overlong group name fully in German', async () => {
    expect(await say(`/group create ${OVERLONG}`, 'de')).toBe(
      'Der Gruppenname darf höchstens 64 Zeichen lang sein.',
    );
  });

  it('refuses a name with characters it may not use in Spanish', async () => {
    expect(await say('/group create Ops!', 'es')).toBe(
      'El nombre del grupo solo puede llevar letras, dígitos, espacios, _ . y -.',
    );
  });

  it('names the context fields to choose from in German', async () => {
    expect(await say('/context salary: lots', 'de')).toBe(
      'Das Feld muss eines davon sein: role, work, team, language, style, focus, notes.',
    );
  });

  it('reads in English as it always did', async () => {
    expect(await say(`/group create ${OVERLONG}`)).toBe('That group name must be at most 64 characters.');
    expect(await say('/context salary: lots')).toBe(
      'That field must be one of role, work, team, language, style, focus, notes.',
    );
  });
});
