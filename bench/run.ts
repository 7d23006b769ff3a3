import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchClaims } from './claims.js';
import { benchRecordScale } from './record-scale.js';
import { benchRss } from './rss.js';
import { benchSessions } from './sessions.js';
import { benchSlack } from './slack.js';
import { benchStartup } from './startup.js';
import { benchStepCost } from './step-cost.js';
import { benchThroughput } from './throughput.js';
import { benchThroughputImageFlags } from './throughput-image.js';
import { benchTwoProcess } from './two-process.js';
import { dropDatabase } from './support/db.js';
import { consoleTable, ordered, writeJson, writeReadme } from './support/report.js';
import { sizesFor } from './support/sizes.js';

/**
 * `npm run bench` (quick) or `npm run bench -- --full`; `-- --only=throughput,claims` runs some and
 * writes `results/only.json` instead of `latest.json` and the README.
 */
const full = process.argv.includes('--full');
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const sizes = sizesFor(full);

const BENCHES: [string, () => Promise<Record<string, number>>][] = [
  ['throughput', () => benchThroughput(sizes.throughput)],
  ['throughput-image', () => benchThroughputImageFlags(sizes.throughput)],
  ['slack', () => benchSlack(sizes.slack)],
  ['step-cost', () => benchStepCost(sizes.stepCost)],
  ['claims', () => benchClaims(sizes.claims)],
  ['record-scale', () => benchRecordScale(sizes.scale)],
  ['sessions', () => benchSessions()],
  ['rss', () => benchRss(sizes.rss)],
  ['two-process', () => benchTwoProcess(sizes.twoProcess)],
  ['startup', () => benchStartup(sizes.startup)],
];

const unknown = only?.filter((name) => !BENCHES.some(([n]) => n === name)) ?? [];
if (unknown.length > 0)
  throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map(([n]) => n).join(', ')}`);

const started = performance.now();
const load = loadavg()[0]!;
const results: Record<string, number> = {};
for (const [name, run] of BENCHES) {
  if (only && !only.includes(name)) continue;
  process.stderr.write(`${name}…\n`);
  const t0 = performance.now();
  Object.assign(results, await run());
  process.stderr.write(`${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
await dropDatabase('gatehouse_bench_engine');
Object.assign(results, {
  bench_full_mode: full ? 1 : 0,
  bench_seconds: (performance.now() - started) / 1000,
  machine_cpus: cpus().length,
  load_avg_1m_at_start: load,
  load_avg_1m_at_end: loadavg()[0]!,
});

const final = ordered(results);
process.stdout.write(`\n${consoleTable(final)}\n`);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
if (only) {
  await writeJson(here('results/only.json'), final);
} else {
  await writeJson(here('results/latest.json'), final);
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  await writeReadme(
    here('README.md'),
    final,
    `Last run: ${when} UTC, \`npm run bench${full ? ' -- --full' : ''}\`, ${cpus().length} CPUs, ` +
      `load average ${load.toFixed(2)} at the start (other work on the machine shares its cores).`,
  );
}
if (load > 1)
  process.stderr.write(`note: the machine was busy (load average ${load.toFixed(2)}); figures are noisy\n`);
