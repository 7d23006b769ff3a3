import { exportAuditCsv, queryAudit } from '../../domain/audit.js';
import { AUDIT_ACTIONS, type AuditAction } from '../../domain/enums.js';
import { findUser } from '../../domain/users.js';
import { takeOptions, tokenize, UsageError } from '../args.js';
import { joined, msg } from '../../i18n/message.js';
import { text } from '../outbound.js';
import { minute } from './format.js';
import { reply, type CommandSpec } from './types.js';

export const auditCommands: CommandSpec[] = [
  {
    name: 'audit',
    audience: 'admin',
    usage: msg('audit-command-usage'),
    summary: msg('audit-command-summary'),
    answersPrivately: true,
    run: async (ctx) => {
      const { store } = ctx.deps;
      const tokens = tokenize(ctx.args);
      // A sub-command, never a search: `/audit export now` is refused rather than read as a person.
      if (tokens[0]?.toLowerCase() === 'export') {
        if (tokens.length > 1) throw new UsageError(msg('audit-export-takes-nothing'));
        const { csv, rows, total } = await exportAuditCsv(store, { actorId: ctx.user.id });
        return reply({
          type: 'file',
          name: `gatehouse-audit-${new Date().toISOString().slice(0, 10)}.csv`,
          mimeType: 'text/csv',
          content: csv,
          caption: rows < total ? msg('audit-export-newest', { rows, total }) : msg('audit-export-all'),
          privately: true,
        });
      }
      const { options, rest } = takeOptions(tokens, ['limit', 'before']);
      const beforeId = options.before;
      if (beforeId !== undefined && !/^\d{1,18}$/.test(beforeId))
        throw new UsageError(msg('audit-before-is-a-number'));
      const limit = options.limit === undefined ? 20 : Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200)
        throw new UsageError(msg('audit-limit-range', { max: 200 }));
      let action: AuditAction | undefined;
      let userId: string | undefined;
      for (const token of rest) {
        if ((AUDIT_ACTIONS as readonly string[]).includes(token)) action = token as AuditAction;
        else if (!userId) userId = (await findUser(store, token)).id;
        else throw new UsageError(msg('audit-one-person', { token: token.slice(0, 40) }));
      }
      const rows = await queryAudit(store, {
        actorId: ctx.user.id,
        limit,
        ...(userId ? { userId } : {}),
        ...(action ? { action } : {}),
        ...(beforeId ? { beforeId } : {}),
      });
      if (rows.length === 0) return reply(text(msg('audit-none-match')));
      const lines = rows.map((r) =>
        msg('audit-line', {
          // The entry's number as typed in before:<n>, never grouped by the reader's number format.
          id: String(r.id),
          when: minute(r.at),
          action: r.action,
          actor: r.actorName,
          rest:
            (r.targetName || r.targetEmail
              ? ` · ${r.targetName ?? ''}${r.targetEmail ? ` <${r.targetEmail}>` : ''}`
              : '') + (Object.keys(r.details).length > 0 ? ` · ${JSON.stringify(r.details)}` : ''),
        }),
      );
      const oldest = rows[rows.length - 1]!.id;
      const older = rows.length === limit && rest.length === 0 && options.limit === undefined;
      return reply(
        text(
          joined(lines, 'line'),
          // i18n-exempt: a button's command, never shown
          older ? { buttons: [[{ label: msg('audit-older'), action: `/audit before:${oldest}` }]] } : {},
        ),
      );
    },
  },
];
