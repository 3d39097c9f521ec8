// Coordinator screens in jsdom against the real server (SQLite): the dashboard hides a small
// number of people everywhere (never 0, never the group's name) and shows equipment as it is.
// (Corrections: record-view.test.tsx; places, topics and partners: reference.test.tsx.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage, type Lang } from '../../src/shared/i18n';
import { en } from '../../src/shared/i18n/en';
import { en as coordEn, type CoordKey } from '../../src/shared/i18n/coordinator/en';
import { fr as coordFr } from '../../src/shared/i18n/coordinator/fr';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/workspace/CoordinatorApp';
import { startTestServer, type TestServer } from '../server/helpers';
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
  it('hides three help requests everywhere on the dashboard, and shows equipment as it is', async () => {
    await open('#/review/dashboard', 'en');
    const total = await screen.findByText(text('en', 'dashboard.total'), {}, { timeout: 10_000 });
    expect(total.closest('.ws-figure')?.querySelector('dd')?.textContent).toBe(text('en', 'common.hidden'));
    // A loan is equipment, not a person: never hidden.
    const active = screen.getByText(text('en', 'loanstat.active')).closest('.ws-figure');
    expect(active?.querySelector('dd')?.textContent).toBe('1');
    // The three people's age band is neither drawn nor named: the chart is a sentence.
    const age = screen.getByRole('heading', { name: text('en', 'dashboard.ageBand') }).closest('figure');
    expect(age?.querySelector('canvas')).toBeNull();
    expect(age?.textContent).toContain(text('en', 'chart.allHidden'));
    expect(document.body.textContent).not.toContain(en['ageBand.26_40']);
    // Every chart is a sentence; the page has one footnote about hidden figures.
    expect(document.querySelectorAll('figure canvas, figure table')).toHaveLength(0);
    expect(screen.getAllByText(text('en', 'dashboard.hidden'))).toHaveLength(1);
  });

  it('gives every chart its figures as a table, leaves hidden groups out and keeps one footnote', async () => {
    // With the three above: 12 help requests, 9 itsme and 3 e-mail in one week; ages 26-40: 3,
    // 41-55: 6, 66-75: 3.
    const at = helps[0]!.occurredAt;
    const more = [
      ...Array.from({ length: 6 }, () => helpRequest({ occurredAt: at, ageBand: '41_55' })),
      ...Array.from({ length: 3 }, () =>
        helpRequest({ occurredAt: at, ageBand: '66_75', topics: ['email'] }),
      ),
    ];
    const res = await push(
      s.app,
      s.volunteer,
      more.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests' as const, record })),
    );
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
    await open('#/review/dashboard', 'en');
    const total = await screen.findByText(
      text('en', 'dashboard.total'),
      { selector: 'dt' },
      { timeout: 10_000 },
    );
    expect(total.closest('.ws-figure')?.querySelector('dd')?.textContent).toBe('12');
    const figure = (key: CoordKey) =>
      screen.getByRole('heading', { name: text('en', key) }).closest('figure')!;
    const rows = (f: Element) =>
      [...f.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    // 9 itsme and 3 e-mail in the week: the week by topic would single out the e-mail group, so
    // the chart shows the week's total, with its table.
    expect(rows(figure('dashboard.perWeekTotal'))).toEqual([[expect.any(String), '12']]);
    expect(screen.queryByRole('heading', { name: text('en', 'dashboard.perWeek') })).toBeNull();
    // Ages: only 41-55 (6) is shown, in the table as in the chart; the two groups of 3 are not named.
    expect(rows(figure('dashboard.ageBand'))).toEqual([[en['ageBand.41_55'], '6']]);
    expect(figure('dashboard.ageBand').querySelector('table th[scope="col"]')?.textContent).toBe(
      text('en', 'dashboard.ageBand'),
    );
    expect(document.body.textContent).not.toContain(en['ageBand.66_75']);
    // Outcomes by topic: e-mail solved (3) is small, itsme solved is hidden with it: a sentence.
    expect(figure('dashboard.outcomes').textContent).toContain(text('en', 'chart.allHidden'));
    expect(figure('dashboard.outcomes').querySelector('table')).toBeNull();
    expect(screen.getAllByText(text('en', 'dashboard.hidden'))).toHaveLength(1);
  });
});
