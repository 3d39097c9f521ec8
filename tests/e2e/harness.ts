// The e2e harness in one import: the real server as a child process (server.ts), Debian's
// Chromium (browser.ts) and REST seeding/reading helpers (api.ts).
export * from './server';
export * from './browser';
export * from './api';
