// The built-in topic catalogue: the keys a help request may carry out of the box.
// Labels live in the i18n catalogues under `topic.<key>`.

export const BUILTIN_TOPICS = [
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
] as const;

export type BuiltinTopic = (typeof BUILTIN_TOPICS)[number];

/** The topics shown first on the help form, the ones most asked at a stand. */
export const COMMON_TOPICS: readonly BuiltinTopic[] = [
  'itsme',
  'email',
  'e_banking',
  'mypension',
  'phishing',
];
