import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyAuditChain, type AuditVerification, type BrokenAuditRow } from '../domain/audit-chain.js';
import { runWithRecord } from './run.js';

const USAGE = 'Usage: npm run audit-verify [-- [--from <id>] [--to <id>]]\n';

const WHY: Record<BrokenAuditRow['reason'], string> = {
  content: 'does not match its hash: changed after it was written (or hashed with another key)',
  link: 'does not follow the row before it: a row was removed, inserted or rewritten before it',
  unkeyed: 'carries an unkeyed hash although keyed hashing had begun: written around the application',
};

/** What the operator reads: every broken row, where keyed hashing began, and the last row to note. */
export function describeVerification(v: AuditVerification): string {
  const lines = v.broken.map((b) => `Row ${b.id} ${WHY[b.reason]}.`);
  if (v.rows > 0 && v.broken.length === v.rows && v.broken.every((b) => b.reason === 'content'))
    lines.push(
      'Every row checked fails: is AUDIT_KEY (or DATA_DIR/audit.key) the key this trail was written with?',
    );
  lines.push(
    v.broken.length === 0
      ? `The audit trail verifies: ${v.rows} rows checked, each follows the one before it.`
      : `${v.broken.length} of ${v.rows} rows checked do not verify.`,
    v.keyedFrom === null
      ? 'No row is hashed with the key yet (all predate keyed hashing).'
      : `Keyed hashing (HMAC-SHA256) began at row ${v.keyedFrom}; any row before it carries an unkeyed SHA-256.`,
  );
  if (v.last) lines.push(`Last row checked: ${v.last.id}, hash ${v.last.hash}.`);
  return `${lines.join('\n')}\n`;
}

/** Verifies the trail, or `--from`/`--to` a range of ids; resolves to 0 when it verifies, else 1. */
export async function auditVerify(
  argv: string[],
  env: NodeJS.ProcessEnv,
  out: NodeJS.WritableStream,
): Promise<number> {
  let range: { from?: string; to?: string };
  try {
    const { values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean' } },
      strict: true,
    });
    if (values.help) {
      out.write(USAGE);
      return 0;
    }
    for (const id of [values.from, values.to])
      if (id !== undefined && !/^[1-9]\d{0,17}$/.test(id)) throw new Error(`${id} is not a row id`);
    range = {
      ...(values.from === undefined ? {} : { from: values.from }),
      ...(values.to === undefined ? {} : { to: values.to }),
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  return runWithRecord(async ({ store }) => {
    const verification = await verifyAuditChain(store, range);
    out.write(describeVerification(verification));
    return verification.broken.length === 0 ? 0 : 1;
  }, env);
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  return script !== undefined && import.meta.url === pathToFileURL(realpathSync(script)).href;
}

if (isEntryPoint()) {
  process.exit(await auditVerify(process.argv.slice(2), process.env, process.stdout));
}
