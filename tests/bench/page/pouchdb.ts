// Bench-only browser entry: PouchDB for the side-by-side peer benchmark (pouchdb-peer.ts).
import PouchDB from 'pouchdb-browser';

export { PouchDB };
