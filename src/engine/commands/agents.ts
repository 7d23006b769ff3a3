import {
  createAgent,
  deleteAgent,
  listAgentsForAdmin,
  listVisibleAgents,
  setAgentAccess,
} from '../../domain/agents.js';
import { UnknownAgentError } from '../../domain/errors.js';
import { exactValues, refuseArguments, tokenize, UsageError } from '../args.js';
import { text } from '../outbound.js';
import { reply, type CommandSpec } from './types.js';

/** `/ask "Help Desk" <text>`: a quoted agent name (straight or curly quotes), then the message. */
const QUOTED_AGENT = /^["“]([^"”]*)["”]\s*([\s\S]*)$/u;

export const agentCommands: CommandSpec[] = [
  {
    name: 'agents',
    stateless: true,
    audience: 'member',
    usage: 'agents',
    summary: 'the agents you may use',
    run: async (ctx) => {
      refuseArguments(ctx.args, 'agents');
      const { store } = ctx.deps;
      if (ctx.user.role === 'admin') {
        const agents = await listAgentsForAdmin(store, { actorId: ctx.user.id });
        const lines = agents.map(
          (a) =>
            `${a.name} · ${a.visibility === 'all' ? 'everyone' : `groups: ${a.groupNames.join(', ') || 'none'}`} · ` +
            `${a.users} ${a.users === 1 ? 'person' : 'people'}${a.description ? ` · ${a.description}` : ''}`,
        );
        const own = (await listVisibleAgents(store, ctx.user.id)).filter((a) => a.ownerId === ctx.user.id);
        return reply(
          text(
            [
              lines.length > 0
                ? `Agents:\n${lines.join('\n')}`
                : 'No shared agents yet. Create one with /agent create <name>.',
              ...own.map((a) => `Your personal agent: ${a.name}`),
            ].join('\n'),
          ),
        );
      }
      const agents = await listVisibleAgents(store, ctx.user.id);
      if (agents.length === 0) return reply(text('There are no agents you can use yet.'));
      return reply(
        text(
          `Agents you can use:\n${agents.map((a) => `${a.name}${a.ownerId ? ' (yours)' : ''}${a.description ? ` · ${a.description}` : ''}`).join('\n')}`,
          {
            buttons: agents
              .slice(0, 10)
              .map((a) => [{ label: `Talk to ${a.name}`, action: `/ask id:${a.id}` }]),
          },
        ),
      );
    },
  },
  {
    name: 'ask',
    audience: 'member',
    usage: 'ask <agent> <text>',
    summary: 'talk to an agent; later messages go to it until /cancel',
    privateOnly: true,
    run: async (ctx) => {
      if (!ctx.args) throw new UsageError();
      const agents = await listVisibleAgents(ctx.deps.store, ctx.user.id);
      const byId = ctx.args.match(/^id:(\S+)$/)?.[1];
      const quoted = QUOTED_AGENT.exec(ctx.args);
      const lower = ctx.args.toLowerCase();
      // Agent names may contain spaces, quoted or not: unquoted, the longest name the text starts with wins.
      const agent = byId
        ? agents.find((a) => a.id === byId)
        : quoted
          ? agents.find((a) => a.name.toLowerCase() === quoted[1]!.toLowerCase())
          : agents
              .filter((a) => lower === a.name.toLowerCase() || lower.startsWith(`${a.name.toLowerCase()} `))
              .sort((a, b) => b.name.length - a.name.length)[0];
      if (!agent)
        throw new UnknownAgentError(byId ? 'that agent' : (quoted?.[1] ?? ctx.args.split(/\s+/)[0] ?? ''));
      const message = byId ? '' : quoted ? quoted[2]! : ctx.args.slice(agent.name.length).trim();
      return {
        startFlow: 'agentChat',
        input: { userId: ctx.user.id, agentName: agent.name, firstMessage: message || null },
      };
    },
  },
  {
    name: 'agent',
    audience: 'admin',
    usage: 'agent create <name> [description] · agent access <name> all|<group>… · agent delete <name>',
    summary: 'create agents and decide who may use them',
    run: async (ctx) => {
      const [verb = '', ...values] = tokenize(ctx.args);
      const [name = '', ...rest] = values;
      const { store } = ctx.deps;
      const actorId = ctx.user.id;
      switch (verb.toLowerCase()) {
        case 'create': {
          if (!name) throw new UsageError();
          const description = rest.join(' ');
          const agent = await createAgent(store, { actorId, name, description });
          // Said back, so a name with spaces typed without quotes shows where it was split.
          const described = description ? ` (described as “${description}”)` : '';
          return reply(
            text(
              `Agent ${agent.name}${described} is created, open to everyone. Restrict it with /agent access.`,
            ),
          );
        }
        case 'access': {
          if (!name || rest.length === 0) throw new UsageError();
          const access = rest.length === 1 && rest[0]!.toLowerCase() === 'all' ? 'all' : rest;
          const after = await setAgentAccess(store, { actorId, agentName: name, access });
          return reply(
            text(`${name}: ${after === 'all' ? 'everyone may use it' : `only ${after.join(', ')}`}.`),
          );
        }
        case 'delete': {
          const [agentName] = exactValues(
            values,
            1,
            'Agent names with spaces go in quotes, like /agent delete "Help Desk"',
          );
          return reply(
            text(`Agent ${(await deleteAgent(store, { actorId, agentName: agentName! })).name} is deleted.`),
          );
        }
        default:
          throw new UsageError();
      }
    },
  },
];
