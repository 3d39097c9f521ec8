// Coordinator screens in jsdom against the real server (SQLite): the dashboard says "fewer than
// 5" for small groups the server hid (never 0); a correction the server refuses and a topic key
// that is not one are explained next to their field in French, with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage, type Lang } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { en as coordEn, type CoordKey } from '../../src/shared/i18n/coordinator/en';
import { fr as coordFr } from '../../src/shared/i18n/coordinator/fr';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/review/CoordinatorApp';
import { api, startTestServer, type TestServer } from '../server/helpers';
import { counter, equipment, helpRequest, loan, push } from '../server/fixtures';

let s: TestServer;
const next = counter();
const helps = [1, 2, 3].map(() => helpRequest({ ageBand: '26_40' }));
const item = equipment();
let n = 0;

const text = (lang: Lang, key: CoordKey, params: Record<string, string | number> = {}) =>
  (lang === 'fr' ? coordFr : coordEn)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

/** A laptop signed in as the server's coordinator, showing `hash` in `lang`. */
async function open(hash: string, lang: Lang) {
  openDb(`review-screens-${Date.now()}-${n++}`);
  await setSession({ ...s.coordinator, serverUrl: s.url });
  await refreshSession();
  await setLanguage(lang);
  window.location.hash = hash;
  render(<CoordinatorApp />);
}

beforeAll(async () => {
  s = await startTestServer();
  await push(s.app, s.coordinator, [{ mutationId: next(s.coordinator), table: 'equipment', record: item }]);
  const res = await push(s.app, s.volunteer, [
    ...helps.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests' as const, record })),
    { mutationId: next(s.volunteer), table: 'loans', record: loan(item.id as string) },
  ]);
  expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
});

afterAll(() => s?.close());

describe('coordinator screens', () => {
  it('shows small groups as "fewer than 5" on the dashboard, not as 0', async () => {
    await open('#/review/dashboard', 'en');
    const total = await screen.findByText(text('en', 'dashboard.total'), {}, { timeout: 10_000 });
    const card = total.closest('.card');
    expect(card?.querySelector('dd')?.textContent).toBe('3'); // the total is exact
    const active = screen.getByText(text('en', 'loanstat.active')).closest('.card');
    expect(active?.querySelector('dd')?.textContent).toBe(text('en', 'common.fewer5'));
    const ageChart = screen.getByRole('img', { name: new RegExp(`^${text('en', 'dashboard.ageBand')}\\.`) });
    const band = en['ageBand.26_40'];
    expect(ageChart.getAttribute('aria-label')).toContain(`${band} ${text('en', 'common.fewer5')}`);
    expect(ageChart.getAttribute('aria-label')).not.toContain(`${band} 0`);
  });

  it('explains a refused correction next to its field, in French, and saves nothing', async () => {
    const id = helps[0]!.id as string;
    await open(`#/review/record/help_requests/${id}`, 'fr');
    const correction = await screen.findByLabelText(text('fr', 'detail.correction'), {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText(text('fr', 'filter.reviewState')), {
      target: { value: 'reviewed' },
    });
    fireEvent.input(correction, { target: { value: '{"outcome": "magique"}' } });
    fireEvent.click(screen.getByRole('button', { name: text('fr', 'common.save') }));

    await waitFor(() => expect(correction.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    const error = document.getElementById(`${correction.id}-error`);
    expect(correction.getAttribute('aria-describedby')).toContain(`${correction.id}-error`);
    expect(error?.textContent).toBe(
      text('fr', 'issue.field', {
        field: 'outcome',
        reason: text('fr', 'issue.oneOf', { values: '"solved", "partly", "not_solved", "referred"' }),
      }),
    );
    expect(screen.getByRole('status').textContent).toBe(text('fr', 'detail.notSaved'));
    const detail = (await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${id}`)).json<{
      record: Record<string, unknown>;
      audit: unknown[];
    }>();
    expect(detail.record).toMatchObject({ reviewState: 'new', outcome: 'solved', version: 1 });
    expect(detail.audit).toEqual([]);
  });

  it('refuses a topic key that is not one, next to the field, and creates nothing', async () => {
    await open('#/review/reference', 'fr');
    const form = await screen.findByRole('form', { name: text('fr', 'table.topics') }, { timeout: 10_000 });
    const input = within(form).getByLabelText(text('fr', 'reference.topicKey'));
    fireEvent.input(input, { target: { value: 'Appli bancaire' } });
    fireEvent.input(within(form).getByLabelText(text('fr', 'reference.label.fr')), {
      target: { value: 'Appli bancaire' },
    });
    fireEvent.click(within(form).getByRole('button', { name: text('fr', 'reference.add') }));
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(document.getElementById(`${input.id}-error`)?.textContent).toBe(text('fr', 'reference.badKey'));
    const topics = (await api(s.app, s.coordinator.token, 'GET', '/records/topics')).json<{
      records: unknown[];
    }>();
    expect(topics.records).toEqual([]);
  });

  it('adds a topic with a name per language, corrects a name, and names it in the inbox', async () => {
    await open('#/review/reference', 'en');
    const form = await screen.findByRole('form', { name: text('en', 'table.topics') }, { timeout: 10_000 });
    const key = within(form).getByLabelText(text('en', 'reference.topicKey'));
    const add = within(form).getByRole('button', { name: text('en', 'reference.add') });
    // A key without any name is refused: the volunteers' buttons would show the bare key.
    fireEvent.input(key, { target: { value: 'bank_app' } });
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
    const section = screen.getByRole('region', { name: text('en', 'table.topics') });
    // No English name yet: the list falls back to another language.
    expect(await within(section).findByText('Bankapp', {}, { timeout: 10_000 })).toBeTruthy();
    const stored = async () =>
      (await api(s.app, s.coordinator.token, 'GET', '/records/topics')).json<{
        records: Array<{ id: string; key: string; labels: Record<string, string> }>;
      }>().records;
    expect((await stored()).find((r) => r.key === 'bank_app')?.labels).toEqual({
      nl: 'Bankapp',
      fr: 'Appli bancaire',
    });

    // Correct the names: add the English one.
    const edit = within(section).getByRole('form', {
      name: text('en', 'reference.editNames', { key: 'bank_app' }),
    });
    fireEvent.input(within(edit).getByLabelText(text('en', 'reference.label.en')), {
      target: { value: 'Banking app' },
    });
    fireEvent.click(within(edit).getByRole('button', { name: text('en', 'common.save') }));
    expect(await within(section).findByText('Banking app', {}, { timeout: 10_000 })).toBeTruthy();
    expect((await stored()).find((r) => r.key === 'bank_app')?.labels).toEqual({
      nl: 'Bankapp',
      fr: 'Appli bancaire',
      en: 'Banking app',
    });

    // A help request with the topic shows its name in the inbox, and the filter offers it.
    await push(s.app, s.volunteer, [
      {
        mutationId: next(s.volunteer),
        table: 'help_requests',
        record: helpRequest({ topics: ['bank_app'] }),
      },
    ]);
    cleanup();
    await open('#/review/inbox', 'en');
    const table = await screen.findByRole('table', {}, { timeout: 10_000 });
    expect(await within(table).findByText(/Banking app/, {}, { timeout: 10_000 })).toBeTruthy();
    const filter = screen.getByLabelText(text('en', 'filter.topic')) as HTMLSelectElement;
    expect([...filter.options].map((o) => [o.value, o.textContent])).toContainEqual([
      'bank_app',
      'Banking app',
    ]);
  });
});
