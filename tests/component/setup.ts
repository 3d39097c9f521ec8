// Component tests run in jsdom with an in-memory IndexedDB, cleaned between tests. findBy* and
// waitFor wait for the screen to show something; their 1 s default is a race with a loaded
// machine (a lazily imported screen can take longer to transform and render there), so they
// wait up to 20 s as a backstop and return as soon as the condition holds.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/preact';
import { options } from 'preact';

configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());

// preact/hooks runs effects after the next paint: requestAnimationFrame raced by a 100 ms timer
// that then calls cancelAnimationFrame. A timer still pending when a file ends fires after
// jsdom's globals are gone ("cancelAnimationFrame is not defined", an unhandled error that fails
// the run). Here effects run on the next task instead, which needs neither global.
options.requestAnimationFrame = (callback) => void setTimeout(callback, 0);
