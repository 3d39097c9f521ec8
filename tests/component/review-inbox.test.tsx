// The coordinator's review inbox in jsdom against the real server (SQLite): bulk "mark
// reviewed" changes exactly the selected records, and a filter with an impossible period is
// refused next to its field, in the coordinator's language, without loading anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage, type Lang } from '../../src/shared/i18n';
import { en as coordEn, type CoordKey } from '../../src/shared/i18n/coordinator/en';
import { nl as coordNl } from '../../src/shared/i18n/coordinator/nl';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/workspace/CoordinatorApp';
import { api, startTestServer, type TestServer } from '../server/helpers';
import { counter, helpRequest, push } from '../server/fixtures';
import { newId } from '../../src/shared/ids';

let s: TestServer;
const next = counter();
const records = [
  helpRequest(),
  helpRequest({ topics: ['email'], followUpNeeded: true }),
  helpRequest({ outcome: 'referred' }),
];
let n = 0;

const text = (lang: Lang, key: CoordKey, params: Record<string, string | number> = {}) =>
  (lang === 'nl' ? coordNl : coordEn)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

/** A laptop signed in as the server's coordinator, showing the inbox in `lang`. */
async function openInbox(lang: Lang) {
  openDb(`review-inbox-${Date.now()}-${n++}`);
  await setSession({ ...s.coordinator, serverUrl: s.url });
  await refreshSession();
  await setLanguage(lang);
  window.location.hash = '#/review/inbox';
  render(<CoordinatorApp />);
  await screen.findByRole('heading', { level: 1, name: text(lang, 'nav.inbox') }, { timeout: 10_000 });
}

async function reviewStates(): Promise<Record<string, string>> {
  const res = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?limit=500');
  const body = res.json<{ records: Array<{ id: string; reviewState: string }> }>();
  return Object.fromEntries(body.records.map((r) => [r.id, r.reviewState]));
}

beforeAll(async () => {
  s = await startTestServer();
  const res = await push(
    s.app,
    s.volunteer,
    records.map((record) => ({ mutationId: next(s.volunteer), table: 'help_requests' as const, record })),
  );
  expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
});

afterAll(() => s?.close());

describe('the review inbox', () => {
  it('offers every place in the place filter, past one page of the server (500)', async () => {
    for (let i = 1; i <= 520; i++) {
      const res = await api(s.app, s.coordinator.token, 'POST', '/records/locations', {
        record: { id: newId(), name: `Buurthuis ${String(i).padStart(3, '0')}`, active: true },
      });
      expect(res.statusCode).toBe(201);
    }
    await openInbox('en');
    const select = (await screen.findByLabelText(text('en', 'filter.place'))) as HTMLSelectElement;
    await waitFor(() => {
      const names = [...select.options].map((o) => o.text);
      expect(names).toContain('Buurthuis 001');
      expect(names).toContain('Buurthuis 520');
    });
  });

  it('marks the selected records reviewed, and only those', async () => {
    await openInbox('en');
    const table = await screen.findByRole('table', {}, { timeout: 10_000 });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4), { timeout: 10_000 }); // header + 3
    const boxes = within(table).getAllByRole('checkbox', { name: /^Select / });
    fireEvent.click(boxes[0]!);
    fireEvent.click(boxes[2]!);
    fireEvent.click(screen.getByRole('button', { name: `${text('en', 'inbox.markReviewed')} (2)` }));
    expect(
      await screen.findByText(text('en', 'inbox.marked', { n: 2 }), {}, { timeout: 10_000 }),
    ).toBeTruthy();

    const states = await reviewStates();
    expect(Object.values(states).sort()).toEqual(['new', 'reviewed', 'reviewed']);
    // The marked rows stay listed, reviewed, until the filters are applied again.
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent?.includes(text('en', 'review.reviewed')))).toEqual([
      true,
      false,
      true,
    ]);
    // Applied again, the inbox (filtered on "new") lists the one left.
    fireEvent.click(screen.getByRole('button', { name: text('en', 'filter.apply') }));
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2), {
      timeout: 10_000,
    });
  });

  it('refuses a period that ends before it starts, next to the field, in Dutch', async () => {
    await openInbox('nl');
    await screen.findByRole('table', {}, { timeout: 10_000 });
    const from = screen.getByLabelText(text('nl', 'filter.from'));
    const to = screen.getByLabelText(text('nl', 'filter.to'));
    fireEvent.input(from, { target: { value: '2026-11-20' } });
    fireEvent.input(to, { target: { value: '2026-11-01' } });
    fireEvent.click(screen.getByRole('button', { name: text('nl', 'filter.apply') }));

    const message = text('nl', 'filter.toBeforeFrom');
    await waitFor(() => expect(to.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    const describedBy = (to.getAttribute('aria-describedby') ?? '').split(' ');
    const error = describedBy.map((id) => document.getElementById(id)).find((e) => e?.textContent);
    expect(error?.textContent).toBe(message);
    expect(from.getAttribute('aria-invalid')).toBeNull();
    // The list still shows the unfiltered inbox: the bad filter was not applied.
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2);
  });

  it('shows a filter the server refuses next to its field and lists nothing for it', async () => {
    await openInbox('en');
    await screen.findByRole('table', {}, { timeout: 10_000 });
    const from = screen.getByLabelText(text('en', 'filter.from')) as HTMLInputElement;
    // A valid date for the browser (years may have five digits), not for the API's YYYY-MM-DD.
    fireEvent.input(from, { target: { value: '10000-01-01' } });
    expect(from.value).toBe('10000-01-01');
    fireEvent.click(screen.getByRole('button', { name: text('en', 'filter.apply') }));

    await waitFor(() => expect(from.getAttribute('aria-invalid')).toBe('true'), { timeout: 10_000 });
    const describedBy = (from.getAttribute('aria-describedby') ?? '').split(' ');
    const error = describedBy.map((id) => document.getElementById(id)).find((e) => e?.textContent);
    expect(error?.textContent).toBe(
      text('en', 'issue.field', { field: 'from', reason: text('en', 'issue.invalid') }),
    );
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('filters on follow-up needed, in Dutch', async () => {
    await openInbox('nl');
    await screen.findByRole('table', {}, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText(text('nl', 'filter.reviewState')), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(text('nl', 'filter.followUp')), { target: { value: 'true' } });
    fireEvent.click(screen.getByRole('button', { name: text('nl', 'filter.apply') }));
    // Only the help request about e-mail needs a follow-up.
    await waitFor(() => expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(2), {
      timeout: 10_000,
    });
    expect((screen.getByLabelText(text('nl', 'filter.followUp')) as HTMLSelectElement).value).toBe('true');
  });
});
