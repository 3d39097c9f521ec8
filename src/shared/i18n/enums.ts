// Every enum of src/shared/records.ts and the topic catalogue, with the catalogue prefix of its
// labels (`topic.itsme`, `outcome.solved`...). The i18n test checks each value has a label.
import {
  AGE_BANDS,
  CHANNELS,
  DEVICES_USED,
  DID_IT_THEMSELVES,
  DURATION_BANDS,
  EQUIPMENT_KINDS,
  EQUIPMENT_STATUSES,
  GENDERS,
  LANGUAGES,
  LOAN_KINDS,
  LOAN_STATUSES,
  OUTCOMES,
  PERMANENCE_KINDS,
  REVIEW_STATES,
  STANDARD_ACCESSORIES,
  TABLES,
} from '../records';
import { BUILTIN_TOPICS } from '../topics';
import { ROLES } from '../api';

/** The local sync states a record can show (src/local SyncState). */
export const SYNC_STATES = ['pending', 'synced', 'needs_attention', 'conflict'] as const;

/** Catalogue prefix -> the enum values that need a label under it. */
export const ENUM_LABELS = {
  topic: BUILTIN_TOPICS,
  channel: CHANNELS,
  deviceUsed: DEVICES_USED,
  outcome: OUTCOMES,
  didIt: DID_IT_THEMSELVES,
  duration: DURATION_BANDS,
  ageBand: AGE_BANDS,
  gender: GENDERS,
  language: LANGUAGES,
  permanenceKind: PERMANENCE_KINDS,
  equipmentKind: EQUIPMENT_KINDS,
  equipmentStatus: EQUIPMENT_STATUSES,
  loanKind: LOAN_KINDS,
  loanStatus: LOAN_STATUSES,
  reviewState: REVIEW_STATES,
  table: TABLES,
  syncState: SYNC_STATES,
  role: ROLES,
  accessory: STANDARD_ACCESSORIES,
} as const;
export type EnumPrefix = keyof typeof ENUM_LABELS;
