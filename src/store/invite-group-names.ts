import type { Db } from './db.js';

/**
 * The names of an invite's groups, alphabetically (an empty array for none), as a column of a
 * statement that reads the invite as `i`.
 */
export const inviteGroupNames = (db: Db) => db`
  coalesce((select array_agg(g.name order by lower(g.name)) from invite_groups ig
            join groups g on g.id = ig.group_id where ig.invite_id = i.id), '{}')`;
