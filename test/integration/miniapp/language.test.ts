import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../support/db.js';
import { testSessions } from '../../support/sessions.js';
import { signInitData } from '../../support/telegram-user.js';
import { translate } from '../../../src/i18n/translate.js';
import { msg } from '../../../src/i18n/message.js';
import { miniAppHarness, TOKEN } from './harness.js';

const { sql, store } = await createTestDatabase();
const sessions = testSessions(sql).open();
const app = await miniAppHarness(store, sessions);

/** A page as served: its HTML, its language and the words handed to its script. */
async function page(path: string, headers: Record<string, string> = {}) {
  const html = await (await fetch(`${app.base}${path}`, { headers })).text();
  const json = html.match(/<script type="application\/json" id="words">(.*?)<\/script>/s)?.[1] ?? '{}';
  return {
    html,
    lang: html.match(/<html lang="([^"]+)"/)?.[1],
    words: JSON.parse(json) as Record<string, string>,
  };
}

/** The page words a script reads: `words.name`, and the names its KINDS table gives. */
function wordsUsedBy(...scripts: string[]): string[] {
  const source = scripts
    .map((s) =>
      readFileSync(new URL(`../../../src/adapters/telegram/miniapp/pages/${s}`, import.meta.url), 'utf8'),
    )
    .join('\n');
  const named = [
    ...source.matchAll(/\bwords\.(\w+)/g),
    ...source.matchAll(/(?:title|label|button): '(\w+)'/g),
  ];
  return [...new Set(named.map((m) => m[1]!))].sort();
}

describe('the Mini App in the person’s language', () => {
  it('serves a page worded in the language its link names, with every word its script reads', async () => {
    const { html, lang, words } = await page('/app/password?n=abc&l=de');
    expect(lang).toBe('de');
    expect(html).toContain('Mindestens 12 Zeichen');
    expect(html).toContain('<button class="primary" type="submit" id="submit">Speichern</button>');
    expect(html).not.toMatch(/\{\{\w+\}\}/);
    expect(words.sent).toBe(translate('de', msg('miniapp-sent')));
    expect(wordsUsedBy('common.js', 'password.js').filter((w) => !(w in words))).toEqual([]);

    const users = await page('/app/users?l=es');
    expect(users.lang).toBe('es');
    expect(users.html).toContain('<th data-key="platforms"><button type="button">Vinculado</button></th>');
    expect(users.words.count).toBe('{shown} de {total}');
    expect(wordsUsedBy('common.js', 'users.js').filter((w) => !(w in users.words))).toEqual([]);
  });

  it('falls back to the browser’s language, then to the default', async () => {
    expect((await page('/app/users', { 'accept-language': 'es-ES,es;q=0.9' })).lang).toBe('es');
    expect((await page('/app/users?l=fr', { 'accept-language': 'fr' })).lang).toBe('en');
  });

  it('answers in the page’s language, else in the language of the person’s Telegram app', async () => {
    const call = (path: string, headers: Record<string, string>) =>
      fetch(`${app.base}${path}`, { headers }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      }));
    expect(await call('/app/api/users', { 'accept-language': 'de' })).toEqual({
      status: 401,
      body: { error: translate('de', msg('miniapp-open-from-chat')) },
    });
    const user = { id: 5150, first_name: 'Lucía', language_code: 'es' };
    const initData = signInitData(TOKEN, user);
    expect(
      await call('/app/api/secret?n=stale-nonce-0123456789', { authorization: `tma ${initData}` }),
    ).toEqual({
      status: 409,
      body: { error: translate('es', msg('miniapp-stale')) },
    });
    expect(
      await call('/app/api/users', { authorization: `tma ${initData}`, 'accept-language': 'de' }),
    ).toEqual({
      status: 403,
      body: { error: translate('de', msg('miniapp-admins-only')) },
    });
  });
});
