// The built-in topic catalogue: unique valid keys, the list of src/shared/README.md, and a label in every
// UI language (the help form shows them as chips).
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/shared/i18n/en';
import { fr } from '../../../src/shared/i18n/fr';
import { nl } from '../../../src/shared/i18n/nl';
import { topicKey } from '../../../src/shared/records';
import { BUILTIN_TOPICS, COMMON_TOPICS } from '../../../src/shared/topics';

const catalogues: Record<string, Record<string, string>> = { en, nl, fr };

describe('built-in topics', () => {
  it('are the catalogue keys of src/shared/README.md, each once', () => {
    expect(new Set(BUILTIN_TOPICS).size).toBe(BUILTIN_TOPICS.length);
    expect([...BUILTIN_TOPICS].sort()).toEqual(
      [
        'itsme',
        'eid',
        'email',
        'e_banking',
        'tax_on_web',
        'mypension',
        'government_portal',
        'health_portal',
        'phishing',
        'smartphone_basics',
        'computer_basics',
        'messaging',
        'job_search',
        'school_apps',
        'device_problem',
        'other',
      ].sort(),
    );
  });

  it('are valid topic keys, so a help request may carry them', () => {
    for (const key of BUILTIN_TOPICS) expect(topicKey.safeParse(key).success, key).toBe(true);
  });

  it.each(Object.keys(catalogues))('have a non-empty label in %s', (lang) => {
    for (const key of BUILTIN_TOPICS) {
      expect(catalogues[lang]?.[`topic.${key}`]?.trim(), `${lang} topic.${key}`).toBeTruthy();
    }
  });

  it('have labels that tell topics apart within each language', () => {
    for (const [lang, messages] of Object.entries(catalogues)) {
      const labels = BUILTIN_TOPICS.map((k) => messages[`topic.${k}`]?.toLowerCase());
      expect(new Set(labels).size, lang).toBe(BUILTIN_TOPICS.length);
    }
  });

  it('show a few common ones first, all from the catalogue', () => {
    expect(COMMON_TOPICS.length).toBeGreaterThan(0);
    expect(new Set(COMMON_TOPICS).size).toBe(COMMON_TOPICS.length);
    for (const key of COMMON_TOPICS) expect(BUILTIN_TOPICS).toContain(key);
  });
});
