// The one write path of the phone: validate the record with its zod input schema, then write the
// row and its outbox entry in ONE rw transaction, the mutation id taken from `meta` inside it.
// "Saved" means this transaction committed; a failure (or a full disk) leaves neither.
import type { Table } from 'dexie';
import { inputSchemas, toInput, type InputOf } from '../shared/records';
import { reviewStateAfterEdit } from '../shared/review-state';
import type { DigitafelDb, LocalRecord, OutboxTable } from './db';
import { NotFoundError, ValidationError, translateStorageError } from './errors';
import { takeMutationId } from './meta';
import { requestPersistence } from './storage';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Calls `fn` after every committed local write (the sync triggers use it); returns an unsubscribe. */
export function onLocalWrite(fn: Listener): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The current instant, as records store it. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Validates `candidate` against the table's input schema, or throws ValidationError. */
export function validateInput<T extends OutboxTable>(
  table: T,
  candidate: Record<string, unknown>,
): InputOf<T> {
  const res = inputSchemas[table].safeParse(toInput(table, candidate));
  if (!res.success) throw new ValidationError(res.error.issues);
  return res.data as InputOf<T>;
}

/** The fields of a stored row that are not device input (server and local fields). */
function nonInputFields(
  table: OutboxTable,
  row: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!row) return {};
  const inputKeys = new Set(Object.keys(inputSchemas[table].shape));
  return Object.fromEntries(Object.entries(row).filter(([k]) => !inputKeys.has(k)));
}

export interface CommitOptions<T extends OutboxTable> {
  op?: 'upsert' | 'delete';
  /** Other tables the transaction touches (for `alsoInTx`). */
  tables?: Table[];
  /** Further writes in the same transaction, after the record and its outbox entry. */
  alsoInTx?: (row: LocalRecord<T>) => Promise<void>;
}

/** Writes one record (built from the existing row inside the transaction) plus its outbox entry. */
export async function commitRecord<T extends OutboxTable>(
  db: DigitafelDb,
  table: T,
  id: string,
  build: (existing: LocalRecord<T> | undefined) => Record<string, unknown> | Promise<Record<string, unknown>>,
  opts: CommitOptions<T> = {},
): Promise<LocalRecord<T>> {
  const op = opts.op ?? 'upsert';
  const t = db.recordTable(table);
  let idbtx: IDBTransaction | undefined;
  try {
    const saved = await db.transaction('rw', [t, db.outbox, db.meta, ...(opts.tables ?? [])], async (tx) => {
      idbtx = tx.idbtrans;
      const existing = await t.get(id);
      const now = nowIso();
      let row: LocalRecord<T>;
      if (op === 'delete') {
        if (!existing) throw new NotFoundError(table, id);
        row = { ...existing, deleted: true, syncState: 'pending', updatedAt: now } as LocalRecord<T>;
      } else {
        const built = await build(existing);
        const input = validateInput(table, {
          createdAt: existing?.createdAt ?? now,
          ...built,
          id,
          updatedAt: now,
        });
        const kept = nonInputFields(table, existing as Record<string, unknown> | undefined);
        row = { ...kept, ...input, syncState: 'pending' } as unknown as LocalRecord<T>;
        // A correction of a reviewed record, or of one with issues, is new again, as the server
        // will store it (src/shared/review-state.ts): the "needs your attention" notice goes now.
        if (existing?.reviewState)
          row.reviewState = reviewStateAfterEdit(
            existing.reviewState,
            toInput(table, existing as unknown as Record<string, unknown>),
            input as Record<string, unknown>,
          );
        delete row.syncError;
        delete row.serverRecord;
        delete row.deleted;
      }
      const mutationId = await takeMutationId(db);
      row.localMutationId = mutationId;
      await t.put(row);
      await db.outbox.add({
        mutationId,
        table,
        op,
        id,
        baseVersion: existing?.version ?? null,
        ...(op === 'upsert' && { record: toInput(table, row as unknown as Record<string, unknown>) }),
        createdAt: now,
      });
      await opts.alsoInTx?.(row);
      return row;
    });
    afterWrite();
    return saved;
  } catch (err) {
    // A browser that aborts the transaction on a full disk while it still runs makes the NEXT
    // operation fail (InvalidStateError...); the real reason is the transaction's error.
    throw translateStorageError(err, abortReason(idbtx));
  }
}

/** Why the transaction aborted, if it did (null while it runs or after it committed). */
function abortReason(tx: IDBTransaction | undefined): unknown {
  try {
    return tx?.error ?? undefined;
  } catch {
    return undefined; // reading `error` before the transaction finished throws InvalidStateError
  }
}

function afterWrite(): void {
  void requestPersistence();
  for (const fn of listeners) {
    try {
      fn();
    } catch (err) {
      console.error('local write listener failed', err);
    }
  }
}
