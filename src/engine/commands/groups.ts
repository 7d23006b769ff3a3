import { addToGroup, createGroup, listGroups, removeFromGroup } from '../../domain/groups.js';
import { findUser } from '../../domain/users.js';
import { exactValues, refuseArguments, tokenize, UsageError } from '../args.js';
import { joined, msg, type Message } from '../../i18n/message.js';
import { text } from '../outbound.js';
import { tellAccountChanged } from '../effects/account-notices.js';
import { reply, type CommandSpec } from './types.js';

/** How to write a group name that has spaces, shown in place of cutting it to its first word. */
function quoteHint(example: string): Message {
  return msg('group-quote-hint', { example });
}

export const groupCommands: CommandSpec[] = [
  {
    name: 'groups',
    audience: 'admin',
    usage: 'groups',
    summary: msg('groups-command-summary'),
    run: async (ctx) => {
      refuseArguments(ctx.args, 'groups');
      const groups = await listGroups(ctx.deps.store, { actorId: ctx.user.id });
      if (groups.length === 0) return reply(text(msg('groups-none')));
      return reply(
        text(
          joined(
            groups.map((g) => msg('groups-line', { name: g.name, members: g.members })),
            'line',
          ),
        ),
      );
    },
  },
  {
    name: 'group',
    audience: 'admin',
    usage: msg('group-command-usage'),
    summary: msg('group-command-summary'),
    run: async (ctx) => {
      const [verb = '', ...values] = tokenize(ctx.args);
      const { store } = ctx.deps;
      const actorId = ctx.user.id;
      const action = verb.toLowerCase();
      switch (action) {
        case 'create': {
          const [name] = exactValues(
            values,
            1,
            // i18n-exempt: a command as it is typed, the hint's example
            quoteHint(`/group create "Sales Team"`),
          );
          return reply(
            text(msg('group-created', { name: (await createGroup(store, { actorId, name: name! })).name })),
          );
        }
        case 'delete': {
          // Asks first, saying what the deletion takes away.
          const [name] = exactValues(
            values,
            1,
            // i18n-exempt: a command as it is typed, the hint's example
            quoteHint(`/group delete "Sales Team"`),
          );
          return { startFlow: 'deleteGroup', input: { actorId, name: name! } };
        }
        case 'add':
        case 'remove': {
          const [name, who] = exactValues(
            values,
            2,
            // i18n-exempt: a command as it is typed, the hint's example
            quoteHint(`/group ${action} "Sales Team" @ada`),
          );
          const target = await findUser(store, who!, ctx.inbound.platform);
          const change = action === 'add' ? addToGroup : removeFromGroup;
          const groups = await change(store, { actorId, groupName: name!, userId: target.id });
          tellAccountChanged(ctx.deps, { actorId, userId: target.id }, { kind: 'groups', groups });
          return reply(
            text(
              msg('group-member-groups', {
                name: target.name,
                groups: groups.length > 0 ? groups.join(', ') : msg('fact-none'),
              }),
            ),
          );
        }
        default:
          throw new UsageError();
      }
    },
  },
];
