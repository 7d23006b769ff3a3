/** Rows per table in one line, as the backup and restore commands report them: "users 3, groups 1". */
export function describeRows(rows: Record<string, number>): { total: number; perTable: string } {
  const entries = Object.entries(rows);
  return {
    total: entries.reduce((sum, [, n]) => sum + n, 0),
    perTable: entries.map(([table, n]) => `${table} ${n}`).join(', '),
  };
}
