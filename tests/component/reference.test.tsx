// Places, topics and referral partners in jsdom against the real server (SQLite), as a
// coordinator keeps them (issue 10 item 6): a topic is added by its names only (no key field:
// the server derives one), renamed without changing its key, and named in the inbox; a name in
// use is refused under its field, in French too; a place is edited and switched off in words.
// No id, no key on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage, type Lang } from '../../src/shared/i18n';
import { en as coordEn, type CoordKey } from '../../src/shared/i18n/coordinator/en';
import { fr as coordFr } from '../../src/shared/i18n/coordinator/fr';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/workspace/CoordinatorApp';
import { api, startTestServer, type TestServer } from '../server/helpers';
import { counter, helpRequest, push } from '../server/fixtures';

let s: TestServer;
const next = counter();
let n = 0;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const text = (lang: Lang, key: CoordKey, params: Record<string, string | number> = {}) =>
  (lang === 'fr' ? coordFr : coordEn)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

async function open(hash: string, lang: Lang) {
  openDb(`reference-${Date.now()}-${n++}`);
  await setSession({ ...s.coordinator, serverUrl: s.url });
  await refreshSession();
  await setLanguage(lang);
  window.location.hash = hash;
  render(<CoordinatorApp />);
}

const stored = async (table: string) =>
  (await api(s.app, s.coordinator.token, 'GET', `/records/${table}`)).json<{
    records: Array<Record<string, unknown> & { id: string }>;
  }>().records;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

describe('reference data by name', () => {
  it('adds a topic by its names only, renames it with its key kept, and names it in the inbox', async () => {
    await open('#/review/reference', 'en');
    const section = await screen.findByRole('region', { name: text('en', 'table.topics') });
    const form = within(section).getByRole('form', { name: text('en', 'reference.addTopic') });
    // Only names: nothing to type a key into.
    expect(within(form).getAllByRole('textbox')).toHaveLength(3);
    const add = within(form).getByRole('button', { name: text('en', 'reference.add') });
    fireEvent.click(add);
    const en = within(form).getByLabelText(text('en', 'reference.label.en'));
    await waitFor(() => expect(en.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${en.id}-error`)?.textContent).toBe(text('en', 'reference.needLabel'));

    fireEvent.input(within(form).getByLabelText(text('en', 'reference.label.nl')), {
      target: { value: 'Bankapp' },
    });
    fireEvent.input(within(form).getByLabelText(text('en', 'reference.label.fr')), {
      target: { value: 'Appli bancaire' },
    });
    fireEvent.click(add);
    await within(section).findByRole('cell', { name: 'Bankapp' });
    const [topic] = await stored('topics');
    expect(topic).toMatchObject({ key: 'bankapp', labels: { nl: 'Bankapp', fr: 'Appli bancaire' } });

    fireEvent.click(
      within(section).getByRole('button', { name: text('en', 'reference.editNamed', { name: 'Bankapp' }) }),
    );
    const edit = within(section).getByRole('form', {
      name: text('en', 'reference.editTitle', { name: 'Bankapp' }),
    });
    fireEvent.input(within(edit).getByLabelText(text('en', 'reference.label.en')), {
      target: { value: 'Banking app' },
    });
    fireEvent.click(within(edit).getByRole('button', { name: text('en', 'common.save') }));
    await within(section).findByRole('cell', { name: 'Banking app' });
    expect((await stored('topics'))[0]).toMatchObject({
      key: 'bankapp',
      labels: { nl: 'Bankapp', fr: 'Appli bancaire', en: 'Banking app' },
    });
    expect(document.body.textContent).not.toMatch(UUID);
    expect(document.body.textContent).not.toContain('bankapp');

    await push(s.app, s.volunteer, [
      { mutationId: next(s.volunteer), table: 'help_requests', record: helpRequest({ topics: ['bankapp'] }) },
    ]);
    cleanup();
    await open('#/review/inbox', 'en');
    const table = await screen.findByRole('table');
    expect(await within(table).findByText(/Banking app/)).toBeTruthy();
  });

  it('refuses a topic name another topic has in that language, in French, and adds nothing', async () => {
    await open('#/review/reference', 'fr');
    const section = await screen.findByRole('region', { name: text('fr', 'table.topics') });
    const form = within(section).getByRole('form', { name: text('fr', 'reference.addTopic') });
    const fr = within(form).getByLabelText(text('fr', 'reference.label.fr'));
    fireEvent.input(fr, { target: { value: 'appli BANCAIRE' } });
    fireEvent.click(within(form).getByRole('button', { name: text('fr', 'reference.add') }));
    await waitFor(() => expect(fr.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${fr.id}-error`)?.textContent).toBe(
      text('fr', 'reference.topicNameTaken'),
    );
    expect(await stored('topics')).toHaveLength(1);
  });

  it('adds, refuses a second of the same name, edits and switches off a place, in words', async () => {
    await open('#/review/reference', 'en');
    const section = await screen.findByRole('region', { name: text('en', 'table.locations') });
    const form = within(section).getByRole('form', { name: text('en', 'reference.addPlace') });
    const name = within(form).getByLabelText(text('en', 'reference.name'));
    const add = within(form).getByRole('button', { name: text('en', 'reference.add') });
    fireEvent.input(name, { target: { value: 'Buurthuis De Kring' } });
    fireEvent.input(within(form).getByLabelText(text('en', 'reference.postcode')), {
      target: { value: '2060' },
    });
    fireEvent.click(add);
    await within(section).findByRole('cell', { name: 'Buurthuis De Kring' });
    fireEvent.input(name, { target: { value: 'buurthuis de kring ' } });
    fireEvent.click(add);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(`${name.id}-error`)?.textContent).toBe(text('en', 'reference.nameTaken'));
    expect(await stored('locations')).toHaveLength(1);

    fireEvent.click(
      within(section).getByRole('button', {
        name: text('en', 'reference.editNamed', { name: 'Buurthuis De Kring' }),
      }),
    );
    const edit = within(section).getByRole('form', {
      name: text('en', 'reference.editTitle', { name: 'Buurthuis De Kring' }),
    });
    fireEvent.input(within(edit).getByLabelText(text('en', 'reference.address')), {
      target: { value: 'Kerkstraat 1' },
    });
    fireEvent.click(within(edit).getByRole('button', { name: text('en', 'common.save') }));
    await within(section).findByRole('cell', { name: 'Kerkstraat 1' });
    fireEvent.click(
      within(section).getByRole('button', {
        name: text('en', 'reference.switchOffNamed', { name: 'Buurthuis De Kring' }),
      }),
    );
    await within(section).findByRole('cell', { name: text('en', 'reference.off') });
    expect((await stored('locations'))[0]).toMatchObject({
      name: 'Buurthuis De Kring',
      address: 'Kerkstraat 1',
      postcode: '2060',
      active: false,
    });
    expect(document.body.textContent).not.toMatch(UUID);
  });
});
