import { readFile } from 'node:fs/promises';

/**
 * A short text flame summary of a V8 `.cpuprofile` (from `node --cpu-prof`): the frames with the most
 * self time, and the packages (or our directories) with the most inclusive time, as shares of the run.
 * `npx tsx bench/tools/flame.ts <file.cpuprofile> [rows]`.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: flame.ts <file.cpuprofile> [rows]');
const rows = Number(rowsArg ?? 20);
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

/** Where a frame lives: the package under node_modules, our top directories, or node's internals. */
function area(url: string): string {
  if (!url) return '(native / idle / gc)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return 'node: ' + url.slice(5).split('/')[0];
  const ours = /\/(src\/[^/]+|flows|bench)\//.exec(url);
  return ours ? ours[1]! : url;
}
function frame(n: ProfileNode): string {
  const { functionName, url, lineNumber } = n.callFrame;
  const where = url
    ? `${url.replace(/^.*?(node_modules\/|\/src\/|\/flows\/|\/bench\/)/, '$1')}:${lineNumber + 1}`
    : '';
  return `${functionName || '(anonymous)'} ${where}`.trim();
}

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const node = byId.get(id)!;
  const name = node.callFrame.functionName;
  const key =
    name === '(idle)' || name === '(program)' || name === '(garbage collector)' ? name : frame(node);
  self.set(key, (self.get(key) ?? 0) + dt);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const a = area(byId.get(at)!.callFrame.url);
    if (!seen.has(a)) {
      seen.add(a);
      inclusive.set(a, (inclusive.get(a) ?? 0) + dt);
    }
  }
});
const pct = (v: number) => `${((100 * v) / total).toFixed(1).padStart(5)} %`;
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, rows);
process.stdout.write(`total ${(total / 1e6).toFixed(1)} s sampled\n\nself time:\n`);
for (const [k, v] of top(self)) process.stdout.write(`${pct(v)}  ${k}\n`);
process.stdout.write('\ninclusive time by package / directory:\n');
for (const [k, v] of top(inclusive)) process.stdout.write(`${pct(v)}  ${k}\n`);
