// A neighbourhood project's month, seeded through the real API for the workspace tests and the
// screenshot script: places, partners, two volunteers with help requests over four weeks (some
// with follow-up, one "has issues"), permanences, laptops with open, overdue and returned
// loans. Every record goes through /sync/push as a phone would send it.
import { randomUUID } from 'node:crypto';
import { api, Coordinator, login, seedOrg, type SeededOrg } from './api';
import { seedEquipment } from './workspace-equipment';

export interface WorkspaceData extends SeededOrg {
  helpRequestIds: string[];
  permanenceIds: string[];
  partnerIds: string[];
  placeIds: string[];
  volunteers: Array<{ id: string; name: string }>;
  /** Equipment items by asset tag (workspace-equipment.ts). */
  equipmentIds: Record<string, string>;
}

const TOPICS = [['itsme'], ['email', 'phishing'], ['mypension'], ['e_banking'], ['tax_on_web', 'eid']];
const OUTCOMES = ['solved', 'solved', 'partly', 'referred', 'not_solved'] as const;
const CHANNELS = ['street_stand', 'permanence', 'door_to_door', 'phone'] as const;
const DAY = 86_400_000;

/**
 * Seeds the organisation of `seedOrg` plus a month of field work; `n` help requests. `suffix`
 * names the organisation ("Buurt <suffix>"; random by default, so each test has its own).
 */
export async function seedWorkspace(base: string, n = 24, suffix?: string): Promise<WorkspaceData> {
  const org = await seedOrg(base, suffix);
  const coord = org.coordinator;
  const placeIds = [
    org.locationId,
    ...(await coord.upsert('locations', [
      { name: 'Buurthuis De Kaai', postcode: '2000', active: true },
      { name: 'Markt Kiel', postcode: '2020', active: true },
    ])),
  ];
  const partnerIds = await coord.upsert('partners', [
    { name: 'OCMW Antwerpen', active: true },
    { name: 'Digipunt Bibliotheek', active: true },
  ]);
  const second = { email: `second-${randomUUID().slice(0, 8)}@e2e.test`, name: 'Samira Haddad' };
  await api(base, '/users', {
    token: coord.session.token,
    body: { ...second, password: 'tulpen dijk zeilboot negen', role: 'volunteer' },
    expect: 201,
  });
  const phones = [
    new Coordinator(base, await login(base, org.volunteer.email, org.volunteer.password)),
    new Coordinator(base, await login(base, second.email, 'tulpen dijk zeilboot negen')),
  ];
  const now = Date.now();
  const helpRequestIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const outcome = OUTCOMES[i % OUTCOMES.length] ?? 'solved';
    const record = {
      occurredAt: new Date(now - (i * 27 * DAY) / n - ((i * 37) % 9) * 3_600_000).toISOString(),
      channel: CHANNELS[i % CHANNELS.length],
      locationId: placeIds[i % placeIds.length],
      topics: TOPICS[i % TOPICS.length],
      outcome,
      referralPartnerIds: outcome === 'referred' ? [partnerIds[i % 2]] : [],
      followUpNeeded: i % 6 === 0,
      durationBand: ['le15', '15_30', '30_60'][i % 3],
      didItThemselves: (['yes', 'together', 'helper'] as const)[i % 3],
      deviceUsed: i % 2 ? 'own_phone' : 'own_laptop',
      ageBand: ['56_65', '66_75', '41_55'][i % 3],
      gender: i % 2 ? 'woman' : 'man',
      language: ['nl', 'fr', 'ar'][i % 3],
      note: i % 4 === 0 ? 'Wachtwoord vergeten; samen een nieuw ingesteld.' : null,
    };
    helpRequestIds.push(...(await phones[i % 2]!.upsert('help_requests', [record])));
  }
  const permanenceIds = await phones[0]!.upsert(
    'permanences',
    [0, 7, 14].map((d, i) => ({
      locationId: placeIds[i % placeIds.length],
      kind: 'permanence',
      startedAt: new Date(now - d * DAY - 4 * 3_600_000).toISOString(),
      endedAt: new Date(now - d * DAY - 1 * 3_600_000).toISOString(),
      visitorCount: 9 + i,
      turnedAwayCount: i,
      notes: 'Druk na de middag.',
    })),
  );
  const tags = ['LT-101', 'LT-102', 'LT-103', 'TB-201'];
  const items = await coord.upsert(
    'equipment',
    tags.map((assetTag, i) => {
      const tablet = assetTag.startsWith('TB');
      return {
        assetTag,
        kind: tablet ? 'tablet' : 'laptop',
        make: 'Lenovo',
        model: tablet ? 'Tab M10' : `ThinkPad T${480 + i}`,
        status: 'ready',
      };
    }),
  );
  await phones[0]!.upsert('loans', [
    {
      equipmentId: items[0],
      kind: 'loan',
      borrowerCode: 'B-0101',
      startedAt: new Date(now - 40 * DAY).toISOString(),
      dueAt: new Date(now - 10 * DAY).toISOString(),
      agreementExplained: true,
    },
    {
      equipmentId: items[1],
      kind: 'loan',
      borrowerCode: 'B-0102',
      startedAt: new Date(now - 5 * DAY).toISOString(),
      dueAt: new Date(now + 25 * DAY).toISOString(),
      agreementExplained: true,
    },
  ]);
  const { equipmentIds } = await seedEquipment(base, coord, phones, org.volunteer, {
    'LT-101': items[0]!,
    'LT-102': items[1]!,
    'LT-103': items[2]!,
    'TB-201': items[3]!,
  });
  const { users } = await api<{ users: Array<{ id: string; name: string; role: string }> }>(base, '/people', {
    token: coord.session.token,
  });
  const volunteers = users.filter((u) => u.role === 'volunteer').map(({ id, name }) => ({ id, name }));
  const first = helpRequestIds[1];
  if (first) {
    await api(base, `/records/help_requests/${first}`, {
      method: 'PATCH',
      token: coord.session.token,
      body: { reviewState: 'has_issues', reviewComment: 'Welke itsme-vraag precies? Vul het onderwerp aan.' },
    });
  }
  return { ...org, helpRequestIds, permanenceIds, partnerIds, placeIds, volunteers, equipmentIds };
}
