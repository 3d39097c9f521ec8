// Opens the database named by DATABASE_URL: SQLite through better-sqlite3 (WAL, busy timeout,
// foreign keys) or PostgreSQL through a pg Pool. Everything above this file is dialect-free.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { sqlitePath } from '../config';
import type { DB } from './types';

export type { DB } from './types';
export type Db = Kysely<DB>;

/** A Kysely instance for `sqlite:PATH` or `postgres://...` (search_path may be set via `?options=`). */
export function createDb(url: string): Db {
  const file = sqlitePath(url);
  if (file !== undefined) {
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
    return new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}
