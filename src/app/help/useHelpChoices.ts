// The help form's choices on the phone: the reference data synced into the local store.
import { listLocations, listPartners, listTopics } from '../../local';
import { useLive } from '../ui/useLive';
import { topicOptions, type HelpChoices } from './choices';

/** Topics, places and partners from the phone's store, kept live. */
export function useHelpChoices(): HelpChoices {
  const orgTopics = useLive(listTopics) ?? [];
  return {
    topics: topicOptions(orgTopics),
    locations: useLive(listLocations) ?? [],
    partners: useLive(listPartners) ?? [],
  };
}
