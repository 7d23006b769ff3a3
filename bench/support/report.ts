import { readFile, writeFile } from 'node:fs/promises';
import * as prettier from 'prettier';
import { round } from './stats.js';

/** The keys the issue asks for, in its order, with the target each is held to (if any). */
export const FIGURES: { key: string; what: string; target?: string; met?: (v: number) => boolean }[] = [
  { key: 'throughput_agents_ups', what: '`/agents` updates/s, real adapter + engine' },
  { key: 'floor_ups', what: 'realistic floor: grammY + 1 select + 1 GET + 1 SET of 1 KB, updates/s' },
  {
    key: 'agents_over_floor',
    what: 'ours ÷ floor',
    target: '≥ 0.6',
    met: (v) => v >= 0.6,
  },
  { key: 'throughput_bare_ups', what: 'bare grammY bot updates/s (ceiling)' },
  {
    key: 'latency_agents_p99_ms',
    what: 'p99 of `/agents` at half the throughput',
    target: '≤ 5 ms',
    met: (v) => v <= 5,
  },
  { key: 'throughput_agents_ups_image_flags', what: "`/agents` updates/s under the image's node flags" },
  { key: 'floor_ups_image_flags', what: "the floor under the image's node flags, updates/s" },
  {
    key: 'agents_over_floor_image_flags',
    what: "ours ÷ floor under the image's node flags",
    target: '≥ 0.6',
    met: (v) => v >= 0.6,
  },
  {
    key: 'latency_agents_p99_ms_image_flags',
    what: "p99 of `/agents` at half the throughput, the image's node flags",
    target: '≤ 5 ms',
    met: (v) => v <= 5,
  },
  { key: 'slack_agents_ups', what: '`/gatehouse agents` updates/s, signed, through Bolt’s HTTP receiver' },
  { key: 'slack_bare_ups', what: 'bare Bolt app answering the same command, updates/s' },
  {
    key: 'slack_agents_over_bare',
    what: 'ours ÷ bare Bolt',
    target: '≥ 0.5',
    met: (v) => v >= 0.5,
  },
  { key: 'step50_ms', what: 'our flow step at step 50 (ms)' },
  { key: 'xstate_bare_step_ms', what: 'bare XState restore → send → persist with Redis GET/SET (ms)' },
  {
    key: 'step50_over_xstate_bare',
    what: 'ours ÷ bare XState at step 50',
    target: '≤ 2',
    met: (v) => v <= 2,
  },
  { key: 'step_cost_ratio_50_1', what: 'our step 50 ÷ step 1', target: '≤ 1.2', met: (v) => v <= 1.2 },
  {
    key: 'peer_step50_over_ours',
    what: 'at step 50: conversations plugin ÷ ours',
    target: '≥ 2',
    met: (v) => v >= 2,
  },
  { key: 'claims_per_s_c4', what: 'complete claims/s, 4 at a time (argon2id)' },
  { key: 'argon2_bare_per_s_c4', what: 'bare argon2id hashes/s, same parameters, 4 at a time' },
  {
    key: 'claims_over_argon2',
    what: 'claims ÷ bare argon2id',
    target: '≥ 0.9',
    met: (v) => v >= 0.9,
  },
  {
    key: 'loop_delay_p99_ms_during_claims',
    what: 'event-loop delay p99 during claims',
    target: '≤ 20 ms',
    met: (v) => v <= 20,
  },
  {
    key: 'users_page_p95_ms',
    what: '`/users` page 1 of the seeded record',
    target: '≤ 5 ms',
    met: (v) => v <= 5,
  },
  {
    key: 'users_deep_page_p95_ms',
    what: '`/users` page 500 (keyset)',
    target: '≤ 5 ms',
    met: (v) => v <= 5,
  },
  {
    key: 'audit_filter_p95_ms',
    what: 'audit by person / by action (worst)',
    target: '≤ 5 ms',
    met: (v) => v <= 5,
  },
  {
    key: 'visible_agents_p95_ms',
    what: 'visible agents, member in 5 of 1,000 groups, 10,000 agents',
    target: '≤ 5 ms',
    met: (v) => v <= 5,
  },
  {
    key: 'session_bytes_idle_flow',
    what: 'Redis bytes, conversation parked mid-invite',
    target: '≤ 2,048',
    met: (v) => v <= 2048,
  },
  {
    key: 'session_bytes_onboarding',
    what: 'Redis bytes, interview at its largest',
    target: '≤ 8,192',
    met: (v) => v <= 8192,
  },
  {
    key: 'rss_mb_10k_conversations',
    what: 'RSS of one process, 10,000 parked conversations (MB)',
    target: '≤ 100',
    met: (v) => v <= 100,
  },
  { key: 'startup_readyz_ms_tsx', what: 'start to `/readyz` 200, through tsx (ms)' },
  {
    key: 'startup_readyz_ms_dist',
    what: "start to `/readyz` 200, compiled `dist/`, the image's node flags (ms)",
  },
  { key: 'startup_rss_mb_tsx', what: 'RSS when ready, through tsx (MB)' },
  { key: 'startup_rss_mb_dist', what: "RSS when ready, compiled `dist/`, the image's node flags (MB)" },
  {
    key: 'two_process_lost_transitions',
    what: 'transitions lost, two webhook processes, one hot conversation',
    target: '0',
    met: (v) => v === 0,
  },
];

