// Errors the local store throws for the UI to translate: invalid input (with the zod issues a
// form shows next to its fields), a blocked loan, a missing record, a full disk, a sign-in by
// someone else while this phone still holds another person's unsent records.
import type { z } from '../shared/zod';
import type { LocalLoan } from './db';

/** The record failed its zod input schema; `issues` point at the fields. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super('validation_failed');
  }
}

/** This phone knows an open loan for the item: return it first. */
export class LoanBlockedError extends Error {
  override readonly name = 'LoanBlockedError';
  constructor(readonly openLoan: LocalLoan) {
    super('loan_blocked');
  }
}

/** The record (or equipment item) does not exist on this phone. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
  constructor(
    readonly table: string,
    readonly id: string,
  ) {
    super('not_found');
  }
}

/** The browser refused to store more (quota exceeded). Nothing was written. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(cause?: unknown) {
    super('storage_full', { cause });
  }
}

/** Whether `err` (or an error it wraps, as Dexie's AbortError does in `inner`) is a quota error. */
export function isQuotaError(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; depth++) {
    const { name, inner } = e as { name?: string; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    e = inner;
  }
  return false;
}

/**
 * Turns a quota error into StorageFullError; anything else is returned unchanged. `abortReason`
 * is the failed transaction's own error, which is the quota error when the browser aborted the
 * transaction while it ran and `err` is only what the next operation then raised.
 */
export function translateStorageError(err: unknown, abortReason?: unknown): unknown {
  if (isQuotaError(err)) return new StorageFullError(err);
  if (isQuotaError(abortReason)) return new StorageFullError(abortReason);
  return err;
}

/**
 * Someone other than the phone's last user signed in while it still holds that user's unsent
 * records. Sending them would put them under the wrong name, or into another organisation.
 */
export class OtherUsersRecordsError extends Error {
  override readonly name = 'OtherUsersRecordsError';
  constructor(
    /** Records on the phone the server does not have: waiting to send, or refused by it. */
    readonly pending: number,
    /** The previous user's name. */
    readonly ownerName: string,
    /** Whether the new user is in the previous user's organisation (only then may they adopt). */
    readonly sameOrg: boolean,
  ) {
    super('other_users_records');
  }
}
