// A tiny hash router: the app is one page served from the precache, so routes live in the hash
// (`#/help/new`) and work offline and on reload without any server rewrite. Ships in the first load.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'home' }
  | { name: 'helpNew' }
  | { name: 'helpEdit'; id: string }
  | { name: 'permanence' }
  | { name: 'permanenceEdit'; id: string }
  | { name: 'sessionJoin'; id: string }
  | { name: 'loans' }
  | { name: 'lend'; equipmentId: string }
  | { name: 'loan'; id: string }
  | { name: 'recent' }
  | { name: 'settings' }
  | { name: 'fiches' }
  | { name: 'fiche'; key: string }
  | { name: 'signin' }
  | { name: 'enrol'; code: string }
  | { name: 'reset'; code: string }
  | { name: 'review' }
  | { name: 'notFound' };

const PATTERNS: Array<[RegExp, (m: string[]) => Route]> = [
  [/^\/?$/, () => ({ name: 'home' })],
  [/^\/help\/new$/, () => ({ name: 'helpNew' })],
  [/^\/help\/([^/]+)$/, (m) => ({ name: 'helpEdit', id: m[1] ?? '' })],
  [/^\/permanence$/, () => ({ name: 'permanence' })],
  [/^\/permanence\/([^/]+)$/, (m) => ({ name: 'permanenceEdit', id: m[1] ?? '' })],
  // A colleague's shared session, from the QR code its phone shows (SharedSession.tsx).
  [/^\/session\/([^/]+)$/, (m) => ({ name: 'sessionJoin', id: m[1] ?? '' })],
  [/^\/loans$/, () => ({ name: 'loans' })],
  [/^\/loans\/lend\/([^/]+)$/, (m) => ({ name: 'lend', equipmentId: m[1] ?? '' })],
  [/^\/loans\/([^/]+)$/, (m) => ({ name: 'loan', id: m[1] ?? '' })],
  [/^\/recent$/, () => ({ name: 'recent' })],
  [/^\/settings$/, () => ({ name: 'settings' })],
  [/^\/fiches$/, () => ({ name: 'fiches' })],
  [/^\/fiches\/([^/]+)$/, (m) => ({ name: 'fiche', key: m[1] ?? '' })],
  [/^\/signin$/, () => ({ name: 'signin' })],
  [/^\/enrol\/([^/]+)$/, (m) => ({ name: 'enrol', code: m[1] ?? '' })],
  [/^\/reset\/([^/]+)$/, (m) => ({ name: 'reset', code: m[1] ?? '' })],
  // The coordinator workspace has its own sub-router (src/app/workspace).
  [/^\/review(\/.*)?$/, () => ({ name: 'review' })],
];

/** `decodeURIComponent`, or undefined for a malformed escape ("%E0%A4%A") instead of a throw. */
export function safeDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
}

/** The route of a location hash ("#/loans/lend/abc"); a link that does not decode is not found. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  for (const [re, make] of PATTERNS) {
    const m = re.exec(path);
    if (!m) continue;
    const parts = m.map((s) => (s === undefined ? s : safeDecode(s)));
    if (parts.some((p, i) => p === undefined && m[i] !== undefined)) return { name: 'notFound' };
    return make(parts as string[]);
  }
  return { name: 'notFound' };
}

/** Goes to `path` ("/help/new"). */
export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    onChange();
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
