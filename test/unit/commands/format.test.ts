import { describe, expect, it } from 'vitest';
import { INVITE_STATUSES, LISTED_STATUSES } from '../../../src/domain/enums.js';
import { translate } from '../../../src/i18n/translate.js';
import {
  ago,
  day,
  listOrNone,
  minute,
  platformName,
  roleName,
  statusName,
} from '../../../src/engine/commands/format.js';
import { joined } from '../../../src/i18n/message.js';

const NOW = Date.UTC(2030, 0, 2, 3, 4);
const before = (minutes: number) => new Date(NOW - minutes * 60_000);

describe('facts, worded per reader', () => {
  it('says how long ago in English as the lists always have', () => {
    const said = [null, before(0), before(5), before(90), before(47 * 60), before(49 * 60)].map((d) =>
      translate('en', ago(d, NOW)),
    );
    expect(said).toEqual(['never', 'just now', '5 min ago', '2 h ago', '47 h ago', '2 days ago']);
  });

  it('says how long ago in German and Spanish', () => {
    expect(translate('de', ago(before(5), NOW))).toBe('vor 5 Min.');
    expect(translate('es', ago(before(49 * 60), NOW))).toBe('hace 2 días');
  });

  it('writes a day and a minute in the reader’s way, in UTC', () => {
    const when = new Date(NOW);
    expect(translate('en', day(when))).toBe('Jan 2, 2030');
    expect(translate('en', minute(when))).toBe('Jan 2, 2030, 3:04 AM UTC');
    expect(translate('de', minute(when))).toBe('2. Jan. 2030, 03:04 UTC');
    expect(translate('es', day(when))).toBe('2 ene 2030');
  });

  it('names every status and role, never falling through to another one', () => {
    const statuses = [...new Set([...LISTED_STATUSES, ...INVITE_STATUSES])];
    expect(statuses.map((s) => translate('en', statusName(s)))).toEqual(statuses);
    expect(new Set(statuses.map((s) => translate('de', statusName(s)))).size).toBe(statuses.length);
    expect(new Set(statuses.map((s) => translate('es', statusName(s)))).size).toBe(statuses.length);
    expect(translate('en', roleName('admin'))).toBe('admin');
    expect(translate('de', roleName('member'))).toBe('Mitglied');
    expect(translate('en', platformName('console'))).toBe('the console');
  });

  it('lists names as they are, or the one empty value', () => {
    expect(translate('de', listOrNone(['Sales', 'Support']))).toBe('Sales, Support');
    expect(translate('en', listOrNone([]))).toBe('none');
    expect(translate('de', listOrNone([]))).toBe('keine');
    expect(translate('es', listOrNone([]))).toBe('ninguno');
    expect(translate('en', joined(['a', roleName('admin'), 'c'], 'line'))).toBe('a\nadmin\nc');
    expect(joined([], 'line')).toBe('');
  });
});
