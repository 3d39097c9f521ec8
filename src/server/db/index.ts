// Opens the database named by DATABASE_URL: SQLite through better-sqlite3 (WAL, synchronous=FULL, checkpoint policy, busy timeout,
// foreign keys) or PostgreSQL through a pg Pool. Everything above this file is dialect-free.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import { sqlitePath } from '../config';
import type { DB } from './types';

export type { DB } from './types';
export type Db = Kysely<DB>;

/** Prepared statements kept per connection (most recently used), by SQL text. */
const STATEMENT_CACHE = 256;

/**
 * `database` for Kysely, with its prepared statements kept and reused: Kysely's SQLite driver
 * prepares every query it runs, and SQLite's parse and plan of a push's multi-row INSERT was a
 * visible share of a push (issue 12). A statement is never run twice at once: Kysely holds the
 * one connection for each query or transaction, streams included.
 */
function withStatementCache(database: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) cache.delete(sql);
      else stmt = database.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      return stmt;
    },
  };
}

/** A Kysely instance for `sqlite:PATH` or `postgres://...` (search_path may be set via `?options=`). */
export function createDb(url: string): Db {
  const file = sqlitePath(url);
  if (file !== undefined) {
    const database = new Database(file);
    database.pragma('journal_mode = WAL');
    database.pragma('busy_timeout = 5000');
    database.pragma('foreign_keys = ON');
    // FULL: a commit (an answered push) is on disk before the answer, also through a power cut
    // or an OS crash (NORMAL only survives a process crash). Measured in the README's bench section.
    database.pragma('synchronous = FULL');
    // Checkpoint policy (issue 12): the WAL is copied back into the database file every 4,000
    // pages (16 MB at 4 KiB pages) rather than every 1,000, so an index page that many pushes
    // touch in a row is written back once, not four times; after a checkpoint the WAL file is cut
    // back to 64 MB at most. So the WAL stays bounded (16 MB plus the last transaction) unless a
    // long read holds the checkpoint back, and shrinks again after one. A page cache of 64 MB
    // (default 2 MB) keeps the index pages a push touches in memory.
    database.pragma('wal_autocheckpoint = 4000');
    database.pragma('journal_size_limit = 67108864');
    database.pragma('cache_size = -65536');
    return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  }
  throw new Error('DATABASE_URL must start with sqlite: or postgres://');
}
