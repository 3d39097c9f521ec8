// Minimal declarations of the untyped PouchDB packages the peer benchmark uses.
declare module 'pouchdb-core';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-mapreduce';
declare module 'pouchdb-replication';
declare module 'pouchdb-browser';
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  const expressPouchDB: (
    PouchDB: unknown,
    options?: Record<string, unknown>,
  ) => (req: IncomingMessage, res: ServerResponse) => void;
  export default expressPouchDB;
}
