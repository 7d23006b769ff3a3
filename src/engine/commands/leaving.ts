import { exportOwnData } from '../../domain/data-export.js';
import { msg } from '../../i18n/message.js';
import { refuseArguments, UsageError } from '../args.js';
import { reply, type CommandSpec } from './types.js';
import { resolveTarget, viaHandle } from './users.js';

export const leavingCommands: CommandSpec[] = [
  {
    name: 'export',
    audience: 'member',
    usage: 'export',
    summary: msg('export-command-summary'),
    allowDeactivated: true,
    answersPrivately: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'export');
      const data = await exportOwnData(ctx.deps.store, { userId: ctx.user.id });
      return reply({
        type: 'file',
        name: `gatehouse-my-data-${data.exportedAt.slice(0, 10)}.json`,
        mimeType: 'application/json',
        content: JSON.stringify(data, null, 2),
        caption: msg('export-caption'),
        privately: true,
      });
    },
  },
  {
    name: 'deleteme',
    audience: 'member',
    usage: 'deleteme',
    summary: msg('deleteme-command-summary'),
    allowDeactivated: true,
    privateOnly: true,
    run: async (ctx) => {
      refuseArguments(ctx.args, 'deleteme');
      return { startFlow: 'deleteMe', input: { userId: ctx.user.id } };
    },
  },
  {
    name: 'delete',
    audience: 'admin',
    usage: msg('delete-command-usage'),
    summary: msg('delete-command-summary'),
    privateOnly: true,
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const found = await resolveTarget(ctx, ctx.args);
      return {
        startFlow: 'deleteUser',
        input: { actorId: ctx.user.id, userId: found.user.id, ...viaHandle(ctx, found) },
      };
    },
  },
];
