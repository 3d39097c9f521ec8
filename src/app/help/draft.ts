// The help form's state and how it becomes a record: empty strings become null, yes/no chips
// become booleans, an unanswered choice null. The local store validates the result with the shared zod schema.
import type { HelpRequestDraft, LocalHelpRequest } from '../../local';
import { didItThemselvesOf, type DidItThemselves } from '../../shared/records';

export interface Draft {
  id?: string;
  occurredAt?: string;
  topics: string[];
  channel: string;
  locationId: string | null;
  permanenceId: string | null;
  outcome: string | undefined;
  referralPartnerIds: string[];
  followUpNeeded: boolean;
  durationBand: string | undefined;
  deviceUsed: string | undefined;
  didItThemselves: DidItThemselves | null;
  ageBand: string | undefined;
  gender: string | undefined;
  language: string | undefined;
  districtOrPostcode: string;
  repeatVisitor: boolean | null;
  visitorCode: string;
  note: string;
  serviceSignal: string;
}

/** A fresh form with the given defaults. */
export function emptyDraft(defaults: Partial<Draft> = {}): Draft {
  return {
    topics: [],
    channel: 'street_stand',
    locationId: null,
    permanenceId: null,
    outcome: undefined,
    referralPartnerIds: [],
    followUpNeeded: false,
    durationBand: undefined,
    deviceUsed: undefined,
    didItThemselves: null,
    ageBand: undefined,
    gender: undefined,
    language: undefined,
    districtOrPostcode: '',
    repeatVisitor: null,
    visitorCode: '',
    note: '',
    serviceSignal: '',
    ...defaults,
  };
}

/** The form state of a stored record (for editing). */
export function draftOf(r: LocalHelpRequest): Draft {
  return emptyDraft({
    id: r.id,
    occurredAt: r.occurredAt,
    topics: [...r.topics],
    channel: r.channel,
    locationId: r.locationId ?? null,
    permanenceId: r.permanenceId ?? null,
    outcome: r.outcome,
    referralPartnerIds: [...(r.referralPartnerIds ?? [])],
    followUpNeeded: r.followUpNeeded ?? false,
    durationBand: r.durationBand ?? undefined,
    deviceUsed: r.deviceUsed ?? undefined,
    // A record saved before the choice holds a boolean.
    didItThemselves: didItThemselvesOf(r.didItThemselves),
    ageBand: r.ageBand ?? undefined,
    gender: r.gender ?? undefined,
    language: r.language ?? undefined,
    districtOrPostcode: r.districtOrPostcode ?? '',
    repeatVisitor: r.repeatVisitor ?? null,
    visitorCode: r.visitorCode ?? '',
    note: r.note ?? '',
    serviceSignal: r.serviceSignal ?? '',
  });
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** The record to save; possibly invalid (the store refuses it with the zod issues). */
export function toRecord(d: Draft, now: string): HelpRequestDraft {
  const record = {
    ...(d.id && { id: d.id }),
    occurredAt: d.occurredAt ?? now,
    channel: d.channel,
    locationId: d.locationId,
    permanenceId: d.permanenceId,
    topics: d.topics,
    outcome: d.outcome,
    referralPartnerIds: d.outcome === 'referred' ? d.referralPartnerIds : [],
    followUpNeeded: d.followUpNeeded,
    durationBand: d.durationBand ?? null,
    deviceUsed: d.deviceUsed ?? null,
    didItThemselves: d.didItThemselves,
    ageBand: d.ageBand ?? null,
    gender: d.gender ?? null,
    language: d.language ?? null,
    districtOrPostcode: orNull(d.districtOrPostcode),
    repeatVisitor: d.repeatVisitor,
    visitorCode: orNull(d.visitorCode),
    note: d.note.trim() === '' ? null : d.note,
    serviceSignal: d.serviceSignal.trim() === '' ? null : d.serviceSignal,
  };
  // Unchecked on purpose: saveHelpRequest validates and refuses an incomplete form.
  return record as HelpRequestDraft;
}
