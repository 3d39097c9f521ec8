// The local store's public API: what the UI (and the sync engine) may call. Components never
// touch Dexie directly.
export * from './db';
export * from './errors';
export { openDb, getDb, getMeta, setMeta, deleteMeta } from './meta';
export { onLocalWrite, validateInput } from './write';
export * from './outbox';
export * from './help-requests';
export * from './permanences';
export * from './loans';
export * from './reference';
export * from './transfer';
export { requestPersistence, storageEstimate, type StorageInfo } from './storage';
