import { chmod, mkdir, stat, writeFile } from 'node:fs/promises';

/** New files 0600, new directories 0700: what Gatehouse writes is its own user's alone. */
export const PRIVATE_UMASK = 0o077;

/**
 * Creates `dir` (and its parents) if missing, and makes it `mode` (0700 unless said otherwise) when it is
 * this user's own: a directory of someone else's, or a shared one like /tmp (sticky), keeps its mode.
 */
export async function makePrivateDir(dir: string, mode = 0o700): Promise<void> {
  await mkdir(dir, { recursive: true, mode });
  const info = await stat(dir);
  if (info.uid === process.getuid?.() && (info.mode & 0o1000) === 0) await chmod(dir, mode);
}

/** Writes a secret (a key, a password) to a file only its owner can read, whatever was there before. */
export async function writePrivateFile(file: string, data: string | Uint8Array): Promise<void> {
  await writeFile(file, data, { mode: 0o600 });
  await chmod(file, 0o600);
}

/** The permission bits that let others than the owner at `file`, or undefined (private, or absent). */
export async function sharedBits(file: string): Promise<number | undefined> {
  const mode = await stat(file).then(
    (s) => s.mode,
    () => undefined,
  );
  return mode !== undefined && (mode & 0o077) !== 0 ? mode & 0o777 : undefined;
}

/** One warning per key file that others than its owner may read or change; nothing for the private ones. */
export async function warnAboutSharedKeyFiles(
  files: readonly string[],
  warn: (message: string) => void,
): Promise<void> {
  for (const file of files) {
    const mode = await sharedBits(file);
    if (mode !== undefined)
      warn(
        `${file} holds a secret but its permissions are ${mode.toString(8).padStart(4, '0')}: ` +
          `run \`chmod 600 ${file}\` so only its owner can read it`,
      );
  }
}
