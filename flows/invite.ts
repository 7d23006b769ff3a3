import { assign, emit, fromPromise, setup } from 'xstate';
import { looksLikeEmail, notProvided, type FlowEmitted, type FlowEvent } from './types.js';
import { ENTITY_NAME_MAX_LENGTH, ENTITY_NAME_PATTERN, INVITE_LIMITS } from '../src/domain/limits.js';
import { CANCEL_CHOICE, isCancel, reportFailure } from './kit.js';

export interface InviteDraft {
  emails: string[];
  role: 'admin' | 'member';
  groupNames: string[];
  maxUses: number;
  expiresInDays: number;
  label: string | null;
}

interface InviteInput {
  actorId: string;
  draft: Partial<InviteDraft>;
  /** The one-line form: what it did not give takes its default instead of a question. */
  oneLine: boolean;
}

interface InviteContext {
  actorId: string;
  draft: InviteDraft;
  asked: { emails: boolean; role: boolean; groups: boolean; options: boolean };
}

function summary(draft: InviteDraft): string {
  return [
    `Invite ${draft.emails.length > 0 ? draft.emails.join(', ') : 'anyone with the link'}`,
    `as ${draft.role}`,
    draft.groupNames.length > 0 ? `in ${draft.groupNames.join(', ')}` : 'in no group',
    `— ${draft.maxUses} use${draft.maxUses === 1 ? '' : 's'}, valid ${draft.expiresInDays} days` +
      (draft.label ? `, label “${draft.label}”` : '') +
      '?',
  ].join(' ');
}

/** Parses `uses:5 expires:14d label:"…"`; undefined when a part does not fit. */
function parseOptions(text: string, draft: InviteDraft): InviteDraft | undefined {
  const next = { ...draft };
  const pattern = new RegExp(
    `(uses|expires|label):(?:"([^"]{1,${INVITE_LIMITS.labelLength}})"|(\\S+))`,
    'gi',
  );
  const leftover = text.replace(
    pattern,
    (_, key: string, quoted: string | undefined, plain: string | undefined) => {
      const value = quoted ?? plain ?? '';
      if (key.toLowerCase() === 'uses') next.maxUses = Number(value);
      else if (key.toLowerCase() === 'expires') next.expiresInDays = Number(value.replace(/d(ays?)?$/i, ''));
      else next.label = value.slice(0, INVITE_LIMITS.labelLength);
      return '';
    },
  );
  const valid =
    leftover.trim() === '' &&
    Number.isInteger(next.maxUses) &&
    next.maxUses >= 1 &&
    next.maxUses <= INVITE_LIMITS.maxUses &&
    (next.emails.length === 0 || next.maxUses === 1) &&
    Number.isInteger(next.expiresInDays) &&
    next.expiresInDays >= 1 &&
    next.expiresInDays <= INVITE_LIMITS.expiresInDays;
  return valid ? next : undefined;
}

