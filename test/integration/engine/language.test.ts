import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { Person, testEngine } from '../../support/engine.js';
import { linkChat, seedUser } from '../../support/seed.js';
import { PostgresSessionStore } from '../../../src/store/sessions-postgres.js';

const { sql, store } = await createTestDatabase();
const sessions = new PostgresSessionStore(sql);
const engine = testEngine(store, sessions);

async function member(chat: string, name: string) {
  const user = await seedUser(store, { name });
  await linkChat(store, user, chat);
  return user;
}

const savedLocale = async (userId: string) =>
  (await sql<{ locale: string | null }[]>`select locale from users where id = ${userId}`)[0]?.locale;

describe('the language of the replies', () => {
  it("answers in the platform's language without being asked", async () => {
    await member('greta', 'Greta');
    const greta = new Person(engine, 'greta', 'telegram', 'de');
    expect(await greta.say('/cancel')).toBe('Es gibt nichts abzubrechen.');
    expect(await greta.say('/weather')).toBe(
      '/weather kenne ich nicht. Sende /help, um zu sehen, was ich kann.',
    );
    expect(await greta.say('/help')).toMatch(/^Was du tun kannst[^]*\n\nDein Konto\n/);
    expect(greta.locale).toBe('de');
  });

  it('takes the closest language a platform names, and the default for one it does not speak', async () => {
    await member('anton', 'Anton');
    expect(await new Person(engine, 'anton', 'telegram', 'de-AT').say('/cancel')).toBe(
      'Es gibt nichts abzubrechen.',
    );
    expect(await new Person(engine, 'anton', 'telegram', 'pt-BR').say('/cancel')).toBe(
      'There is nothing to cancel.',
    );
    expect(await new Person(engine, 'anton').say('/cancel')).toBe('There is nothing to cancel.');
  });

  it("answers a stranger in their platform's language too", async () => {
    expect(await new Person(engine, 'stranger-es', 'telegram', 'es').say('/profile')).toMatch(
      /^Aquí no has iniciado sesión\./,
    );
  });
});

describe('/language', () => {
  it('says which language is in use and why, with a button per language and one for the platform', async () => {
    await member('hans', 'Hans');
    const hans = new Person(engine, 'hans', 'telegram', 'de');
    expect(await hans.say('/language')).toBe(
      'Ich antworte dir auf Deutsch, der Sprache deiner Plattform.\n' +
        'Wähle eine andere oder lass deine Plattform entscheiden: ' +
        '[English] [Deutsch] [Español] [Meiner Plattform folgen]',
    );
    await member('nora', 'Nora');
    expect(await new Person(engine, 'nora').say('/language')).toMatch(
      /^I answer you in English, the default here\.\n/,
    );
  });

  it('saves a choice that beats the platform, answers in it at once, and goes back with auto', async () => {
    const lena = await member('lena', 'Lena');
    const chat = new Person(engine, 'lena', 'telegram', 'de');
    expect(await chat.say('/language es')).toBe('Guardado.\nTe respondo en español, como elegiste.');
    expect(chat.locale).toBe('es');
    expect(await savedLocale(lena.id)).toBe('es');
    expect(await chat.say('/cancel')).toBe('No hay nada que cancelar.');

    expect(await chat.say('/language auto')).toBe(
      'Erledigt: Jetzt entscheidet wieder die Sprache deiner Plattform.\n' +
        'Ich antworte dir auf Deutsch, der Sprache deiner Plattform.',
    );
    expect(await savedLocale(lena.id)).toBeNull();
    expect(await chat.say('/cancel')).toBe('Es gibt nichts abzubrechen.');
  });

  it('keeps the choice in every chat of the account', async () => {
    const mia = await member('mia-telegram', 'Mia');
    await linkChat(store, mia, 'mia-other');
    await new Person(engine, 'mia-telegram', 'telegram', 'de').say('/language English');
    expect(await new Person(engine, 'mia-other', 'telegram', 'es').say('/cancel')).toBe(
      'There is nothing to cancel.',
    );
  });

  it('takes a language by its button, by name, or by code', async () => {
    const otto = await member('otto', 'Otto');
    const chat = new Person(engine, 'otto');
    await chat.say('/language');
    expect(await chat.tap('Deutsch')).toBe(
      'Gespeichert.\nIch antworte dir auf Deutsch, wie du es gewählt hast.',
    );
    expect(await chat.say('/language spanish')).toMatch(/^Guardado\./);
    expect(await chat.say('/language EN')).toBe('Saved.\nI answer you in English, as you chose.');
    await chat.say('/language');
    expect(await chat.tap('Follow my platform')).toBe(
      "Done: your platform's language decides again.\nI answer you in English, the default here.",
    );
    expect(await savedLocale(otto.id)).toBeNull();
  });

  it('refuses a language it does not speak, naming those it does, and changes nothing', async () => {
    const pia = await member('pia', 'Pia');
    expect(await new Person(engine, 'pia').say('/language fr')).toBe(
      "I don't speak “fr”. I can answer in English (en), Deutsch (de), Español (es). " +
        'Usage: /language [<code> | auto]',
    );
    expect(await savedLocale(pia.id)).toBeNull();
  });

  it('is for signed-in people only', async () => {
    expect(await new Person(engine, 'stranger-1').say('/language de')).toMatch(
      /^You're not signed in here\./,
    );
  });

  it('is listed in /help with the account, and explained by /help language', async () => {
    await member('quinn', 'Quinn');
    const quinn = new Person(engine, 'quinn');
    expect(await quinn.say('/help')).toMatch(
      /\nYour account\n[^]*\n\/language — the language I answer you in\n/,
    );
    expect(await quinn.say('/help language')).toBe(
      '/language [<code> | auto]\n' +
        'The language I answer you in; a code (de) or a name chooses, auto follows your platform.\n' +
        'Example: /language de',
    );
  });
});

describe('the default language', () => {
  it("is the operator's choice for whoever has none", async () => {
    const spanish = testEngine(store, sessions, { defaultLocale: 'es' });
    await member('rosa', 'Rosa');
    expect(await new Person(spanish, 'rosa').say('/language')).toMatch(
      /^Te respondo en español, el idioma por defecto aquí\.\n/,
    );
    expect(await new Person(spanish, 'rosa', 'telegram', 'de').say('/cancel')).toBe(
      'Es gibt nichts abzubrechen.',
    );
  });
});
