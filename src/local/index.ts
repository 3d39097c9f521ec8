// The local store's public API: what the UI (and the sync engine) may call. Components never
// touch Dexie directly.
export * from './db';
export * from './errors';
export { openDb, getDb, getMeta, setMeta, deleteMeta } from './meta';
export { onLocalWrite, validateInput } from './write';
export { withSyncState, listRecordsWithIssues, type RecordsWithIssues } from './read';
export * from './outbox';
export * from './help-requests';
export * from './permanences';
export * from './sessions';
export * from './loans';
export * from './reference';
export * from './transfer';
export { saveDraft, loadDraft, clearDraft, DRAFT_MAX_AGE_MS } from './drafts';
export { requestPersistence, storageEstimate, type StorageInfo } from './storage';
export * from './fiches';
