import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { resetPasswordByOperator } from '../domain/accounts.js';
import { endConversations } from '../engine/conversations.js';
import { openSessionStore } from '../store/open.js';
import { runWithRecord } from './run.js';

const USAGE = 'Usage: npm run reset-admin [-- --email person@example.com]\n';

/**
 * Sets a new random password for the first admin (or `--email`), prints it once on `out` and ends
 * the account's chats. Resolves to the exit code; refusals and bad settings get one line on stderr.
 */
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
    // The password is set from here on: print it even if dropping conversation state fails.
    out.write(`Password reset for: ${user.email ?? user.name}\nNew password: ${password}\n`);
    const sessions = openSessionStore(config, record);
    try {
      await endConversations(sessions, unlinked);
    } catch (error) {
      process.stderr.write(`Could not end their open conversations: ${(error as Error).message}\n`);
      return 1;
    } finally {
      await sessions.close();
    }
    out.write('Every chat linked to this account was logged out.\n');
    return 0;
  }, env);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
}

if (isEntryPoint()) {
  process.exit(await resetAdmin(process.argv.slice(2), process.env, process.stdout));
}
