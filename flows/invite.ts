import { assign, emit, fromPromise, setup } from 'xstate';
import { looksLikeEmail, notProvided, type Choice, type FlowEmitted, type FlowEvent } from './types.js';
import { joined, msg, type Message } from '../src/i18n/message.js';
import { ENTITY_NAME_MAX_LENGTH, ENTITY_NAME_PATTERN, INVITE_LIMITS } from '../src/domain/limits.js';
import { CANCEL_CHOICE, isCancel, reportFailure } from './kit.js';
import { isToggle, MAX_GROUP_TOGGLES, toggled, toggleOptions, toggleRows } from './group-toggles.js';
import type { Text } from '../src/i18n/message.js';

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

/** An existing group offered as a toggle; its index in the list is the button's value. */
export interface GroupOption {
  name: string;
}

interface InviteContext {
  actorId: string;
  draft: InviteDraft;
  asked: { emails: boolean; role: boolean; groups: boolean; options: boolean };
  /** The groups that existed when the groups step was asked, in the order of its buttons. */
  groupOptions: GroupOption[];
}

const MAX_INVITE_GROUPS = 20;

/** Each step's buttons, shown with its question and again with a refusal so the step can be answered there. */
const ANYONE_CHOICES = [[{ label: msg('invite-anyone'), value: 'anyone' }]];
const ROLE_CHOICES = [
  [
    { label: msg('invite-role-member'), value: 'member' },
    { label: msg('invite-role-admin'), value: 'admin' },
  ],
];
const DEFAULTS_CHOICES = [[{ label: msg('invite-defaults'), value: 'defaults' }]];

function emailWords(text: string): string[] {
  return text.split(/[\s,;]+/).filter(Boolean);
}

function typedGroupNames(text: string): string[] {
  return text
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean);
}

function isGroupName(name: string): boolean {
  return name.length <= ENTITY_NAME_MAX_LENGTH && ENTITY_NAME_PATTERN.test(name);
}

/** Typed names resolved to the existing groups' spelling; `unknown` lists those that do not exist. */
function resolveTypedGroups(
  text: string,
  options: readonly GroupOption[],
): { names: string[]; unknown: string[] } {
  const names: string[] = [];
  const unknown: string[] = [];
  for (const typed of typedGroupNames(text)) {
    const existing = options.find((o) => o.name.toLowerCase() === typed.toLowerCase());
    if (!existing) unknown.push(typed);
    else if (!names.includes(existing.name)) names.push(existing.name);
  }
  return { names, unknown };
}

/** The groups with a toggle button: the first by name; the others are typed. */
function toggledNames(context: InviteContext): string[] {
  return toggleOptions(context.groupOptions.map((o) => o.name));
}

function groupsQuestion(context: InviteContext): { text: Text; choices: Choice[][] } {
  const selected = context.draft.groupNames;
  const rows = toggleRows(toggledNames(context), selected);
  const total = context.groupOptions.length;
  rows.push(
    selected.length > 0
      ? [{ label: msg('invite-groups-done'), value: 'done' }]
      : [{ label: msg('invite-groups-none'), value: 'none' }],
  );
  const question = msg('invite-ask-groups', {
    count: selected.length,
    selected: selected.join(', '),
    groups: total > 0 ? 'some' : 'none',
  });
  return {
    text:
      total > MAX_GROUP_TOGGLES
        ? joined([question, msg('group-toggles-more', { shown: MAX_GROUP_TOGGLES, total })], 'line')
        : question,
    choices: rows,
  };
}

function toggledGroup(context: InviteContext, value: string): string[] {
  return toggled(toggledNames(context), context.draft.groupNames, value).slice(0, MAX_INVITE_GROUPS);
}

function summary(draft: InviteDraft): Message {
  const facts = {
    emails: draft.emails.join(', '),
    emailCount: draft.emails.length,
    role: draft.role,
    groups: draft.groupNames.join(', '),
    groupCount: draft.groupNames.length,
    uses: draft.maxUses,
    days: draft.expiresInDays,
  };
  return draft.label
    ? msg('invite-summary-labelled', { ...facts, label: draft.label })
    : msg('invite-summary', facts);
}

