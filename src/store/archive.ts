import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { z } from 'zod';

/*
 * A backup archive is gzip'd JSON lines:
 *   1. the header: format, schema version (the last migration applied) and every migration, the time
 *      of the snapshot, each table with its columns, and the tables whose rows are left out;
 *   2. per table, in the header's order: {"table": name}, then one line per row, an array of the
 *      columns' values as text (`column::text`, null for NULL), which PostgreSQL reads back as they were;
 *   3. the trailer {"end": …}: rows per table, the sequences' positions and the SHA-256 of every
 *      byte before the trailer line.
 */

export const ARCHIVE_FORMAT = 'gatehouse-backup';

const headerSchema = z
  .object({
    format: z.literal(ARCHIVE_FORMAT),
    formatVersion: z.literal(1),
    takenAt: z.string(),
    schemaVersion: z.string(),
    migrations: z.array(z.string()).min(1),
    tables: z.array(z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1) })),
    leftOut: z.array(z.string()),
  })
  .refine((h) => h.schemaVersion === h.migrations.at(-1), 'schemaVersion is not the last migration');

const sequenceSchema = z.object({ name: z.string().min(1), lastValue: z.string(), isCalled: z.boolean() });

const trailerSchema = z.object({
  rows: z.record(z.string(), z.number().int().nonnegative()),
  sequences: z.array(sequenceSchema),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const lineSchema = z.union([
  z.array(z.string().nullable()),
  z.object({ table: z.string() }).strict(),
  z.object({ end: trailerSchema }).strict(),
]);

export type ArchiveHeader = z.infer<typeof headerSchema>;
export type ArchiveTable = ArchiveHeader['tables'][number];
export type SequencePosition = z.infer<typeof sequenceSchema>;
export type ArchiveTrailer = z.infer<typeof trailerSchema>;

/** One line after the header, as a restore consumes it. */
export type ArchiveLine =
  | { kind: 'table'; table: ArchiveTable }
  | { kind: 'row'; values: (string | null)[] }
  | { kind: 'end'; trailer: ArchiveTrailer };

/** A restore that cannot go ahead, for a reason the operator can fix; its message is one line. */
export class RestoreRefusedError extends Error {
  override readonly name = 'RestoreRefusedError';
}

/** Splits a byte stream into its lines (without the newline); a last unterminated line is kept. */
export async function* splitLines(input: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of input) {
    const parts = (rest + decoder.write(chunk)).split('\n');
    rest = parts.pop()!;
    yield* parts;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

/** Writes an archive to `out` line by line, counting rows and hashing as it goes. */
export class ArchiveWriter {
  private readonly gzip = createGzip();
  private readonly hash = createHash('sha256');
  private readonly done: Promise<void>;
  private readonly rows: Record<string, number> = {};
  private table: string | undefined;

  constructor(out: Writable) {
    this.done = pipeline(this.gzip, out);
    // A failure of `out` surfaces from the next write or from end(); this keeps it from going unhandled.
    this.done.catch(() => {});
  }

  header(header: ArchiveHeader): Promise<void> {
    return this.line(header);
  }

  section(table: string): Promise<void> {
    this.table = table;
    this.rows[table] = 0;
    return this.line({ table });
  }

  row(values: (string | null)[]): Promise<void> {
    this.rows[this.table!]! += 1;
    return this.line(values);
  }

  /** Writes the trailer and waits until every byte reached `out`; returns the rows per table. */
  async end(sequences: SequencePosition[]): Promise<Record<string, number>> {
    const trailer: ArchiveTrailer = { rows: this.rows, sequences, sha256: this.hash.digest('hex') };
    this.gzip.end(`${JSON.stringify({ end: trailer })}\n`);
    await this.done;
    return this.rows;
  }

  /** Stops writing after a failure; what reached `out` has no trailer, so no restore accepts it. */
  abort(error: Error): void {
    this.gzip.destroy(error);
  }

  private async line(value: unknown): Promise<void> {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.update(text);
    if (!this.gzip.write(text)) await Promise.race([once(this.gzip, 'drain'), this.done]);
  }
}

export interface OpenedArchive {
  readonly header: ArchiveHeader;
  /**
   * The lines after the header. The last one is the trailer, yielded only once the checksum and
   * every table's row count are known to match it; a damaged archive throws RestoreRefusedError.
   */
  readonly lines: AsyncGenerator<ArchiveLine>;
  close(): void;
}

/** Opens an archive file and reads its header; throws RestoreRefusedError if it is not one. */
export async function openArchive(file: string): Promise<OpenedArchive> {
  let input: Readable;
  try {
    input = (await open(file)).createReadStream();
  } catch (error) {
    throw new RestoreRefusedError(
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? describe(error)}.`,
    );
  }
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  const raw = splitLines(input.pipe(gunzip));
  const close = () => {
    input.destroy();
    gunzip.destroy();
  };
  let first: IteratorResult<string>;
  try {
    first = await raw.next();
  } catch (error) {
    close();
    throw new RestoreRefusedError(`${file} is not a Gatehouse backup: ${describe(error)}.`);
  }
  const header = first.done ? undefined : parseJson(first.value, headerSchema);
  if (!header) {
    close();
    throw new RestoreRefusedError(`${file} is not a Gatehouse backup: it does not start with one's header.`);
  }
  const hash = createHash('sha256').update(`${first.value}\n`);
  return { header, lines: checkedLines(raw, header, hash), close };
}

async function* checkedLines(
  raw: AsyncGenerator<string>,
  header: ArchiveHeader,
  hash: ReturnType<typeof createHash>,
): AsyncGenerator<ArchiveLine> {
  const tables = new Map(header.tables.map((t) => [t.name, t]));
  const rows: Record<string, number> = {};
  let table: ArchiveTable | undefined;
  try {
    for await (const text of raw) {
      const line = parseJson(text, lineSchema);
      if (line === undefined) throw damaged('a line is not part of the format');
      if ('end' in line) {
        const trailer = line.end;
        if (trailer.sha256 !== hash.digest('hex')) throw damaged('its checksum does not match');
        if (!sameCounts(rows, trailer.rows, header.tables)) throw damaged('its row counts do not match');
        if (!(await raw.next()).done) throw damaged('there is more after its end');
        yield { kind: 'end', trailer };
        return;
      }
      hash.update(`${text}\n`);
      if ('table' in line) {
        table = tables.get(line.table);
        if (!table || table.name in rows) throw damaged(`table ${line.table} is unexpected`);
        rows[table.name] = 0;
        yield { kind: 'table', table };
      } else {
        if (!table || line.length !== table.columns.length) throw damaged('a row does not fit its table');
        rows[table.name]! += 1;
        yield { kind: 'row', values: line };
      }
    }
  } catch (error) {
    throw error instanceof RestoreRefusedError ? error : damaged(describe(error));
  }
  throw damaged('it ends early, without its end record (was the backup interrupted?)');
}

/** Every table of the header had its section, with as many rows as the trailer says. */
function sameCounts(
  read: Record<string, number>,
  said: Record<string, number>,
  tables: ArchiveTable[],
): boolean {
  return (
    Object.keys(said).length === tables.length &&
    tables.every((t) => read[t.name] !== undefined && read[t.name] === said[t.name])
  );
}

function damaged(reason: string): RestoreRefusedError {
  return new RestoreRefusedError(`The backup is damaged: ${reason}.`);
}

function parseJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
