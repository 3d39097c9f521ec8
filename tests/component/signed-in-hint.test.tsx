// The signed-in hint in localStorage (src/app/session.ts): set when a session is read or stored,
// removed on sign-out, so the entry (main.tsx) shows Home's actions at start only to a phone
// where someone is signed in. It holds no token and no name.
import { describe, expect, it } from 'vitest';
import { SIGNED_IN_HINT, refreshSession, signOut } from '../../src/app/session';
import { freshPhone } from './helpers';

describe('signed-in hint', () => {
  it('follows the session: set while signed in, gone after sign-out', async () => {
    localStorage.clear();
    await freshPhone();
    expect(localStorage.getItem(SIGNED_IN_HINT)).toBe('1');
    expect(Object.values({ ...localStorage }).join(' ')).not.toContain('test-token');
    await signOut();
    expect(localStorage.getItem(SIGNED_IN_HINT)).toBeNull();
    await refreshSession();
    expect(localStorage.getItem(SIGNED_IN_HINT)).toBeNull();
  });
});
