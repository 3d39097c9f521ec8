// The coordinator's record view in jsdom against the real server (SQLite): a help request reads
// like a filled-in form (names, words, Brussels time; no JSON, no id anywhere on the page); a
// correction made with the phone's own Place select is saved, read back from the server, and
// shows in the audit trail in words; a value the shared schema refuses is said next to its
// field in French and nothing is saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage, type Lang } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { fr } from '../../src/shared/i18n/fr';
import { en as coordEn, type CoordKey } from '../../src/shared/i18n/coordinator/en';
import { fr as coordFr } from '../../src/shared/i18n/coordinator/fr';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/workspace/CoordinatorApp';
import { api, startTestServer, type TestServer } from '../server/helpers';
import { counter, helpRequest, push } from '../server/fixtures';

let s: TestServer;
const next = counter();
const places = { permeke: crypto.randomUUID(), kiel: crypto.randomUUID() };
const partner = crypto.randomUUID();
const record = helpRequest({
  occurredAt: '2026-11-20T13:05:00Z', // 14:05 in Brussels
  locationId: places.permeke,
  topics: ['itsme', 'mypension'],
  outcome: 'referred',
  referralPartnerIds: [partner],
  didItThemselves: true,
  followUpNeeded: true,
  note: 'Wachtwoord vergeten.',
});
let n = 0;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ctext = (lang: Lang, key: CoordKey, params: Record<string, string | number> = {}) =>
  (lang === 'fr' ? coordFr : coordEn)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

async function open(hash: string, lang: Lang) {
  cleanup();
  openDb(`record-view-${Date.now()}-${n++}`);
  await setSession({ ...s.coordinator, serverUrl: s.url });
  await refreshSession();
  await setLanguage(lang);
  window.location.hash = hash;
  render(<CoordinatorApp />);
}

/** The value shown next to a label of the record's field list. */
function shown(labelText: string): string {
  const list = document.querySelector<HTMLElement>('dl.ws-fields');
  if (!list) return '(no field list)';
  const dt = within(list)
    .getAllByRole('term')
    .find((t) => t.textContent === labelText);
  return dt?.nextElementSibling?.textContent ?? `(no field ${labelText})`;
}

beforeAll(async () => {
  s = await startTestServer();
  await push(s.app, s.coordinator, [
    {
      mutationId: next(s.coordinator),
      table: 'locations',
      record: { id: places.permeke, name: 'Bibliotheek Permeke' },
    },
    { mutationId: next(s.coordinator), table: 'locations', record: { id: places.kiel, name: 'Markt Kiel' } },
    { mutationId: next(s.coordinator), table: 'partners', record: { id: partner, name: 'OCMW Antwerpen' } },
  ]);
  const res = await push(s.app, s.volunteer, [
    { mutationId: next(s.volunteer), table: 'help_requests', record },
  ]);
  expect(res.results.map((r) => r.status)).toEqual(['applied']);
});

afterAll(() => s?.close());

describe('the record view', () => {
  it('reads like a filled-in form: names and words, Brussels time, no JSON and no id', async () => {
    await open(`#/review/record/help_requests/${record.id as string}`, 'en');
    await screen.findByRole(
      'heading',
      { level: 1, name: ctext('en', 'record.help_requests') },
      { timeout: 10_000 },
    );
    await screen.findByText('Vera', { selector: 'dd' }, { timeout: 10_000 });
    expect(shown(ctext('en', 'field.createdBy'))).toBe('Vera');
    expect(shown(en['help.place'])).toBe('Bibliotheek Permeke');
    expect(shown(en['help.partners'])).toBe('OCMW Antwerpen');
    expect(shown(en['help.topics'])).toBe(`${en['topic.itsme']}, ${en['topic.mypension']}`);
    expect(shown(en['help.outcome'])).toBe(en['outcome.referred']);
    expect(shown(en['help.didItThemselves'])).toBe(en['didIt.yes']);
    expect(shown(ctext('en', 'field.occurredAt'))).toMatch(/20 Nov 2026,? 14:05/);
    const text = document.body.textContent ?? '';
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(/[{}[\]]|":|createdBy|orgId|occurredAt|referred\b/);
  });

  it('saves a correction made with the Place select, reads it back, and says it in the audit trail', async () => {
    await open(`#/review/record/help_requests/${record.id as string}`, 'en');
    fireEvent.click(
      await screen.findByRole('button', { name: ctext('en', 'correction.start') }, { timeout: 10_000 }),
    );
    const place = (await screen.findByLabelText(
      en['help.place'],
      {},
      { timeout: 10_000 },
    )) as HTMLSelectElement;
    await waitFor(() => expect(place.value).toBe(places.permeke));
    fireEvent.change(place, { target: { value: places.kiel } });
    fireEvent.click(screen.getByRole('button', { name: ctext('en', 'correction.save') }));
    await screen.findByText(ctext('en', 'correction.saved'), {}, { timeout: 10_000 });

    const detail = (
      await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${record.id as string}`)
    ).json<{
      record: Record<string, unknown>;
      audit: Array<{ userId: string; after: Record<string, unknown> }>;
    }>();
    expect(detail.record.locationId).toBe(places.kiel);
    expect(detail.record.topics).toEqual(['itsme', 'mypension']); // untouched fields stay
    expect(detail.audit.at(-1)?.after).toEqual({ locationId: places.kiel });

    const audit = await screen.findByRole('table', { name: ctext('en', 'detail.audit') });
    await waitFor(() =>
      expect(audit.textContent).toContain(
        ctext('en', 'audit.change', {
          field: en['help.place'],
          from: 'Bibliotheek Permeke',
          to: 'Markt Kiel',
        }),
      ),
    );
    expect(within(audit).getAllByRole('row')[1]?.textContent).toContain('Coco');
    expect(shown(en['help.place'])).toBe('Markt Kiel');
    expect(document.body.textContent).not.toMatch(UUID);
  });

  it('says a value the shared schema refuses next to its field, in French, and saves nothing', async () => {
    await open(`#/review/record/help_requests/${record.id as string}`, 'fr');
    fireEvent.click(
      await screen.findByRole('button', { name: ctext('fr', 'correction.start') }, { timeout: 10_000 }),
    );
    const note = (await screen.findByLabelText(
      fr['help.note'],
      {},
      { timeout: 10_000 },
    )) as HTMLTextAreaElement;
    fireEvent.input(note, { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(screen.getByRole('button', { name: ctext('fr', 'correction.save') }));
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(document.getElementById('help-note-error')?.textContent).toBe(
      fr['validation.tooLong'].replace('{max}', '2000'),
    );
    expect(note.getAttribute('aria-describedby')).toContain('help-note-error');
    const detail = (
      await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${record.id as string}`)
    ).json<{
      record: Record<string, unknown>;
    }>();
    expect(detail.record.note).toBe('Wachtwoord vergeten.');
  });
});
