// The zod every shared schema (and the client code that builds its own) imports. Two changes
// from plain zod:
// - `z.string()` refuses text that is not well-formed Unicode (zod-wellformed.ts), so every
//   string of every request and record is checked without anyone remembering to.
// - In a browser or the service worker zod runs "jitless": its JIT compiles object parsers with
//   `new Function`, which our Content-Security-Policy (no 'unsafe-eval') forbids, and even zod's
//   probe for it reports a CSP violation. The setting is read when a schema is built, so it must
//   be made before any schema module runs: ES modules evaluate this file first because the
//   schema modules import `z` from here. On the server (Node) the JIT stays on.
// Import `z` from here, never from 'zod' (eslint refuses the latter outside this folder's zod files).
import * as z from './zod-wellformed';

const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
if (!node) z.config({ jitless: true });

export { z };
