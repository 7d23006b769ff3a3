import { randomBytes } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type Config } from './config.js';
import { makePrivateDir } from './private-files.js';

const KEY_HEX = /^[0-9a-fA-F]{64}$/;

/** Where the audit key is kept when AUDIT_KEY is unset. */
export function auditKeyPath(dataDir: string): string {
  return path.join(dataDir, 'audit.key');
}

async function readKeyFile(file: string): Promise<Buffer | undefined> {
  let hex: string;
  try {
    hex = (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (!KEY_HEX.test(hex)) throw new ConfigError(`${file} must hold the audit key as 64 hexadecimal digits`);
  return Buffer.from(hex, 'hex');
}

/** Creates the key file unless another process just did; true when this call created it. */
async function createKeyFile(file: string): Promise<boolean> {
  // Written in full under another name, then linked into place: a reader never sees half a key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(draft, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/**
 * The key of the audit trail's hash chain: AUDIT_KEY, else the one in DATA_DIR/audit.key, created
 * there (mode 0600) on first use, when `onCreated` is told its path, unless `create` is false (a
 * restore must verify with the key the trail was written with: throws ConfigError). Processes
 * starting together agree on one key: only one of them can put the file in place.
 */
export async function loadAuditKey(
  config: Pick<Config, 'AUDIT_KEY' | 'DATA_DIR'>,
  onCreated: (file: string) => void,
  options: { create?: boolean } = {},
): Promise<Buffer> {
  if (config.AUDIT_KEY) return Buffer.from(config.AUDIT_KEY, 'hex');
  const file = auditKeyPath(config.DATA_DIR);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  if (options.create === false)
    throw new ConfigError(
      `No audit key: set AUDIT_KEY, or put the audit.key the trail was written with in ${config.DATA_DIR}`,
    );
  await makePrivateDir(config.DATA_DIR);
  if (await createKeyFile(file)) onCreated(file);
  return (await readKeyFile(file))!;
}

/** The line that tells the operator a key was created and must be kept. */
export function auditKeyCreatedNotice(file: string): string {
  return (
    `Created the audit trail's key in ${file}. Back it up (or set AUDIT_KEY to it) and keep it apart ` +
    'from database backups: without it the trail cannot be verified, and with it and the database ' +
    'the trail could be rewritten.'
  );
}
