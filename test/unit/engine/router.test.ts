import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/engine/commands/types.js';
import { reply } from '../../../src/engine/commands/types.js';
import { DEACTIVATED_NOTICE } from '../../../src/engine/replies.js';
import {
  active,
  admin,
  flowGuards,
  guardsOf,
  privateOnly,
  refusalOf,
  routeFor,
  signedIn,
  type Speaker,
} from '../../../src/engine/router.js';
import type { UserRow } from '../../../src/store/users.js';
import type { Text } from '../../../src/i18n/message.js';
import { translate } from '../../../src/i18n/translate.js';

function person(role: UserRow['role'], status: UserRow['status'] = 'active'): UserRow {
  return {
    id: `${role}-${status}`,
    name: 'Ada',
    email: null,
    role,
    status,
    invitedBy: null,
    createdAt: new Date(0),
    lastSeenAt: null,
    locale: null,
    deactivatedAt: status === 'deactivated' ? new Date(0) : null,
  };
}

const stranger: Speaker = { user: undefined, inPrivateChat: true };
const member: Speaker = { user: person('member'), inPrivateChat: true };
const anAdmin: Speaker = { user: person('admin'), inPrivateChat: true };
const deactivated: Speaker = { user: person('member', 'deactivated'), inPrivateChat: true };
const inGroup: Speaker = { ...anAdmin, inPrivateChat: false };

/** A refusal's words in English, as a person reads them. */
function said(refusal: { words: Text } | undefined): string | undefined {
  return refusal && translate('en', refusal.words);
}

const run = async () => reply();

describe('guards', () => {
  it('let an active speaker through and stop a deactivated one, ending the step they were in', () => {
    expect(active(member, 'users')).toBeUndefined();
    expect(active(stranger, 'start')).toBeUndefined();
    expect(active(deactivated, 'users')).toEqual({ words: DEACTIVATED_NOTICE, endsFlow: true });
  });

  it('keep private commands out of groups, naming the command', () => {
    expect(privateOnly(member, 'password')).toBeUndefined();
    expect(said(privateOnly(inGroup, 'password'))).toBe('Please use /password in a private chat with me.');
  });

  it('ask strangers to sign in and members to leave admin commands to admins', () => {
    expect(signedIn(member, 'whoami')).toBeUndefined();
    expect(said(signedIn(stranger, 'whoami'))).toMatch(/^You're not signed in here/);
    expect(admin(anAdmin, 'users')).toBeUndefined();
    expect(said(admin(member, 'users'))).toBe('Only admins can use /users.');
  });

  it('refuse with the first guard that refuses, in order', () => {
    expect(said(refusalOf([signedIn, admin], stranger, 'users'))).toMatch(/not signed in/);
    expect(said(refusalOf([privateOnly, signedIn], { ...stranger, inPrivateChat: false }, 'x'))).toMatch(
      /private chat/,
    );
    expect(refusalOf([signedIn, admin], anAdmin, 'users')).toBeUndefined();
  });
});

describe('the guards a command declares', () => {
  const adminCommand: CommandSpec = { name: 'users', usage: 'users', summary: '', audience: 'admin', run };
  const door: CommandSpec = {
    name: 'deleteme',
    usage: 'deleteme',
    summary: '',
    audience: 'member',
    allowDeactivated: true,
    privateOnly: true,
    run,
  };
  const open: CommandSpec = { name: 'help', usage: 'help', summary: '', audience: 'anyone', run };

  it('come from its audience, chat kind and whether deactivated people may use it', () => {
    expect(guardsOf(adminCommand)).toEqual([active, signedIn, admin]);
    expect(guardsOf(door)).toEqual([privateOnly, signedIn]);
    expect(guardsOf(open)).toEqual([active]);
  });

  it('let a deactivated person through their doors only', () => {
    expect(refusalOf(guardsOf(door), deactivated, 'deleteme')).toBeUndefined();
    expect(refusalOf(guardsOf(adminCommand), deactivated, 'users')?.words).toBe(DEACTIVATED_NOTICE);
    expect(refusalOf(guardsOf(open), deactivated, 'help')?.words).toBe(DEACTIVATED_NOTICE);
  });

  it('let a deactivated person through a command open to anyone that opens to them too', () => {
    const guide: CommandSpec = { ...open, name: 'guide', allowDeactivated: true };
    expect(guardsOf(guide)).toEqual([]);
    expect(refusalOf(guardsOf(guide), deactivated, 'guide')).toBeUndefined();
  });
});

describe('routes', () => {
  it('find commands of the table by name, in any case', () => {
    const route = routeFor('INVITE');
    expect(route.kind === 'command' && route.spec.name).toBe('invite');
  });

  it('route /cancel and /skip through the same table, guarded for deactivated people', () => {
    for (const name of ['cancel', 'skip'] as const) {
      const route = routeFor(name);
      expect(route.kind).toBe(name);
      expect(refusalOf(route.guards, deactivated, name)?.words).toBe(DEACTIVATED_NOTICE);
      expect(refusalOf(route.guards, stranger, name)).toBeUndefined();
    }
  });

  it('know no command named after an object property', () => {
    for (const name of ['nosuch', 'constructor', '__proto__', 'toString'])
      expect(routeFor(name).kind).toBe('unknown');
  });

  it('let updates into a flow through for a deactivated person only where the flow is one of their doors', () => {
    expect(refusalOf(flowGuards(false), deactivated, '')?.endsFlow).toBe(true);
    expect(refusalOf(flowGuards(true), deactivated, '')).toBeUndefined();
    expect(refusalOf(flowGuards(false), member, '')).toBeUndefined();
  });
});
