// What the manage-user flow says: the panel, and the questions before a change that takes something away.
import type { Choice, FlowEmitted } from './types.js';
import { msg } from '../src/i18n/message.js';

export type Role = 'admin' | 'member';
type Status = 'active' | 'deactivated';

/** What the panel shows about one person, as display data. */
export interface UserPanel {
  name: string;
  email: string | null;
  role: Role;
  status: Status;
  groups: string[];
  platforms: string[];
  lastSeen: string | null;
  allGroups: string[];
  /** Invites they issued that are neither revoked nor used up. */
  openInvites: number;
  /** Reset links they issued that still work. */
  liveResetLinks: number;
  /** The bot can message them privately, so a reset link can go straight to them. */
  reachable?: boolean;
}

export function listOrNone(items: string[], none: string): string {
  return items.length > 0 ? items.join(', ') : none;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The panel's actions for an active person. On the own panel the rules refuse a change of one's own
 * role and deactivating oneself, so neither is offered; that also covers the last active admin,
 * whose panel only they can open.
 */
function activeChoices(panel: UserPanel, ownPanel: boolean): Choice[][] {
  if (ownPanel)
    return [
      [{ label: 'Groups', value: 'groups' }],
      [{ label: 'Reset password link', value: 'reset' }],
      [{ label: 'Done', value: 'done' }],
    ];
  return [
    [
      panel.role === 'admin'
        ? { label: 'Make member', value: 'role' }
        : { label: 'Make admin', value: 'role' },
      { label: 'Groups', value: 'groups' },
    ],
    [
      { label: 'Reset password link', value: 'reset' },
      { label: 'Deactivate', value: 'deactivate' },
    ],
    ...(panel.reachable
      ? [[{ label: msg('card-send-reset', { name: panel.name }), value: 'sendReset' }]]
      : []),
    [{ label: 'Done', value: 'done' }],
  ];
}

export function panelReply(panel: UserPanel, userId: string, ownPanel: boolean): FlowEmitted {
  const choices: Choice[][] =
    panel.status === 'active'
      ? activeChoices(panel, ownPanel)
      : // A deactivated account is frozen: it comes back, or goes for good.
        [
          [
            { label: 'Reactivate', value: 'reactivate' },
            { label: 'Delete', value: 'delete', command: `/delete ${userId}` },
          ],
          [{ label: 'Done', value: 'done' }],
        ];
  return {
    type: 'reply',
    text: [
      panel.email ? `${panel.name} <${panel.email}>` : panel.name,
      `Role: ${panel.role === 'admin' ? 'Admin' : 'Member'}`,
      `Status: ${panel.status === 'active' ? 'Active' : 'Deactivated'}`,
      `Groups: ${listOrNone(panel.groups, 'none')}`,
      `Chats: ${listOrNone(panel.platforms, 'none')}`,
      `Last seen: ${panel.lastSeen ?? 'never'}`,
    ].join('\n'),
    choices,
  };
}

/** The person as the admin should recognise them: name, email, and the handle that found them. */
function who(panel: UserPanel, via: string | null): string {
  return (panel.email ? `${panel.name} <${panel.email}>` : panel.name) + (via ? ` (${via})` : '');
}

/** What an admin losing their rights takes with them, or nothing to say. */
function withdrawalNote(panel: UserPanel): string[] {
  if (panel.role !== 'admin') return [];
  const issued = [
    panel.openInvites > 0 ? plural(panel.openInvites, 'open invite', 'open invites') : '',
    panel.liveResetLinks > 0 ? plural(panel.liveResetLinks, 'live reset link', 'live reset links') : '',
  ].filter(Boolean);
  if (issued.length === 0) return [];
  const many = panel.openInvites + panel.liveResetLinks > 1;
  return [`${panel.name} has ${issued.join(' and ')}; ${many ? 'they' : 'it'} will be revoked.`];
}

const YES_NO = (yes: string): Choice[][] => [
  [
    { label: yes, value: 'yes' },
    { label: 'No', value: 'no' },
  ],
];

export function confirmDeactivate(panel: UserPanel, via: string | null): FlowEmitted {
  return {
    type: 'reply',
    text: [
      `Deactivate ${who(panel, via)}? They lose access at once; their data stays and you can reactivate them.`,
      ...withdrawalNote(panel),
    ].join('\n'),
    choices: YES_NO('Yes, deactivate'),
  };
}

/** What granting admin hands over, said before it is granted. */
const ADMIN_POWERS = 'They will be able to invite, change roles and groups, and read the audit trail.';

export function confirmRole(panel: UserPanel, via: string | null, role: Role): FlowEmitted {
  return {
    type: 'reply',
    text: [
      role === 'admin'
        ? `Make ${who(panel, via)} an admin? ${ADMIN_POWERS}`
        : `Make ${who(panel, via)} a member?`,
      ...(role === 'member' ? withdrawalNote(panel) : []),
    ].join('\n'),
    choices: YES_NO(role === 'admin' ? 'Yes, make admin' : 'Yes, make member'),
  };
}
