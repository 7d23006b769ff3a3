import type { Writable } from 'node:stream';
import { ARCHIVE_FORMAT, ArchiveWriter, type ArchiveTable, type SequencePosition } from './archive.js';
import type { Db, Sql } from './db.js';

/**
 * Tables whose rows stay out of every backup: conversation state, not the record (a new password
 * waiting to be typed again is part of a conversation too, and lives an hour at most).
 */
const LEFT_OUT_TABLES = ['sessions', 'staged_passwords'];

export interface BackupSummary {
  schemaVersion: string;
  rows: Record<string, number>;
  leftOut: string[];
}

/**
 * Writes the whole record to `out` as an archive (see archive.ts), every table read in one
 * repeatable-read snapshot, so writers carry on meanwhile and the archive holds each change whole
 * or not at all. Tables come in name order, rows in key order.
 */
export async function backupRecord(sql: Sql, out: Writable): Promise<BackupSummary> {
  const archive = new ArchiveWriter(out);
  try {
    return await sql.begin('isolation level repeatable read read only', async (tx) => {
      // Text forms that read the same on any server: UTC, ISO dates.
      await tx`set local timezone = 'UTC'`;
      await tx`set local datestyle = 'ISO, YMD'`;
      const tables = await listTables(tx);
      const migrations = await tx<{ name: string }[]>`select name from schema_migrations order by id`;
      const names = migrations.map((m) => m.name);
      const leftOut = tables.filter((t) => LEFT_OUT_TABLES.includes(t.name)).map((t) => t.name);
      const kept = tables.filter((t) => !leftOut.includes(t.name));
      await archive.header({
        format: ARCHIVE_FORMAT,
        formatVersion: 1,
        takenAt: new Date().toISOString(),
        schemaVersion: names.at(-1)!,
        migrations: names,
        tables: kept.map(({ name, columns }) => ({ name, columns })),
        leftOut,
      });
      for (const table of kept) {
        await archive.section(table.name);
        const texts = table.columns
          .map((column) => tx`${tx(column)}::text`)
          .reduce((list, text) => tx`${list}, ${text}`);
        // The iterator, not cursor(n, fn): postgres.js does not wait for fn on the last batch.
        const batches = tx<{ line: (string | null)[] }[]>`
          select json_build_array(${texts}) as line
          from ${tx(table.name)} order by ${tx(table.order)}`.cursor(1000);
        for await (const rows of batches) for (const { line } of rows) await archive.row(line);
      }
      // Read after the rows: a sequence only moves forward, so this is at least where the rows need it.
      const rows = await archive.end(await sequencePositions(tx));
      return { schemaVersion: names.at(-1)!, rows, leftOut };
    });
  } catch (error) {
    archive.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

interface TableShape extends ArchiveTable {
  /** The primary key's columns, or every column for a table without one. */
  order: string[];
}

/** The schema's tables with their columns in order. */
async function listTables(db: Db): Promise<TableShape[]> {
  const rows = await db<{ name: string; columns: string[]; key: string[] }[]>`
    select c.relname::text as name,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
            order by a.attnum) as columns,
      array(select a.attname::text
            from pg_index i cross join unnest(i.indkey) with ordinality k(attnum, position)
            join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
            where i.indrelid = c.oid and i.indisprimary
            order by k.position) as key
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind = 'r'
    order by c.relname`;
  return rows.map((r) => ({ name: r.name, columns: r.columns, order: r.key.length > 0 ? r.key : r.columns }));
}

async function sequencePositions(db: Db): Promise<SequencePosition[]> {
  const sequences = await db<{ name: string }[]>`
    select relname::text as name from pg_class
    where relnamespace = current_schema()::regnamespace and relkind = 'S'
    order by relname`;
  const positions: SequencePosition[] = [];
  for (const { name } of sequences) {
    const [row] = await db<{ lastValue: string; isCalled: boolean }[]>`
      select last_value::text as last_value, is_called from ${db(name)}`;
    positions.push({ name, ...row! });
  }
  return positions;
}
