import { turnEffect } from './turn-effect.js';
import type { GroupOption, inviteFlow, InviteDraft } from '../../../flows/invite.js';
import { listGroups } from '../../domain/groups.js';
import { createInvites } from '../../domain/invites.js';
import { joined, msg, type Text } from '../../i18n/message.js';
import { codeMark } from '../outbound.js';

type Implementations = Parameters<typeof inviteFlow.provide>[0];

export function inviteEffects(): Implementations {
  return {
    actors: {
      listGroupOptions: turnEffect<GroupOption[], { actorId: string }>(async (deps, input) =>
        (await listGroups(deps.store, { actorId: input.actorId })).map((group) => ({ name: group.name })),
      ),
      createInvites: turnEffect<{ issued: Text }, { actorId: string; draft: InviteDraft }>(
        async (deps, input) => {
          const issued = await createInvites(deps.store, {
            actorId: input.actorId,
            emails: input.draft.emails,
            role: input.draft.role,
            groupNames: input.draft.groupNames,
            maxUses: input.draft.maxUses,
            expiresInDays: input.draft.expiresInDays,
            label: input.draft.label,
            ...(deps.settings.seatLimit ? { seatLimit: deps.settings.seatLimit } : {}),
          });
          const lines = issued.flatMap(({ invite, payload }) => [
            msg('engine-invite-issued', {
              ref: invite.id.slice(0, 8),
              who: invite.email ?? msg('engine-invite-anyone'),
              role: invite.role,
              uses: invite.maxUses,
              until: invite.expiresAt.toISOString().slice(0, 10),
            }),
            codeMark(payload),
          ]);
          return { issued: joined([...lines, msg('engine-invite-shown-once')], 'line') };
        },
      ),
    },
  };
}
