import type { NoChange } from '../domain/errors.js';
import { msg, type Message } from '../i18n/message.js';

/** What a person reads when what they asked for is already the case, worded in their language. */
export function describeNoChange(change: NoChange): Message {
  switch (change.kind) {
    case 'alreadyRole':
      return msg('validation-no-change-already-role', { name: change.name, role: change.role });
    case 'alreadyDeactivated':
      return msg('validation-no-change-already-deactivated', { name: change.name });
    case 'alreadyActive':
      return msg('validation-no-change-already-active', { name: change.name });
    case 'sameName':
      return msg('validation-no-change-same-name', { name: change.name });
    case 'alreadyInGroup':
      return msg('validation-no-change-already-in-group', { name: change.name, group: change.group });
    case 'notInGroup':
      return msg('validation-no-change-not-in-group', { name: change.name, group: change.group });
    case 'sameGroups':
      return msg('validation-no-change-same-groups', { name: change.name });
    case 'chatAlreadyLinked':
      return msg('validation-no-change-chat-already-linked');
    case 'chatNotLinked':
      return msg('validation-no-change-chat-not-linked');
    case 'inviteAlreadyClosed':
      return msg('validation-no-change-invite-already-closed');
    case 'inviteClosed':
      return msg('validation-no-change-invite-closed');
    case 'accountExists':
      return msg('validation-no-change-account-exists');
  }
}
