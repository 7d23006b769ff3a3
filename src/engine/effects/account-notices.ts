import { issueResetLink } from '../../domain/resets.js';
import { msg, type Message } from '../../i18n/message.js';
import type { EngineDeps } from '../deps.js';
import { codeMark } from '../outbound.js';

/** What an admin changed about someone else's account, as that person is told it. */
export type AccountChange =
  | { kind: 'role'; role: 'admin' | 'member' }
  | { kind: 'groups'; groups: string[] }
  | { kind: 'deactivated' }
  | { kind: 'reactivated' };

function noticeOf(change: AccountChange, actor: string): Message {
  switch (change.kind) {
    case 'role':
      return msg(change.role === 'admin' ? 'notice-made-admin' : 'notice-made-member', { actor });
    case 'groups':
      return change.groups.length > 0
        ? msg('notice-groups', { actor, groups: change.groups.join(', ') })
        : msg('notice-no-groups', { actor });
    case 'deactivated':
      return msg('notice-deactivated', { actor });
    case 'reactivated':
      return msg('notice-reactivated', { actor });
  }
}

/**
 * Tells `userId` privately, in their language, what admin `actorId` changed and what it means for
 * them. Called once the change is committed; the notice goes out beside the admin's answer, never
 * holding it up.
 */
export function tellAccountChanged(
  deps: EngineDeps,
  who: { actorId: string; userId: string },
  change: AccountChange,
): void {
  const { notices, store, settings, log } = deps;
  if (!notices) return;
  void store.users
    .getUserById(who.actorId)
    .then((actor) =>
      notices.tell(store, who.userId, noticeOf(change, actor?.name ?? ''), settings.defaultLocale),
    )
    .catch((error: unknown) => log.warn({ err: error }, 'notice not sent'));
}

/**
 * A new reset link for `userId`, sent straight to their own chats (the admin never sees it); false,
 * with nothing issued, when the bot reaches none of them. It voids their older link, as any new one does.
 */
export async function sendResetLink(
  deps: EngineDeps,
  who: { actorId: string; userId: string },
): Promise<{ sent: boolean }> {
  const { notices, store, settings } = deps;
  if (!notices?.canReach(await store.identities.listIdentities(who.userId))) return { sent: false };
  const { payload } = await issueResetLink(store, who);
  const actor = await store.users.getUserById(who.actorId);
  const words = msg('notice-reset-link', { actor: actor?.name ?? '', link: codeMark(payload) });
  return { sent: (await notices.tell(store, who.userId, words, settings.defaultLocale)) > 0 };
}
