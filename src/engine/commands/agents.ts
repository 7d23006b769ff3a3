import {
  createAgent,
  deleteAgent,
  listAgentsForAdmin,
  listVisibleAgents,
  setAgentAccess,
} from '../../domain/agents.js';
import { UnknownAgentError } from '../../domain/errors.js';
import { exactValues, refuseArguments, tokenize, UsageError } from '../args.js';
import { joined, msg, type Message } from '../../i18n/message.js';
import type { AgentRow } from '../../store/agents.js';
import { keptReply, text, type Outbound } from '../outbound.js';
import { reply, type CommandSpec } from './types.js';

/** `/ask "Help Desk" <text>`: a quoted agent name (straight or curly quotes), then the message. */
const QUOTED_AGENT = /^["“]([^"”]*)["”]\s*([\s\S]*)$/u;

/** An agent's description after its name in a list (" · Answers IT questions"), or nothing. */
function described(description: string | null): string {
  return description ? ` · ${description}` : '';
}

/**
 * A member's answer to `/agents`, kept with the list it lists: a list kept while access is unchanged
 * (src/store/access-epoch.ts) is the same array on every update, so its answer is built once, frozen
 * (so `localize` words it once per language), and dropped with the list when access changes.
 */
const usableAgentsReplies = new WeakMap<readonly AgentRow[], Outbound>();

function usableAgentsReply(agents: readonly AgentRow[]): Outbound {
  let kept = usableAgentsReplies.get(agents);
  if (!kept) {
    kept = keptReply(usableAgentsAnswer(agents));
    usableAgentsReplies.set(agents, kept);
  }
  return kept;
}

function usableAgentsAnswer(agents: readonly AgentRow[]): Outbound {
  if (agents.length === 0) return text(msg('agents-none-usable'));
  const lines = agents.map((a): Message | string =>
    a.ownerId
      ? msg('agents-usable-own', {
          name: a.name,
          described: a.description ? described(a.description) : msg('agents-own-described'),
        })
      : a.name + described(a.description),
  );
  const talkTo = (a: AgentRow) => ({
    label: msg('agents-talk-to', { name: a.name }),
    // i18n-exempt: a button's command, never shown
    action: `/ask id:${a.id}`,
  });
  return text(msg('agents-usable', { lines: joined(lines, 'line') }), {
    buttons: agents.slice(0, 10).map((a) => [talkTo(a)]),
  });
}

export const agentCommands: CommandSpec[] = [
  {
    name: 'agents',
    stateless: true,
    audience: 'member',
    usage: 'agents',
    summary: msg('agents-command-summary'),
    run: async (ctx) => {
      refuseArguments(ctx.args, 'agents');
      const { store } = ctx.deps;
      if (ctx.user.role === 'admin') {
        const agents = await listAgentsForAdmin(store, { actorId: ctx.user.id });
        const lines = agents.map((a) =>
          msg('agents-admin-line', {
            name: a.name,
            access:
              a.visibility === 'all'
                ? msg('agents-access-everyone')
                : msg('agents-access-groups', { groups: a.groupNames.join(', ') || msg('fact-none') }),
            users: a.users,
            described: described(a.description),
          }),
        );
        const own = (await listVisibleAgents(store, ctx.user.id)).filter((a) => a.ownerId === ctx.user.id);
        return reply(
          text(
            joined(
              [
                lines.length > 0
                  ? msg('agents-list', { lines: joined(lines, 'line') })
                  : msg('agents-no-shared'),
                ...own.map((a) => msg('agents-personal', { name: a.name })),
              ],
              'line',
            ),
          ),
        );
      }
      return reply(usableAgentsReply(await listVisibleAgents(store, ctx.user.id)));
    },
  },
  {
    name: 'ask',
    audience: 'member',
    usage: msg('ask-command-usage'),
    summary: msg('ask-command-summary'),
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
      // A stale button names an agent by id, which means nothing to the person.
      if (!agent && byId) return reply(text(msg('ask-agent-gone')));
      if (!agent) throw new UnknownAgentError(quoted?.[1] ?? ctx.args.split(/\s+/)[0] ?? '');
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
    usage: msg('agent-command-usage'),
    summary: msg('agent-command-summary'),
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
          return reply(
            text(
              description
                ? msg('agent-created-described', { name: agent.name, description })
                : msg('agent-created', { name: agent.name }),
            ),
          );
        }
        case 'access': {
          if (!name || rest.length === 0) throw new UsageError();
          const access = rest.length === 1 && rest[0]!.toLowerCase() === 'all' ? 'all' : rest;
          const after = await setAgentAccess(store, { actorId, agentName: name, access });
          return reply(
            text(
              after === 'all'
                ? msg('agent-open-to-everyone', { name })
                : msg('agent-open-to-groups', { name, groups: after.join(', ') }),
            ),
          );
        }
        case 'delete': {
          const [agentName] = exactValues(values, 1, msg('agent-quote-hint'));
          return reply(
            text(
              msg('agent-deleted', {
                name: (await deleteAgent(store, { actorId, agentName: agentName! })).name,
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
