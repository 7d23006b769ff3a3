import { readFileSync } from 'node:fs';

/** The flags the Dockerfile's CMD starts node with (`["node", ...flags, "dist/src/main.js"]`). */
export function imageNodeFlags(): string[] {
  const dockerfile = readFileSync(new URL('../../Dockerfile', import.meta.url), 'utf8');
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile);
  if (!cmd) throw new Error('the Dockerfile has no CMD in exec form');
  const [program, ...args] = JSON.parse(cmd[1]!) as string[];
  if (program !== 'node') throw new Error(`the Dockerfile's CMD runs ${program}, not node`);
  return args.filter((arg) => arg.startsWith('-'));
}
