import { addToGroup, createGroup, listGroups, removeFromGroup } from '../../domain/groups.js';
import { findUser } from '../../domain/users.js';
import { exactValues, refuseArguments, tokenize, UsageError } from '../args.js';
import { text } from '../outbound.js';
import { tellAccountChanged } from '../effects/account-notices.js';
import { reply, type CommandSpec } from './types.js';

/** How to write a group name that has spaces, shown in place of cutting it to its first word. */
function quoteHint(example: string): string {
  return `Group names with spaces go in quotes, like ${example}`;
}

export const groupCommands: CommandSpec[] = [
  {
    name: 'groups',
    audience: 'admin',
    usage: 'groups',
    summary: 'groups and how many people are in each',
    run: async (ctx) => {
      refuseArguments(ctx.args, 'groups');
      const groups = await listGroups(ctx.deps.store, { actorId: ctx.user.id });
      if (groups.length === 0) return reply(text('No groups yet. Create one with /group create <name>.'));
      return reply(
        text(
          groups.map((g) => `${g.name} · ${g.members} active member${g.members === 1 ? '' : 's'}`).join('\n'),
        ),
      );
    },
  },
  {
    name: 'group',
    audience: 'admin',
    usage: 'group create|delete <name> · group add|remove <name> <user>',
    summary: 'create or delete a group; add or remove a person',
    run: async (ctx) => {
      const [verb = '', ...values] = tokenize(ctx.args);
      const { store } = ctx.deps;
      const actorId = ctx.user.id;
      const action = verb.toLowerCase();
      switch (action) {
        case 'create': {
          const [name] = exactValues(values, 1, quoteHint(`/group create "Sales Team"`));
          return reply(
            text(`Group ${(await createGroup(store, { actorId, name: name! })).name} is created.`),
          );
        }
        case 'delete': {
          // Asks first, saying what the deletion takes away.
          const [name] = exactValues(values, 1, quoteHint(`/group delete "Sales Team"`));
          return { startFlow: 'deleteGroup', input: { actorId, name: name! } };
        }
        case 'add':
        case 'remove': {
          const [name, who] = exactValues(values, 2, quoteHint(`/group ${action} "Sales Team" @ada`));
          const target = await findUser(store, who!, ctx.inbound.platform);
          const change = action === 'add' ? addToGroup : removeFromGroup;
          const groups = await change(store, { actorId, groupName: name!, userId: target.id });
          tellAccountChanged(ctx.deps, { actorId, userId: target.id }, { kind: 'groups', groups });
          return reply(text(`${target.name}'s groups: ${groups.length > 0 ? groups.join(', ') : 'none'}.`));
        }
        default:
          throw new UsageError();
      }
    },
  },
];