/** An admin invites people: who → role → groups → options → confirm → the link, shown once. */
export const inviteFlow = setup({
  types: {
    context: {} as InviteContext,
    events: {} as FlowEvent,
    input: {} as InviteInput,
    emitted: {} as FlowEmitted,
  },
  actors: {
    createInvites: fromPromise<{ lines: string[] }, { actorId: string; draft: InviteDraft }>(() =>
      notProvided('createInvites'),
    ),
  },
  guards: {
    needsEmails: ({ context }) => context.asked.emails,
    needsRole: ({ context }) => context.asked.role,
    needsGroups: ({ context }) => context.asked.groups,
    needsOptions: ({ context }) => context.asked.options,
    areEmails: ({ event }) =>
      event.type === 'text' &&
      event.text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .every(looksLikeEmail),
    areOptions: ({ context, event }) =>
      event.type === 'text' && parseOptions(event.text, context.draft) !== undefined,
    areGroupNames: ({ event }) =>
      event.type === 'text' &&
      event.text
        .split(',')
        .map((g) => g.trim())
        .every((g) => g.length <= ENTITY_NAME_MAX_LENGTH && ENTITY_NAME_PATTERN.test(g)),
  },
}).createMachine({
  id: 'invite',
  context: ({ input }) => ({
    actorId: input.actorId,
    draft: {
      emails: input.draft.emails ?? [],
      role: input.draft.role ?? 'member',
      groupNames: input.draft.groupNames ?? [],
      maxUses: input.draft.maxUses ?? 1,
      expiresInDays: input.draft.expiresInDays ?? 7,
      label: input.draft.label ?? null,
    },
    asked: {
      emails: !input.oneLine && input.draft.emails === undefined,
      role: !input.oneLine && input.draft.role === undefined,
      groups: !input.oneLine && input.draft.groupNames === undefined,
      options: !input.oneLine,
    },
  }),
  initial: 'routing',
  states: {
    routing: {
      always: [
        { guard: 'needsEmails', target: 'askingEmails' },
        { guard: 'needsRole', target: 'askingRole' },
        { guard: 'needsGroups', target: 'askingGroups' },
        { guard: 'needsOptions', target: 'askingOptions' },
        { target: 'confirming' },
      ],
    },
    askingEmails: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: 'Who is the invite for? Send one or more email addresses, or tap “Anyone with the link”.',
        choices: [[{ label: 'Anyone with the link', value: 'anyone' }]],
      }),
      on: {
        text: [
          {
            guard: 'areEmails',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: {
                ...context.draft,
                emails: [
                  ...new Set(
                    event.text
                      .split(/[\s,;]+/)
                      .filter(Boolean)
                      .map((e) => e.toLowerCase()),
                  ),
                ].slice(0, 50),
              },
              asked: { ...context.asked, emails: false },
            })),
          },
          {
            actions: emit({ type: 'reply', text: 'Those do not all look like email addresses. Try again.' }),
          },
        ],
        choose: {
          guard: ({ event }) => event.value === 'anyone',
          target: 'routing',
          actions: assign(({ context }) => ({ asked: { ...context.asked, emails: false } })),
        },
      },
    },
    askingRole: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: 'Which role?',
        choices: [
          [
            { label: 'Member', value: 'member' },
            { label: 'Admin', value: 'admin' },
          ],
        ],
      }),
      on: {
        choose: {
          guard: ({ event }) => event.value === 'member' || event.value === 'admin',
          target: 'routing',
          actions: assign(({ context, event }) => ({
            draft: {
              ...context.draft,
              role: event.value === 'admin' ? ('admin' as const) : ('member' as const),
            },
            asked: { ...context.asked, role: false },
          })),
        },
      },
    },
    askingGroups: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: 'Which groups should they join? Send names separated by commas, or tap “No groups”.',
        choices: [[{ label: 'No groups', value: 'none' }]],
      }),
      on: {
        text: [
          {
            guard: 'areGroupNames',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: {
                ...context.draft,
                groupNames: event.text
                  .split(',')
                  .map((g) => g.trim())
                  .slice(0, 20),
              },
              asked: { ...context.asked, groups: false },
            })),
          },
          {
            actions: emit({
              type: 'reply',
              text: 'Group names use letters, digits, spaces, _ . and -. Try again.',
            }),
          },
        ],
        choose: {
          guard: ({ event }) => event.value === 'none',
          target: 'routing',
          actions: assign(({ context }) => ({ asked: { ...context.asked, groups: false } })),
        },
      },
    },
    askingOptions: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: 'Anything else? For example: uses:5 expires:14d label:"Spring hires". Or tap “Defaults” (1 use, 7 days).',
        choices: [[{ label: 'Defaults', value: 'defaults' }]],
      }),
      on: {
        text: [
          {
            guard: 'areOptions',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: parseOptions(event.type === 'text' ? event.text : '', context.draft) ?? context.draft,
              asked: { ...context.asked, options: false },
            })),
          },
          {
            actions: emit({
              type: 'reply',
              text: 'I could not read that. Uses 1–1000 (1 for an invite to an email), expiry 1–90 days.',
            }),
          },
        ],
        choose: {
          guard: ({ event }) => event.value === 'defaults',
          target: 'routing',
          actions: assign(({ context }) => ({ asked: { ...context.asked, options: false } })),
        },
      },
    },
    confirming: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({
        type: 'reply' as const,
        text: summary(context.draft),
        choices: [[{ label: 'Create', value: 'create' }, CANCEL_CHOICE]],
      })),
      on: {
        choose: [
          { guard: ({ event }) => event.value === 'create', target: 'creating' },
          {
            guard: isCancel,
            target: 'cancelled',
            actions: emit({ type: 'reply', text: 'Cancelled. No invite was created.' }),
          },
        ],
      },
    },
    creating: {
      invoke: {
        src: 'createInvites',
        input: ({ context }) => ({ actorId: context.actorId, draft: context.draft }),
        onDone: {
          target: 'created',
          actions: emit(({ event }) => ({
            type: 'reply' as const,
            text: event.output.lines.join('\n'),
            private: true,
          })),
        },
        onError: {
          target: 'created',
          actions: emit(reportFailure),
        },
      },
    },
    created: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
