// Places, topics and referral partners: the reference data phones pull. A coordinator adds them
// by name (a topic's key is made by the server from its name, never typed), corrects them, and
// switches them off; each change is an audited correction that reaches the phones.
import { ct } from '../i18n';
import { PageHeader } from '../ui/PageHeader';
import type { RefField } from './RefForm';
import { RefTable } from './RefTable';
import { Topics } from './Topics';

const PLACE_FIELDS: readonly RefField[] = [
  { name: 'name', label: 'reference.name', maxLength: 200 },
  { name: 'address', label: 'reference.address', maxLength: 200 },
  { name: 'postcode', label: 'reference.postcode', maxLength: 10 },
];
const PARTNER_FIELDS: readonly RefField[] = [
  { name: 'name', label: 'reference.name', maxLength: 200 },
  { name: 'kind', label: 'reference.partnerKind', maxLength: 200 },
  { name: 'contact', label: 'reference.contact', maxLength: 200 },
  { name: 'url', label: 'reference.url', maxLength: 500, type: 'url' },
];

/** The places, topics and partners screen. */
export function Reference() {
  return (
    <section aria-labelledby="reference-title">
      <PageHeader id="reference-title" title={ct('nav.reference')} sub={ct('reference.offHint')} />
      <RefTable
        table="locations"
        title="table.locations"
        hint="reference.placesHint"
        add="reference.addPlace"
        fields={PLACE_FIELDS}
      />
      <Topics />
      <RefTable
        table="partners"
        title="table.partners"
        hint="reference.partnersHint"
        add="reference.addPartner"
        fields={PARTNER_FIELDS}
      />
    </section>
  );
}
