// Component tests run in jsdom with an in-memory IndexedDB, cleaned between tests.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

afterEach(() => cleanup());
