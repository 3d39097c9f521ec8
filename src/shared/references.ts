// Record fields that hold the id of a user or of another record, and what each points to. The
// coordinator routes answer a name for every such id (`names: {users, locations, partners,
// equipment}`, src/server/coordinator/names.ts), so no coordinator screen ever shows an id.
import { z } from './zod';

export const REFERENCE_FIELDS = {
  createdBy: 'users',
  staffUserIds: 'users',
  locationId: 'locations',
  referralPartnerIds: 'partners',
  equipmentId: 'equipment',
} as const;
export type ReferenceKind = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];

const nameMap = z.record(z.string(), z.string());
/** The `names` object of a coordinator answer: names by id, per kind of reference. */
export const referenceNames = z.object({
  users: nameMap,
  locations: nameMap,
  partners: nameMap,
  equipment: nameMap.meta({ description: 'Asset tags by equipment id.' }),
});
export type ReferenceNames = z.infer<typeof referenceNames>;
