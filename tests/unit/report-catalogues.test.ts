// The coordinator catalogues: every key in English exists, non-empty, in Dutch and French, and
// placeholders match, so the report and workspace read fully in the coordinator's language.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/shared/i18n/coordinator/en';
import { fr } from '../../src/shared/i18n/coordinator/fr';
import { nl } from '../../src/shared/i18n/coordinator/nl';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['nl', nl],
  ['fr', fr],
])('coordinator catalogue %s', (_lang, cat) => {
  it('has exactly the English keys, non-empty, with the same placeholders', () => {
    expect(Object.keys(cat).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      const text = cat[k as keyof typeof en];
      expect(text.trim().length, k).toBeGreaterThan(0);
      expect(placeholders(text), k).toEqual(placeholders(v));
    }
  });
});
