import type { Store } from '../store/store.js';
import type { GroupDeletionImpactRow, GroupRow } from '../store/groups.js';
import type { UserRow } from '../store/users.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { asActor, asTarget, requireActiveAdmin } from './actors.js';
import { recordAudit } from './audit.js';
import {
  AccountFrozenError,
  NameTakenError,
  NoChangeError,
  UnknownGroupError,
  UnknownUserError,
} from './errors.js';
import { entityNameSchema, parseField } from './validation.js';

/** Creates a group; NameTakenError when the name exists in any case. Admins only. */
export async function createGroup(store: Store, input: { actorId: string; name: string }): Promise<GroupRow> {
  const name = parseField(entityNameSchema, 'groupName', input.name);
  return store
    .tx(async (tx) => {
      const actor = await requireActiveAdmin(tx, input.actorId);
      const group = await tx.groups.insertGroup(name);
      await recordAudit(tx, {
        action: 'group.created',
        actor: asActor(actor),
        details: { group: group.name },
      });
      return group;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error, 'groups_name_key')) throw new NameTakenError('group', name);
      throw error;
    });
}

/**
 * The groups of these names (validated, case-insensitive); throws UnknownGroupError for the first
 * missing one. Inside a transaction they cannot be deleted until it ends.
 */
export async function requireGroups(store: Store, names: string[]): Promise<GroupRow[]> {
  const valid = names.map((n) => parseField(entityNameSchema, 'groupName', n));
  const groups = await store.groups.getGroupsByNames(valid);
  const missing = valid.find((n) => !groups.some((g) => g.name.toLowerCase() === n.toLowerCase()));
  if (missing) throw new UnknownGroupError(missing);
  return groups;
}

/**
 * What deleting a group takes away, for the question before it: its active members, the pending
 * invites that name it and the shared agents it alone opens. UnknownGroupError if none. Admins only.
 */
export async function describeGroupDeletion(
  store: Store,
  input: { actorId: string; name: string },
): Promise<GroupDeletionImpactRow> {
  const name = parseField(entityNameSchema, 'groupName', input.name);
  await requireActiveAdmin(store, input.actorId);
  const impact = await store.groups.describeGroupDeletion(name);
  if (!impact) throw new UnknownGroupError(name);
  return impact;
}

/** Deletes a group; its members lose what it gave them at their next message. Admins only. */
export async function deleteGroup(store: Store, input: { actorId: string; name: string }): Promise<GroupRow> {
  const name = parseField(entityNameSchema, 'groupName', input.name);
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const group = await tx.groups.deleteGroupByName(name);
    if (!group) throw new UnknownGroupError(name);
    await recordAudit(tx, { action: 'group.deleted', actor: asActor(actor), details: { group: group.name } });
    return group;
  });
}

/** Every group with its number of active members, in name order. Admins only. */
export async function listGroups(
  store: Store,
  input: { actorId: string },
): Promise<(GroupRow & { members: number })[]> {
  await requireActiveAdmin(store, input.actorId);
  return store.groups.listGroups();
}

async function requireGroup(store: Store, name: string): Promise<GroupRow> {
  const [group] = await requireGroups(store, [name]);
  return group!;
}

/** The person whose groups change, locked; a deactivated one is frozen (AccountFrozenError). */
async function lockUnfrozenTarget(store: Store, userId: string): Promise<UserRow> {
  const target = await store.users.lockUserById(userId);
  if (!target) throw new UnknownUserError(userId);
  if (target.status !== 'active') throw new AccountFrozenError(target.name, 'groups');
  return target;
}

async function auditMembership(
  store: Store,
  actor: UserRow,
  target: UserRow,
  before: string[],
): Promise<string[]> {
  const after = await store.groups.listUserGroupNames(target.id);
  await recordAudit(store, {
    action: 'user.groups_updated',
    actor: asActor(actor),
    target: asTarget(target),
    details: { before, after },
  });
  return after;
}

async function changeMembership(
  store: Store,
  input: { actorId: string; groupName: string; userId: string },
  change: 'add' | 'remove',
): Promise<string[]> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const group = await requireGroup(tx, input.groupName);
    const target = await lockUnfrozenTarget(tx, input.userId);
    const before = await tx.groups.listUserGroupNames(target.id);
    const changed =
      change === 'add'
        ? (await tx.groups.addMembers(target.id, [group.id])) === 1
        : await tx.groups.removeMember(target.id, group.id);
    if (!changed)
      throw new NoChangeError({
        kind: change === 'add' ? 'alreadyInGroup' : 'notInGroup',
        name: target.name,
        group: group.name,
      });
    return auditMembership(tx, actor, target, before);
  });
}

/**
 * Puts a person in a group; returns their groups, audited before and after. Not a deactivated
 * person (AccountFrozenError). Admins only.
 */
export function addToGroup(
  store: Store,
  input: { actorId: string; groupName: string; userId: string },
): Promise<string[]> {
  return changeMembership(store, input, 'add');
}

/**
 * Takes a person out of a group; returns their groups, audited before and after. Not a deactivated
 * person (AccountFrozenError). Admins only.
 */
export function removeFromGroup(
  store: Store,
  input: { actorId: string; groupName: string; userId: string },
): Promise<string[]> {
  return changeMembership(store, input, 'remove');
}

/**
 * Sets a person's groups to exactly `groupNames`; returns them, audited before and after.
 * NoChangeError if they are those already; AccountFrozenError for a deactivated person. Admins only.
 */
export async function setUserGroups(
  store: Store,
  input: { actorId: string; userId: string; groupNames: string[] },
): Promise<string[]> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const groups = await requireGroups(tx, input.groupNames);
    const target = await lockUnfrozenTarget(tx, input.userId);
    const before = await tx.groups.listUserGroupNames(target.id);
    const wanted = new Set(groups.map((g) => g.name));
    if (wanted.size === before.length && before.every((name) => wanted.has(name)))
      throw new NoChangeError({ kind: 'sameGroups', name: target.name });
    await tx.groups.removeAllMemberships(target.id);
    await tx.groups.addMembers(
      target.id,
      groups.map((g) => g.id),
    );
    return auditMembership(tx, actor, target, before);
  });
}
