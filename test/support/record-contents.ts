import type { Sql } from '../../src/store/db.js';

/** Every row of every table of the schema, as text and sorted, by table: two records compare equal. */
export async function recordContents(sql: Sql): Promise<Record<string, string[]>> {
  const tables = await sql<{ name: string }[]>`
    select tablename::text as name from pg_tables where schemaname = current_schema() order by 1`;
  const contents: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await sql<{ row: string }[]>`select r::text as row from ${sql(name)} r order by 1`;
    contents[name] = rows.map((r) => r.row);
  }
  return contents;
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
