// `npm run backup [file]`: an online backup of the SQLite database of DATABASE_URL (the server
// may keep running: better-sqlite3's backup API copies a consistent snapshot page by page).
// Default file: ./data/backup/digitafel-<UTC time>.sqlite. PostgreSQL: use pg_dump (README.md,
// "Backups"). The copy's pull cursors are moved to a new epoch, so that once it is restored,
// phones pull from the start instead of trusting sequence numbers the restored server reuses.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { sqlitePath } from './config';

/** Copies the SQLite database at `source` to `target` while it is in use; returns pages copied. */
export async function backupSqlite(source: string, target: string): Promise<number> {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    const copy = new Database(target);
    try {
      markRestored(copy);
    } finally {
      copy.close();
    }
    return totalPages;
  } finally {
    db.close();
  }
}

/** Moves every organisation's pull cursor epoch on (a restored copy serves no old cursor). */
export function markRestored(db: Database.Database): void {
  db.prepare('UPDATE org_seq SET epoch = epoch + 1').run();
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || 'sqlite:./data/digitafel.sqlite';
  const file = sqlitePath(url);
  if (file === undefined) {
    throw new Error('npm run backup copies an SQLite database; for PostgreSQL use pg_dump (README.md)');
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = process.argv[2] || `./data/backup/digitafel-${stamp}.sqlite`;
  const pages = await backupSqlite(file, target);
  console.info(`backed up ${file} to ${target} (${pages} pages)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
