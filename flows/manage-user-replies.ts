// What the manage-user flow says: the panel, and the questions before a change that takes something away.
import type { Choice, FlowEmitted } from './types.js';
import { joined, msg, type Message, type Text } from '../src/i18n/message.js';

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
  /** How long ago they were last seen ("3 min ago", "never"), as /profile and /users say it. */
  lastSeen: Message;
  /** Every group's name, by name: the first have toggle buttons when groups are chosen. */
  allGroups: string[];
  /** Invites they issued that are neither revoked nor used up. */
  openInvites: number;
  /** Reset links they issued that still work. */
  liveResetLinks: number;
  /** The bot can message them privately, so a reset link can go straight to them. */
  reachable?: boolean;
}

/** Names as one list, or the one empty value /profile and /users show too. */
export function listOrNone(items: string[]): Text {
  return items.length > 0 ? items.join(', ') : msg('fact-none');
}

/**
 * The panel's actions for an active person. On the own panel the rules refuse a change of one's own
 * role and deactivating oneself, so neither is offered; that also covers the last active admin,
 * whose panel only they can open.
 */
function activeChoices(panel: UserPanel, ownPanel: boolean): Choice[][] {
  if (ownPanel)
    return [
      [{ label: msg('manage-groups'), value: 'groups' }],
      [{ label: msg('manage-reset-password-link'), value: 'reset' }],
      [{ label: msg('manage-done'), value: 'done' }],
    ];
  return [
    [
      panel.role === 'admin'
        ? { label: msg('manage-make-member'), value: 'role' }
        : { label: msg('manage-make-admin'), value: 'role' },
      { label: msg('manage-groups'), value: 'groups' },
    ],
    [
      { label: msg('manage-reset-password-link'), value: 'reset' },
      { label: msg('manage-deactivate'), value: 'deactivate' },
    ],
    ...(panel.reachable
      ? [[{ label: msg('card-send-reset', { name: panel.name }), value: 'sendReset' }]]
      : []),
    [{ label: msg('manage-done'), value: 'done' }],
  ];
}

export function panelReply(panel: UserPanel, userId: string, ownPanel: boolean): FlowEmitted {
  const choices: Choice[][] =
    panel.status === 'active'
      ? activeChoices(panel, ownPanel)
      : // A deactivated account is frozen: it comes back, or goes for good.
        [
          [
            { label: msg('manage-reactivate'), value: 'reactivate' },
            // i18n-exempt: a command the button runs, not words
            { label: msg('manage-delete'), value: 'delete', command: `/delete ${userId}` },
          ],
          [{ label: msg('manage-done'), value: 'done' }],
        ];
  return {
    type: 'reply',
    text: msg('manage-panel', {
      who: panel.email ? `${panel.name} <${panel.email}>` : panel.name,
      // The facts as /profile and /users word them.
      role: msg('fact-role', { role: panel.role }),
      status: msg('fact-status', { status: panel.status }),
      groups: listOrNone(panel.groups),
      chats: listOrNone(panel.platforms),
      lastSeen: panel.lastSeen,
    }),
    choices,
  };
}

/** The person as the admin should recognise them: name, email, and the handle that found them. */
function who(panel: UserPanel, via: string | null): string {
  return (panel.email ? `${panel.name} <${panel.email}>` : panel.name) + (via ? ` (${via})` : '');
}

/** What an admin losing their rights takes with them, or nothing to say. */
function withdrawalNote(panel: UserPanel): Message[] {
  if (panel.role !== 'admin' || panel.openInvites + panel.liveResetLinks === 0) return [];
  return [
    msg('manage-withdrawal', {
      name: panel.name,
      invites: panel.openInvites,
      resets: panel.liveResetLinks,
      issued:
        panel.openInvites > 0 && panel.liveResetLinks > 0
          ? 'both'
          : panel.openInvites > 0
            ? 'invites'
            : 'resets',
      total: panel.openInvites + panel.liveResetLinks,
    }),
  ];
}

const YES_NO = (yes: Message): Choice[][] => [
  [
    { label: yes, value: 'yes' },
    { label: msg('manage-no'), value: 'no' },
  ],
];

export function confirmDeactivate(panel: UserPanel, via: string | null): FlowEmitted {
  return {
    type: 'reply',
    text: joined(
      [msg('manage-confirm-deactivate', { who: who(panel, via) }), ...withdrawalNote(panel)],
      'line',
    ),
    choices: YES_NO(msg('manage-yes-deactivate')),
  };
}

export function confirmRole(panel: UserPanel, via: string | null, role: Role): FlowEmitted {
  return {
    type: 'reply',
    // Granting admin says what it hands over; taking it away, what the admin's issued links lose.
    text:
      role === 'admin'
        ? msg('manage-confirm-admin', { who: who(panel, via) })
        : joined([msg('manage-confirm-member', { who: who(panel, via) }), ...withdrawalNote(panel)], 'line'),
    choices: YES_NO(role === 'admin' ? msg('manage-yes-make-admin') : msg('manage-yes-make-member')),
  };
}
