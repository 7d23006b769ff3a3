import type { Sql } from '../../src/store/db.js';

/**
 * Every row of every table of the schema, as JSON text (keys in jsonb's order) and sorted, by table:
 * two records compare equal. With `columns`, only those columns of each table listed there.
 */
export async function recordContents(
  sql: Sql,
  columns?: Record<string, string[]>,
): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }[]>`
    select tablename::text as name from pg_tables where schemaname = current_schema() order by 1`;
  const contents: Record<string, string[]> = {};
  for (const { name } of tables) {
    if (columns && !columns[name]) continue;
    const rows = await sql<{ row: string }[]>`select to_jsonb(r)::text as row from ${sql(name)} r`;
    contents[name] = rows
      .map((r) => (columns ? pick(r.row, columns[name]!) : r.row))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return contents;
}

function pick(row: string, keep: string[]): string {
  const all = JSON.parse(row) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(keep.map((k) => [k, all[k]])));
}

/** Each table's columns, for comparing a record before and after migrations that add some. */
export async function tableColumns(sql: Sql): Promise<Record<string, string[]>> {
  const rows = await sql<{ table: string; column: string }[]>`
    select table_name::text as table, column_name::text as column from information_schema.columns
    where table_schema = current_schema() order by table_name, ordinal_position`;
  const columns: Record<string, string[]> = {};
  for (const { table, column } of rows) (columns[table] ??= []).push(column);
  return columns;
}

/** Where each sequence of the schema stands. */
export async function sequencePositions(sql: Sql): Promise<Record<string, string>> {
  const sequences = await sql<{ name: string }[]>`
    select sequencename::text as name from pg_sequences where schemaname = current_schema() order by 1`;
  const positions: Record<string, string> = {};
  for (const { name } of sequences) {
    const [row] = await sql<{ position: string }[]>`
      select last_value || ' ' || is_called as position from ${sql(name)}`;
    positions[name] = row!.position;
  }
  return positions;
}
