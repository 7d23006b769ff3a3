import { parseArgs } from 'node:util';
import { resetPasswordByOperator } from '../domain/accounts.js';
import { runWithRecord } from './run.js';
import { openSessionStore } from '../store/open.js';
import { endConversations } from '../engine/conversations.js';

const USAGE = 'Usage: npm run reset-admin [-- --email person@example.com]\n';

/** Sets a new random password for the first admin (or `--email`), prints it once, ends their chats. */
export async function resetAdmin(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
): Promise<number> {
  let email: string | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      out.write(USAGE);
      return 0;
    }
    email = values.email;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  return runWithRecord(async (record, config) => {
    const { user, password, unlinked } = await resetPasswordByOperator(
      record.store,
      email === undefined ? {} : { email },
    );
    const sessions = openSessionStore(config.REDIS_URL, record);
    try {
      await endConversations(sessions, unlinked);
    } finally {
      await sessions.close();
    }
    out.write(
      `Password reset for: ${user.email ?? user.name}\nNew password: ${password}\nEvery chat linked to this account was logged out.\n`,
    );
    return 0;
  }, env);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Exit explicitly: the embedded server's exit hooks would otherwise report success.
  process.exit(await resetAdmin(process.argv.slice(2), process.env, process.stdout));
}
