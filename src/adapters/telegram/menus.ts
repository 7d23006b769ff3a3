import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { Role } from '../../domain/enums.js';
import { commandsFor } from '../../engine/commands/index.js';
import type { Engine } from '../../engine/engine.js';
import type { Logger } from '../../log.js';
import { translate } from '../../i18n/translate.js';

/** Who is an admin on Telegram, as the menus need to know. */
export interface MenuDirectory {
  /** The role of an active account linked to this Telegram user id; undefined otherwise. */
  roleOf(telegramUserId: string): Promise<Role | undefined>;
  /** Telegram user ids of every active admin. */
  adminIds(): Promise<string[]>;
}

/** The menus' directory as the engine answers it. */
export function engineDirectory(engine: Pick<Engine, 'roleOf' | 'adminChatIds'>): MenuDirectory {
  return {
    roleOf: (externalId) => engine.roleOf('telegram', externalId),
    adminIds: () => engine.adminChatIds('telegram'),
  };
}

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

export function menuOf(role: Role): BotCommand[] {
  return commandsFor(role)
    .filter((c) => COMMAND_NAME.test(c.name))
    .map((c) => ({ command: c.name, description: translate('en', c.summary).slice(0, 256) }));
}

/**
 * A member's role is read again for their menu at most this often (strangers and admins on every
 * update): a promotion by an admin of this process re-syncs at once, one made elsewhere shows in the
 * member's menu within this time.
 */
const RECHECK_MS = 30_000;
const MEMBERS_MAX = 10_000;

/**
 * Command menus: the member commands for everyone (scope default), the admin commands in each admin's
 * private chat (scope chat). Failures are logged and never stop the bot.
 */
export class CommandMenus {
  private admins = new Set<string>();
  /** When each member was last found to be one, for their menu (authorization never uses this). */
  private readonly members = new Map<string, number>();
  private running: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly api: Api,
    private readonly directory: MenuDirectory,
    private readonly log: Logger,
  ) {}

  /** At start: the default menu, then every admin's. */
  async publish(): Promise<void> {
    await this.api
      .setMyCommands(menuOf('member'), { scope: { type: 'default' } })
      .catch((error: unknown) => this.log.warn({ err: error }, 'setting the default command menu failed'));
    await this.sync();
  }

  /**
   * After an update: the sender's menu follows their role, and an admin's command or tap (which may
   * have changed someone's role) re-reads every admin.
   */
  async afterUpdate(senderId: string, commandOrTap: boolean): Promise<void> {
    const now = Date.now();
    if ((this.members.get(senderId) ?? 0) > now - RECHECK_MS) return;
    const role = await this.directory.roleOf(senderId).catch(() => undefined);
    if (role === 'member') {
      if (this.members.size >= MEMBERS_MAX) this.members.clear();
      this.members.set(senderId, now);
    } else this.members.delete(senderId);
    const isAdmin = role === 'admin';
    if ((isAdmin && commandOrTap) || isAdmin !== this.admins.has(senderId)) await this.sync();
  }

  /** Re-reads the admins and updates the menus that changed; concurrent calls coalesce into one more run. */
  sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.syncOnce().catch((error: unknown) =>
          this.log.warn({ err: error }, 'updating the command menus failed'),
        );
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    const current = new Set(await this.directory.adminIds());
    for (const id of current) {
      if (this.admins.has(id)) continue;
      await this.api
        .setMyCommands(menuOf('admin'), { scope: { type: 'chat', chat_id: Number(id) } })
        .then(() => this.admins.add(id))
        .catch((error: unknown) => this.log.warn({ err: error, chat: id }, 'setting an admin menu failed'));
    }
    for (const id of this.admins) {
      if (current.has(id)) continue;
      this.admins.delete(id);
      await this.api
        .deleteMyCommands({ scope: { type: 'chat', chat_id: Number(id) } })
        .catch((error: unknown) => this.log.warn({ err: error, chat: id }, 'resetting a menu failed'));
    }
  }
}
