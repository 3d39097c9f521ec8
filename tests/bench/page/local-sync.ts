// Bench-only browser entry (never part of the product build): the app's own local store and
// sync engine modules, bundled by page-bundle.ts and injected into a page on the server's
// origin, so the benchmarks drive exactly that code in Chromium without the UI around it.
export { openDb, saveHelpRequest } from '../../../src/local';
export { storeSession } from '../../../src/sync/session';
export { createApiClient } from '../../../src/sync/api-client';
export { pushOutbox } from '../../../src/sync/push';
export { pullChanges } from '../../../src/sync/pull';
export { queueHelpRequests } from '../../unit/sync/queue';
