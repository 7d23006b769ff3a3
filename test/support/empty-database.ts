import { connect, type Sql } from '../../src/store/db.js';
import { cleanUpAfter, createRunDatabase, testDatabaseUrl } from './db.js';

/**
 * A new database with no tables at all (not cloned from the migrated template), as an operator
 * creates one to restore into; dropped after the file's tests.
 */
export async function createEmptyDatabase(): Promise<{ url: string; sql: Sql }> {
  const url = testDatabaseUrl(await createRunDatabase('empty'));
  const sql = connect(url, { max: 4 });
  cleanUpAfter(() => sql.end({ timeout: 5 }));
  return { url, sql };
}
