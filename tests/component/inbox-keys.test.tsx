// The review inbox's order and keyboard in jsdom against the real server (SQLite), issue 10
// item 3: a column header asks the server for its order (the rows are the server's, page after
// page past the first 50, both directions); j/k move the current row, Enter opens it, the
// record page's n/p walk the inbox's order (reading the next page past the last record read, as
// j does past the last row), x selects and r marks reviewed; no key acts while typing in a
// field. A record with issues is listed with the coordinator's comment.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage } from '../../src/shared/i18n';
import { en as coordEn, type CoordKey } from '../../src/shared/i18n/coordinator/en';
import type { Session } from '../../src/shared/api';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/workspace/CoordinatorApp';
import { forgetInboxView } from '../../src/app/workspace/inbox/view';
import { api, startTestServer, type TestServer } from '../server/helpers';
import { counter, helpRequest, push } from '../server/fixtures';

const N = 56; // more than the server's first page of 50
const OUTCOMES = ['solved', 'referred', 'partly', 'not_solved'];
let s: TestServer;
let n = 0;

const text = (key: CoordKey, params: Record<string, string | number> = {}) =>
  coordEn[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

/** The server's order of the new help requests (ids), read to the end. */
async function serverOrder(sort: string, dir: string): Promise<string[]> {
  const res = await api(
    s.app,
    s.coordinator.token,
    'GET',
    `/records/help_requests?reviewState=new&sort=${sort}&dir=${dir}&limit=500`,
  );
  return res.json<{ records: Array<{ id: string }> }>().records.map((r) => r.id);
}

/** The record ids of the inbox's rows, top to bottom (from each row's link). */
function shownIds(): string[] {
  const table = screen.getByRole('table', { name: text('inbox.tableLabel') });
  return within(table)
    .getAllByRole('link')
    .map((a) => a.getAttribute('href')?.split('/').pop() ?? '');
}

const rowsOf = () => [...document.querySelectorAll<HTMLTableRowElement>('tr[data-row]')];
const currentRow = () => rowsOf().findIndex((r) => r.classList.contains('ws-current'));
const press = (key: string, target: Element = document.body) => fireEvent.keyDown(target, { key });

async function openInbox() {
  openDb(`inbox-keys-${Date.now()}-${n++}`);
  await setSession({ ...s.coordinator, serverUrl: s.url });
  await refreshSession();
  await setLanguage('en');
  window.location.hash = '#/review/inbox';
  render(<CoordinatorApp />);
  await screen.findByRole('heading', { level: 1, name: text('nav.inbox') }, { timeout: 10_000 });
  await waitFor(() => expect(rowsOf().length).toBe(50), { timeout: 10_000 });
}

beforeAll(async () => {
  s = await startTestServer();
  const next = counter();
  const start = Date.now() - N * 3_600_000;
  // Two authors (Vera the volunteer, Coco the coordinator) taking turns, an hour apart.
  for (const [who, offset] of [
    [s.volunteer, 0],
    [s.coordinator, 1],
  ] as Array<[Session, number]>) {
    const mine = Array.from({ length: N / 2 }, (_, i) => 2 * i + offset);
    const res = await push(
      s.app,
      who,
      mine.map((i) => ({
        mutationId: next(who),
        table: 'help_requests' as const,
        record: helpRequest({
          occurredAt: new Date(start + i * 3_600_000).toISOString(),
          outcome: OUTCOMES[i % OUTCOMES.length],
        }),
      })),
    );
    expect(res.results.every((r) => r.status === 'applied')).toBe(true);
  }
}, 60_000);

beforeEach(() => {
  cleanup();
  forgetInboxView();
});

afterAll(() => s?.close());

describe('the review inbox, sorted by the server and used with the keyboard', () => {
  it('shows the server’s order of a column header, both ways, and pages past the first 50', async () => {
    await openInbox();
    // Newest first by default.
    expect(shownIds()).toEqual((await serverOrder('when', 'desc')).slice(0, 50));

    const header = () =>
      screen.getByRole('columnheader', { name: new RegExp(`^${text('inbox.volunteer')}`) });
    fireEvent.click(within(header()).getByRole('button'));
    const byVolunteer = await serverOrder('volunteer', 'asc');
    // Not the order shown before: the table really changed order.
    expect(byVolunteer.slice(0, 50)).not.toEqual((await serverOrder('when', 'desc')).slice(0, 50));
    await waitFor(() => expect(shownIds()).toEqual(byVolunteer.slice(0, 50)), { timeout: 10_000 });
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    // Coco's 28 come before Vera's: the order is by name.
    const volunteers = rowsOf().map((r) => r.cells[6]?.textContent);
    expect(volunteers.slice(0, 28)).toEqual(Array.from({ length: 28 }, () => 'Coco'));
    expect(volunteers[28]).toBe('Vera');

    // "Load more" reads the rest of the same order: every record is reachable.
    fireEvent.click(screen.getByRole('button', { name: text('common.more') }));
    await waitFor(() => expect(shownIds()).toEqual(byVolunteer), { timeout: 10_000 });
    expect(byVolunteer).toHaveLength(N);
    expect(screen.queryByRole('button', { name: text('common.more') })).toBeNull();

    // Pressed again: the server's reverse order.
    fireEvent.click(within(header()).getByRole('button'));
    const reverse = await serverOrder('volunteer', 'desc');
    await waitFor(() => expect(shownIds()).toEqual(reverse.slice(0, 50)), { timeout: 10_000 });
    expect(header().getAttribute('aria-sort')).toBe('descending');

    // Outcome, ascending: the server's order of outcomes too.
    const outcome = screen.getByRole('columnheader', { name: new RegExp(`^${text('inbox.outcome')}`) });
    fireEvent.click(within(outcome).getByRole('button'));
    const byOutcome = await serverOrder('outcome', 'asc');
    await waitFor(() => expect(shownIds()).toEqual(byOutcome.slice(0, 50)), { timeout: 10_000 });
  });

  it('moves with j/k, opens with Enter, walks the list with n/p, selects with x and marks with r', async () => {
    await openInbox();
    const order = await serverOrder('when', 'desc');
    expect(currentRow()).toBe(-1);
    press('j');
    await waitFor(() => expect(currentRow()).toBe(0));
    press('j');
    await waitFor(() => expect(currentRow()).toBe(1));
    // The current row has the focus, so a screen reader reads it.
    await waitFor(() => expect(document.activeElement).toBe(rowsOf()[1]));
    press('k');
    await waitFor(() => expect(currentRow()).toBe(0));
    press('ArrowDown', rowsOf()[0]);
    await waitFor(() => expect(currentRow()).toBe(1));
    // Keys pressed faster than the screen re-renders each count (a CI run caught j j landing
    // on the first row only). Dispatched directly: fireEvent would re-render after each key.
    const quick = (key: string) =>
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    quick('j');
    quick('j');
    quick('k');
    quick('j');
    await waitFor(() => expect(currentRow()).toBe(3));
    quick('k');
    quick('k');
    await waitFor(() => expect(currentRow()).toBe(1));

    // No key acts while typing in a field.
    const from = screen.getByLabelText(text('filter.from'));
    press('j', from);
    press('Enter', from);
    press('x', from);
    expect(currentRow()).toBe(1);
    expect(window.location.hash).toBe('#/review/inbox');

    press('Enter', rowsOf()[1]);
    await waitFor(() => expect(window.location.hash).toBe(`#/review/record/help_requests/${order[1]}`));
    // Where it is in the list (50 read, more to read).
    await screen.findByText(text('record.positionMore', { n: 2, total: 50 }), {}, { timeout: 10_000 });
    // n: the next record of the list's order, p: back.
    press('n');
    await waitFor(() => expect(window.location.hash).toBe(`#/review/record/help_requests/${order[2]}`));
    await screen.findByText(text('record.positionMore', { n: 3, total: 50 }), {}, { timeout: 10_000 });
    press('p');
    await waitFor(() => expect(window.location.hash).toBe(`#/review/record/help_requests/${order[1]}`));
    await screen.findByText(text('record.positionMore', { n: 2, total: 50 }));

    // Back in the inbox: the same row is current; x selects it, r marks it reviewed.
    window.location.hash = '#/review/inbox';
    await screen.findByRole('heading', { level: 1, name: text('nav.inbox') }, { timeout: 10_000 });
    await waitFor(() => expect(currentRow()).toBe(1), { timeout: 10_000 });
    press('x');
    await waitFor(() =>
      expect((within(rowsOf()[1]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(true),
    );
    press('r');
    await screen.findByText(text('inbox.marked', { n: 1 }), {}, { timeout: 10_000 });
    expect(rowsOf()[1]?.textContent).toContain(text('review.reviewed'));
    const res = await api(s.app, s.coordinator.token, 'GET', '/records/help_requests?reviewState=reviewed');
    expect(res.json<{ records: Array<{ id: string }> }>().records.map((r) => r.id)).toEqual([order[1]]);
  });

  it('reads the next page of the list when n is pressed on the last record read', async () => {
    await openInbox();
    const order = await serverOrder('when', 'desc');
    // k with no current row goes to the last row read (the 50th).
    press('k');
    await waitFor(() => expect(currentRow()).toBe(49));
    press('Enter');
    await waitFor(() => expect(window.location.hash).toBe(`#/review/record/help_requests/${order[49]}`));
    await screen.findByText(text('record.positionMore', { n: 50, total: 50 }), {}, { timeout: 10_000 });
    press('n');
    await waitFor(() => expect(window.location.hash).toBe(`#/review/record/help_requests/${order[50]}`), {
      timeout: 10_000,
    });
    // The rest of the list was read: 51 of all 56, nothing more to read.
    await screen.findByText(text('record.position', { n: 51, total: N - 1 }), {}, { timeout: 10_000 });
  });

  it('lists the records with issues with the coordinator’s comment', async () => {
    const order = await serverOrder('when', 'desc');
    const res = await api(s.app, s.coordinator.token, 'PATCH', `/records/help_requests/${order[3]}`, {
      reviewState: 'has_issues',
      reviewComment: 'Which itsme question exactly?',
    });
    expect(res.statusCode).toBe(200);
    await openInbox();
    fireEvent.change(screen.getByLabelText(text('filter.reviewState')), { target: { value: 'has_issues' } });
    fireEvent.click(screen.getByRole('button', { name: text('filter.apply') }));
    await waitFor(() => expect(shownIds()).toEqual([order[3]]), { timeout: 10_000 });
    expect(rowsOf()[0]?.textContent).toContain(
      `${text('review.has_issues')}${text('detail.comment')}: “Which itsme question exactly?”`,
    );
  });

  it('reads the next page when j goes past the last row read', async () => {
    await openInbox();
    press('k');
    await waitFor(() => expect(currentRow()).toBe(49));
    press('j');
    await waitFor(() => expect(rowsOf()).toHaveLength(N - 2), { timeout: 10_000 }); // two no longer new
    await waitFor(() => expect(currentRow()).toBe(50));
    await waitFor(() => expect(document.activeElement).toBe(rowsOf()[50]));
  });
});