/** Parses `uses:5 expires:14d label:"…"`; `problem` says in the person's words what does not fit. */
function parseOptions(text: string, draft: InviteDraft): { draft: InviteDraft } | { problem: Message } {
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
  if (leftover.trim() !== '') return { problem: msg('invite-option-unknown', { text: leftover.trim() }) };
  if (!Number.isInteger(next.maxUses) || next.maxUses < 1 || next.maxUses > INVITE_LIMITS.maxUses)
    return { problem: msg('invite-option-uses', { max: String(INVITE_LIMITS.maxUses) }) };
  if (next.emails.length > 0 && next.maxUses !== 1) return { problem: msg('invite-option-email-uses') };
  if (
    !Number.isInteger(next.expiresInDays) ||
    next.expiresInDays < 1 ||
    next.expiresInDays > INVITE_LIMITS.expiresInDays
  )
    return { problem: msg('invite-option-expires', { max: String(INVITE_LIMITS.expiresInDays) }) };
  return { draft: next };
}

/** The draft with the options read from `text`; unchanged when they do not fit (the guard refused those). */
function draftWithOptions(text: string, draft: InviteDraft): InviteDraft {
  const parsed = parseOptions(text, draft);
  return 'draft' in parsed ? parsed.draft : draft;
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
    createInvites: fromPromise<{ issued: Text }, { actorId: string; draft: InviteDraft }>(() =>
      notProvided('createInvites'),
    ),
    listGroupOptions: fromPromise<GroupOption[], { actorId: string }>(() => notProvided('listGroupOptions')),
  },
  guards: {
    needsEmails: ({ context }) => context.asked.emails,
    needsRole: ({ context }) => context.asked.role,
    needsGroups: ({ context }) => context.asked.groups,
    needsOptions: ({ context }) => context.asked.options,
    areEmails: ({ event }) => event.type === 'text' && emailWords(event.text).every(looksLikeEmail),
    areOptions: ({ context, event }) =>
      event.type === 'text' && 'draft' in parseOptions(event.text, context.draft),
    areGroupNames: ({ event }) => event.type === 'text' && typedGroupNames(event.text).every(isGroupName),
    areExistingGroups: ({ context, event }) =>
      event.type === 'text' && resolveTypedGroups(event.text, context.groupOptions).unknown.length === 0,
    isRoleWord: ({ event }) => event.type === 'text' && /^(member|admin)$/i.test(event.text.trim()),
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
    groupOptions: [],
  }),
  initial: 'routing',
  states: {
    routing: {
      always: [
        { guard: 'needsEmails', target: 'askingEmails' },
        { guard: 'needsRole', target: 'askingRole' },
        { guard: 'needsGroups', target: 'loadingGroups' },
        { guard: 'needsOptions', target: 'askingOptions' },
        { target: 'confirming' },
      ],
    },
    askingEmails: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: msg('invite-ask-emails'),
        choices: ANYONE_CHOICES,
      }),
      on: {
        text: [
          {
            guard: 'areEmails',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: {
                ...context.draft,
                emails: [...new Set(emailWords(event.text).map((e) => e.toLowerCase()))].slice(0, 50),
              },
              asked: { ...context.asked, emails: false },
            })),
          },
          {
            actions: emit(({ event }) => ({
              type: 'reply' as const,
              text: msg('invite-not-emails', {
                words: emailWords(event.type === 'text' ? event.text : '')
                  .filter((word) => !looksLikeEmail(word))
                  .map((word) => `“${word}”`)
                  .join(', '),
              }),
              choices: ANYONE_CHOICES,
            })),
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
        text: msg('invite-ask-role'),
        choices: ROLE_CHOICES,
      }),
      on: {
        text: [
          {
            guard: 'isRoleWord',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: {
                ...context.draft,
                role:
                  event.type === 'text' && /admin/i.test(event.text)
                    ? ('admin' as const)
                    : ('member' as const),
              },
              asked: { ...context.asked, role: false },
            })),
          },
          {
            actions: emit({
              type: 'reply',
              text: msg('invite-role-refused'),
              choices: ROLE_CHOICES,
            }),
          },
        ],
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
    loadingGroups: {
      invoke: {
        src: 'listGroupOptions',
        input: ({ context }) => ({ actorId: context.actorId }),
        onDone: { target: 'askingGroups', actions: assign({ groupOptions: ({ event }) => event.output }) },
        onError: { target: 'cancelled', actions: emit(reportFailure) },
      },
    },
    askingGroups: {
      tags: ['waiting'],
      entry: emit(({ context }) => ({ type: 'reply' as const, ...groupsQuestion(context) })),
      on: {
        text: [
          {
            guard: 'areExistingGroups',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: {
                ...context.draft,
                groupNames: resolveTypedGroups(
                  event.type === 'text' ? event.text : '',
                  context.groupOptions,
                ).names.slice(0, MAX_INVITE_GROUPS),
              },
              asked: { ...context.asked, groups: false },
            })),
          },
          {
            guard: 'areGroupNames',
            actions: emit(({ context, event }) => ({
              type: 'reply' as const,
              text: msg(context.groupOptions.length > 0 ? 'invite-no-such-group' : 'invite-no-groups-yet', {
                unknown: resolveTypedGroups(event.type === 'text' ? event.text : '', context.groupOptions)
                  .unknown.map((name) => `“${name}”`)
                  .join(', '),
                groups: context.groupOptions.map((o) => o.name).join(', '),
              }),
              choices: groupsQuestion(context).choices,
            })),
          },
          {
            actions: emit(({ context }) => ({
              type: 'reply' as const,
              text: msg('invite-group-name-refused'),
              choices: groupsQuestion(context).choices,
            })),
          },
        ],
        choose: [
          {
            guard: ({ event }) => isToggle(event.value),
            target: 'askingGroups',
            reenter: true,
            actions: assign(({ context, event }) => ({
              draft: { ...context.draft, groupNames: toggledGroup(context, event.value) },
            })),
          },
          {
            guard: ({ event }) => event.value === 'done',
            target: 'routing',
            actions: assign(({ context }) => ({ asked: { ...context.asked, groups: false } })),
          },
          {
            guard: ({ event }) => event.value === 'none',
            target: 'routing',
            actions: assign(({ context }) => ({
              draft: { ...context.draft, groupNames: [] },
              asked: { ...context.asked, groups: false },
            })),
          },
        ],
      },
    },
    askingOptions: {
      tags: ['waiting'],
      entry: emit({
        type: 'reply',
        text: msg('invite-ask-options'),
        choices: DEFAULTS_CHOICES,
      }),
      on: {
        text: [
          {
            guard: 'areOptions',
            target: 'routing',
            actions: assign(({ context, event }) => ({
              draft: draftWithOptions(event.type === 'text' ? event.text : '', context.draft),
              asked: { ...context.asked, options: false },
            })),
          },
          {
            actions: emit(({ context, event }) => {
              const parsed = parseOptions(event.type === 'text' ? event.text : '', context.draft);
              return {
                type: 'reply' as const,
                text: msg('invite-options-unreadable', {
                  problem: 'problem' in parsed ? parsed.problem : '',
                }),
                choices: DEFAULTS_CHOICES,
              };
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
        choices: [[{ label: msg('invite-create'), value: 'create' }, CANCEL_CHOICE]],
      })),
      on: {
        choose: [
          { guard: ({ event }) => event.value === 'create', target: 'creating' },
          {
            guard: isCancel,
            target: 'cancelled',
            actions: emit({ type: 'reply', text: msg('invite-cancelled') }),
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
            text: event.output.issued,
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
