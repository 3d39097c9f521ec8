// Reads for the screens of the first load (Home, its sync bar and saved notice): Dexie queries
// only. Nothing here imports zod or the write path (write.ts and the record schemas load with
// the forms), so the first screen stays within its budget. The repositories re-export these,
// so src/local/index.ts still offers them all.
import { isOpenLoan } from '../shared/loan-rules';
import type { LocalHelpRequest, LocalLoan, LocalPermanence } from './db';
import { getDb } from './meta';

/** One help request, unless deleted. */
export async function getHelpRequest(id: string): Promise<LocalHelpRequest | undefined> {
  const row = await getDb().help_requests.get(id);
  return row && !row.deleted ? row : undefined;
}

/** The latest help requests by time of help, newest first. */
export async function listRecentHelpRequests(limit = 50): Promise<LocalHelpRequest[]> {
  return getDb()
    .help_requests.orderBy('occurredAt')
    .reverse()
    .filter((r) => !r.deleted)
    .limit(limit)
    .toArray();
}

/** The most recently started session that is not closed yet. */
export async function getOpenPermanence(): Promise<LocalPermanence | undefined> {
  const rows = await getDb().permanences.orderBy('startedAt').reverse().toArray();
  return rows.find((p) => !p.deleted && !p.endedAt);
}

/** One permanence, unless deleted. */
export async function getPermanence(id: string): Promise<LocalPermanence | undefined> {
  const row = await getDb().permanences.get(id);
  return row && !row.deleted ? row : undefined;
}

/** The latest permanences, newest first. */
export async function listRecentPermanences(limit = 20): Promise<LocalPermanence[]> {
  return getDb()
    .permanences.orderBy('startedAt')
    .reverse()
    .filter((p) => !p.deleted)
    .limit(limit)
    .toArray();
}

/** Loans still out, oldest due first. */
export async function listOpenLoans(): Promise<LocalLoan[]> {
  const rows = await getDb().loans.toArray();
  return rows
    .filter((l) => isOpenLoan(l))
    .sort(
      (a, b) =>
        (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') || a.startedAt.localeCompare(b.startedAt),
    );
}

/** One loan, unless deleted. */
export async function getLoan(id: string): Promise<LocalLoan | undefined> {
  const row = await getDb().loans.get(id);
  return row && !row.deleted ? row : undefined;
}
