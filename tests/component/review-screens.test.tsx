// Coordinator screens in jsdom against the real server (SQLite): the dashboard says "fewer than
// 5" for small groups the server hid (never 0); a correction the server refuses and a topic key
// that is not one are explained next to their field in French, with nothing saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
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
    const input = within(form).getByLabelText(text('fr', 'reference.new'));
    fireEvent.input(input, { target: { value: 'Appli bancaire' } });
    fireEvent.click(within(form).getByRole('button', { name: text('fr', 'reference.add') }));
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    expect(document.getElementById(`${input.id}-error`)?.textContent).toBe(text('fr', 'reference.badKey'));
    const topics = (await api(s.app, s.coordinator.token, 'GET', '/records/topics')).json<{
      records: unknown[];
    }>();
    expect(topics.records).toEqual([]);
  });
});
