import { turnEffect } from './turn-effect.js';
import type { manageUserFlow, UserPanel } from '../../../flows/manage-user.js';
import { listGroups, setUserGroups } from '../../domain/groups.js';
import { issueResetLink } from '../../domain/resets.js';
import { changeRole, deactivateUser, getUserDetail, reactivateUser } from '../../domain/users.js';
import { codeMark } from '../outbound.js';
import { ago } from '../commands/format.js';
import { sendResetLink, tellAccountChanged } from './account-notices.js';

type Implementations = Parameters<typeof manageUserFlow.provide>[0];

/** The manage-user flow's effects, from the user, group and reset rules. */
export function manageUserEffects(): Implementations {
  return {
    actors: {
      loadPanel: turnEffect<UserPanel, { actorId: string; userId: string }>(async (deps, input) => {
        const [detail, groups] = await Promise.all([
          getUserDetail(deps.store, input),
          listGroups(deps.store, { actorId: input.actorId }),
        ]);
        const { user } = detail;
        return {
          name: user.name,
          email: user.email,
          role: user.role,
          status: user.status,
          groups: detail.groups,
          platforms: [...new Set(detail.identities.map((i) => i.platform))],
          lastSeen: ago(user.lastSeenAt),
          allGroups: groups.map((g) => g.name),
          openInvites: detail.openInvites,
          liveResetLinks: detail.liveResetLinks,
          reachable: deps.notices?.canReach(detail.identities) ?? false,
        };
      }),
      changeRole: turnEffect(async (deps, input) => {
        await changeRole(deps.store, input);
        tellAccountChanged(deps, input, { kind: 'role', role: input.role });
      }),
      setGroups: turnEffect(async (deps, input) => {
        const groups = await setUserGroups(deps.store, input);
        tellAccountChanged(deps, input, { kind: 'groups', groups });
        return groups;
      }),
      sendResetLink: turnEffect(async (deps, input) => sendResetLink(deps, input)),
      issueResetLink: turnEffect(async (deps, input) => {
        const { payload } = await issueResetLink(deps.store, input);
        return { instructions: [codeMark(payload)] };
      }),
      deactivate: turnEffect(async (deps, input) => {
        await deactivateUser(deps.store, input);
        tellAccountChanged(deps, input, { kind: 'deactivated' });
      }),
      reactivate: turnEffect(async (deps, input) => {
        await reactivateUser(deps.store, {
          ...input,
          ...(deps.settings.seatLimit ? { seatLimit: deps.settings.seatLimit } : {}),
        });
        tellAccountChanged(deps, input, { kind: 'reactivated' });
      }),
    },
  };
}