/** Required keys first, in the order, then the extra figures as the benchmarks returned them. */
export function ordered(results: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { key } of FIGURES) if (key in results) out[key] = round(results[key]!);
  for (const [key, value] of Object.entries(results)) if (!(key in out)) out[key] = round(value);
  return out;
}

function show(value: number | undefined): string {
  return value === undefined ? '—' : value.toLocaleString('en');
}

export function targetTable(results: Record<string, number>): string {
  const rows = FIGURES.map(({ key, what, target, met }) => {
    const value = results[key];
    const verdict = !met || value === undefined ? '' : met(value) ? 'met' : '**missed**';
    return `| \`${key}\` | ${what} | ${show(value)} | ${target ?? ''} | ${verdict} |`;
  });
  return ['| key | what | measured | target | |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export function extraTable(results: Record<string, number>): string {
  const required = new Set(FIGURES.map((f) => f.key));
  const rows = Object.entries(results)
    .filter(([key]) => !required.has(key))
    .map(([key, value]) => `| \`${key}\` | ${show(value)} |`);
  return ['| key | measured |', '| --- | --- |', ...rows].join('\n');
}

/** Plain text for the terminal. */
export function consoleTable(results: Record<string, number>): string {
  const targets = new Map(FIGURES.map((f) => [f.key, f]));
  const width = Math.max(...Object.keys(results).map((k) => k.length));
  return Object.entries(results)
    .map(([key, value]) => {
      const figure = targets.get(key);
      const verdict = figure?.met ? (figure.met(value) ? '  met' : '  MISSED') : '';
      return `${key.padEnd(width)}  ${show(value).padStart(12)}  ${figure?.target ?? ''}${verdict}`;
    })
    .join('\n');
}

const START = '<!-- results:start -->';
const END = '<!-- results:end -->';

/** Replaces the generated section of the README with this run's tables, formatted as `npm run lint` wants. */
export async function writeReadme(
  path: string,
  results: Record<string, number>,
  header: string,
): Promise<void> {
  const readme = await readFile(path, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path} has no ${START} … ${END} section`);
  const section = [
    START,
    '',
    header,
    '',
    targetTable(results),
    '',
    'Further figures of the same run:',
    '',
    extraTable(results),
    '',
    END,
  ].join('\n');
  const text = readme.slice(0, from) + section + readme.slice(to + END.length);
  const options = (await prettier.resolveConfig(path)) ?? {};
  await writeFile(path, await prettier.format(text, { ...options, filepath: path }));
}

export async function writeJson(path: string, results: Record<string, number>): Promise<void> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  await writeFile(path, await prettier.format(JSON.stringify(results), { ...options, filepath: path }));
}
