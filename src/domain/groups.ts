import type { Store } from '../store/store.js';
import type { GroupRow } from '../store/groups.js';
import { isUniqueViolation } from '../store/db-errors.js';
import { asActor, asTarget, requireActiveAdmin } from './actors.js';
import { recordAudit } from './audit.js';
import { NameTakenError, NoChangeError, UnknownGroupError, UnknownUserError } from './errors.js';
import { entityNameSchema, parseField } from './validation.js';

export async function createGroup(store: Store, input: { actorId: string; name: string }): Promise<GroupRow> {
  const name = parseField(entityNameSchema, 'group name', input.name);
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

/** The groups of these names (validated, case-insensitive); throws UnknownGroupError for the first missing one. */
export async function requireGroups(store: Store, names: string[]): Promise<GroupRow[]> {
  const valid = names.map((n) => parseField(entityNameSchema, 'group name', n));
  const groups = await store.groups.getGroupsByNames(valid);
  const missing = valid.find((n) => !groups.some((g) => g.name.toLowerCase() === n.toLowerCase()));
  if (missing) throw new UnknownGroupError(missing);
  return groups;
}

async function requireGroup(store: Store, name: string): Promise<GroupRow> {
  const group = await store.groups.getGroupByName(parseField(entityNameSchema, 'group name', name));
  if (!group) throw new UnknownGroupError(name);
  return group;
}

/** Deletes a group; its members lose what it gave them at their next message. */
export async function deleteGroup(store: Store, input: { actorId: string; name: string }): Promise<GroupRow> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const group = await requireGroup(tx, input.name);
    await tx.groups.deleteGroup(group.id);
    await recordAudit(tx, { action: 'group.deleted', actor: asActor(actor), details: { group: group.name } });
    return group;
  });
}

export async function listGroups(store: Store, input: { actorId: string }) {
  await requireActiveAdmin(store, input.actorId);
  return store.groups.listGroups();
}

/** Adds or removes one person; the change is audited with the groups before and after. */
async function changeMembership(
  store: Store,
  input: { actorId: string; groupName: string; userId: string },
  change: 'add' | 'remove',
): Promise<string[]> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const group = await requireGroup(tx, input.groupName);
    const target = await tx.users.lockUserById(input.userId);
    if (!target) throw new UnknownUserError(input.userId);
    const before = await tx.groups.listUserGroupNames(target.id);
    const changed =
      change === 'add'
        ? (await tx.groups.addMembers(target.id, [group.id])) === 1
        : await tx.groups.removeMember(target.id, group.id);
    if (!changed)
      throw new NoChangeError(`${target.name} is ${change === 'add' ? 'already' : 'not'} in ${group.name}`);
    const after = await tx.groups.listUserGroupNames(target.id);
    await recordAudit(tx, {
      action: 'user.groups_updated',
      actor: asActor(actor),
      target: asTarget(target),
      details: { before, after },
    });
    return after;
  });
}

export function addToGroup(
  store: Store,
  input: { actorId: string; groupName: string; userId: string },
): Promise<string[]> {
  return changeMembership(store, input, 'add');
}

export function removeFromGroup(
  store: Store,
  input: { actorId: string; groupName: string; userId: string },
): Promise<string[]> {
  return changeMembership(store, input, 'remove');
}

/** Sets a person's groups to exactly `groupNames`. */
export async function setUserGroups(
  store: Store,
  input: { actorId: string; userId: string; groupNames: string[] },
): Promise<string[]> {
  return store.tx(async (tx) => {
    const actor = await requireActiveAdmin(tx, input.actorId);
    const target = await tx.users.lockUserById(input.userId);
    if (!target) throw new UnknownUserError(input.userId);
    const groups = await requireGroups(tx, input.groupNames);
    const before = await tx.groups.listUserGroupNames(target.id);
    await tx.groups.removeAllMemberships(target.id);
    await tx.groups.addMembers(
      target.id,
      groups.map((g) => g.id),
    );
    const after = await tx.groups.listUserGroupNames(target.id);
    if (before.join('\n') === after.join('\n'))
      throw new NoChangeError(`${target.name}'s groups are already those`);
    await recordAudit(tx, {
      action: 'user.groups_updated',
      actor: asActor(actor),
      target: asTarget(target),
      details: { before, after },
    });
    return after;
  });
}
