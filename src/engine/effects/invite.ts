import { fromPromise } from 'xstate';
import type { GroupOption, inviteFlow, InviteDraft } from '../../../flows/invite.js';
import { listGroups } from '../../domain/groups.js';
import { createInvites } from '../../domain/invites.js';
import type { EngineDeps } from '../deps.js';
import { codeMark } from '../outbound.js';

type Implementations = Parameters<typeof inviteFlow.provide>[0];

export function inviteEffects(deps: EngineDeps): Implementations {
  return {
    actors: {
      listGroupOptions: fromPromise<GroupOption[], { actorId: string }>(async ({ input }) =>
        (await listGroups(deps.store, { actorId: input.actorId })).map((group) => ({ name: group.name })),
      ),
      createInvites: fromPromise<{ lines: string[] }, { actorId: string; draft: InviteDraft }>(
        async ({ input }) => {
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
            `Invite ${invite.id.slice(0, 8)} for ${invite.email ?? 'anyone with the link'} (${invite.role}, ` +
              `${invite.maxUses} use${invite.maxUses === 1 ? '' : 's'}, until ${invite.expiresAt.toISOString().slice(0, 10)}):`,
            codeMark(payload),
          ]);
          return { lines: [...lines, 'This is the only time the link is shown. Send it to them privately.'] };
        },
      ),
    },
  };
}
