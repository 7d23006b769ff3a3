import {
  openArchive,
  RestoreRefusedError,
  type ArchiveHeader,
  type ArchiveTable,
  type ArchiveTrailer,
  type OpenedArchive,
} from './archive.js';
import type { Db, Sql } from './db.js';
import { migrate, migrateSome, migrationNames } from './migrate.js';

/** Tables that migrating an empty database fills by itself; a restore replaces their rows. */
const FILLED_BY_MIGRATIONS = ['schema_migrations', 'audit_actions'];

export interface RestoreResult {
  header: ArchiveHeader;
  /** Rows per table as loaded, equal to the archive's counts. */
  rows: Record<string, number>;
  /** Migrations newer than the archive, applied after loading it. */
  applied: string[];
}

/**
 * Loads the archive in `file` into the empty database at `url` (`sql` connects to it): migrates it
 * to the archive's schema version, loads every row exactly as written (audit hashes included, with
 * triggers off for this session only) and the sequences in one transaction, then applies newer
 * migrations unless `upgrade` is false (a rollback, for the older Gatehouse that wrote it). Throws RestoreRefusedError before changing anything for a database with rows or an
 * archive from a newer or another Gatehouse; a damaged archive loads nothing (the schema it
 * migrated to stays, so the restore can simply run again).
 */
export async function restoreRecord(
  url: string,
  sql: Sql,
  file: string,
  options: { upgrade?: boolean } = {},
): Promise<RestoreResult> {
  const archive = await openArchive(file);
  try {
    const { header } = archive;
    assertKnownSchema(header, await migrationNames());
    await assertEmpty(sql);
    const present = await appliedMigrations(sql);
    if (present.some((name, i) => header.migrations[i] !== name))
      throw new RestoreRefusedError(
        `The database is at schema ${present.at(-1)}, past the backup's ${header.schemaVersion}: restore into an empty database.`,
      );
    await migrateSome(url, header.migrations.length - present.length);
    const rows = await sql.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      await tx`lock table ${tx(await tableNames(tx))} in access exclusive mode`;
      await assertEmpty(tx);
      return load(tx, archive);
    });
    return { header, rows, applied: (options.upgrade ?? true) ? await migrate(url) : [] };
  } finally {
    archive.close();
  }
}

function assertKnownSchema(header: ArchiveHeader, known: string[]): void {
  const foreign = header.migrations.findIndex((name, i) => known[i] !== name);
  if (foreign === -1) return;
  throw new RestoreRefusedError(
    foreign >= known.length
      ? `The backup is at schema ${header.schemaVersion}, newer than this Gatehouse (${known.at(-1)}): restore it with the version that wrote it.`
      : `The backup's schema has ${header.migrations[foreign]} where this Gatehouse has ${known[foreign]}: it comes from another version of Gatehouse.`,
  );
}

async function tableNames(db: Db): Promise<string[]> {
  const rows = await db<{ name: string }[]>`
    select relname::text as name from pg_class
    where relnamespace = current_schema()::regnamespace and relkind = 'r'
    order by relname`;
  return rows.map((r) => r.name);
}

async function assertEmpty(db: Db): Promise<void> {
  const holding: string[] = [];
  for (const name of await tableNames(db)) {
    if (FILLED_BY_MIGRATIONS.includes(name)) continue;
    const [row] = await db<{ holds: boolean }[]>`select exists (select from ${db(name)}) as holds`;
    if (row!.holds) holding.push(name);
  }
  if (holding.length > 0)
    throw new RestoreRefusedError(
      `The database is not empty (${holding.join(', ')} hold rows): restore into a new database or a new DATA_DIR.`,
    );
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const [table] = await db<{ exists: boolean }[]>`
    select to_regclass('schema_migrations') is not null as exists`;
  if (!table!.exists) return [];
  const rows = await db<{ name: string }[]>`select name from schema_migrations order by id`;
  return rows.map((r) => r.name);
}

/** Inserts every section of the archive into its table and sets the sequences; returns the counts. */
async function load(tx: Db, archive: OpenedArchive): Promise<Record<string, number>> {
  let batch: Batch | undefined;
  let trailer: ArchiveTrailer | undefined;
  for await (const line of archive.lines) {
    if (line.kind === 'row') {
      if (batch!.add(line.values)) await batch!.flush();
    } else if (line.kind === 'table') {
      await batch?.flush();
      await assertSameColumns(tx, line.table);
      if (FILLED_BY_MIGRATIONS.includes(line.table.name)) await tx`delete from ${tx(line.table.name)}`;
      batch = new Batch(tx, line.table.name);
    } else {
      await batch?.flush();
      trailer = line.trailer;
    }
  }
  const rows: Record<string, number> = {};
  for (const name of Object.keys(trailer!.rows)) {
    const [row] = await tx<{ count: number }[]>`select count(*)::int as count from ${tx(name)}`;
    rows[name] = row!.count;
    if (rows[name] !== trailer!.rows[name])
      throw new Error(
        `${name} holds ${rows[name]} rows after loading, not the archive's ${trailer!.rows[name]}`,
      );
  }
  for (const { name, lastValue, isCalled } of trailer!.sequences)
    await tx`select setval(${name}::regclass, ${lastValue}::bigint, ${isCalled})`;
  return rows;
}

async function assertSameColumns(db: Db, table: ArchiveTable): Promise<void> {
  const [shape] = await db<{ columns: string[] }[]>`
    select array(select attname::text from pg_attribute
                 where attrelid = ${table.name}::regclass and attnum > 0 and not attisdropped
                 order by attnum) as columns`;
  if (shape!.columns.join() !== table.columns.join())
    throw new RestoreRefusedError(
      `The backup's ${table.name} has the columns ${table.columns.join(', ')}, the database's ${shape!.columns.join(', ')}.`,
    );
}

/**
 * Rows of one table on their way in, many per statement. Each row becomes the text of a row of
 * the table's type, which PostgreSQL parses with each column's own input function: the same
 * values as the text forms the backup read, whatever the types.
 */
class Batch {
  private literals: string[] = [];
  private size = 0;

  constructor(
    private readonly tx: Db,
    private readonly table: string,
  ) {}

  /** Adds a row; true when the batch is big enough to send. */
  add(values: (string | null)[]): boolean {
    const literal = rowLiteral(values);
    this.literals.push(literal);
    this.size += literal.length;
    return this.literals.length >= 1000 || this.size >= 4 * 1024 * 1024;
  }

  async flush(): Promise<void> {
    if (this.literals.length === 0) return;
    const { tx, table } = this;
    await tx`insert into ${tx(table)} select * from unnest(${this.literals}::text[]::${tx(table)}[])`;
    this.literals = [];
    this.size = 0;
  }
}

/** A row as the text PostgreSQL reads for a composite value: `("a","b",)`, an empty field for NULL. */
function rowLiteral(values: (string | null)[]): string {
  return `(${values.map((v) => (v === null ? '' : `"${v.replace(/["\\]/g, '\\$&')}"`)).join(',')})`;
}
