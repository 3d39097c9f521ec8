// The conflicts screen in jsdom against the real server (SQLite), in Dutch: an item lent twice
// names both borrowers, who lent it and when, and asks who has it now; a value a phone
// overwrote shows the record by date, place and topic, the field by its form label and both
// values in words with who wrote them. The choices are worded with the names and values, and
// what they do is read back from the server. No id, no JSON on screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { openDb } from '../../src/local';
import { setLanguage } from '../../src/shared/i18n';
import { nl } from '../../src/shared/i18n/nl';
import { nl as coordNl } from '../../src/shared/i18n/coordinator/nl';
import type { CoordKey } from '../../src/shared/i18n/coordinator/en';
import { newId } from '../../src/shared/ids';
import { setSession } from '../../src/sync';
import { refreshSession } from '../../src/app/session';
import { CoordinatorApp } from '../../src/app/workspace/CoordinatorApp';
import { api, login, startTestServer, type TestServer } from '../server/helpers';
import { counter, equipment, helpRequest, loan, push } from '../server/fixtures';

let s: TestServer;
const next = counter();
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const item = equipment({ assetTag: 'LT-777', make: 'Lenovo', model: 'ThinkPad T480' });
const place = { id: newId(), name: 'Buurthuis De Kring', active: true };
const first = loan(item.id as string, { borrowerCode: 'B-1', startedAt: '2026-11-20T10:00:00.000Z' });
const second = loan(item.id as string, { borrowerCode: 'B-2', startedAt: '2026-11-25T10:00:00.000Z' });
const help = helpRequest({ outcome: 'solved', topics: ['mypension'], locationId: place.id });

const text = (key: CoordKey, params: Record<string, string | number> = {}) =>
  coordNl[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k]));

beforeAll(async () => {
  s = await startTestServer();
  await push(s.app, s.coordinator, [
    { mutationId: next(s.coordinator), table: 'equipment', record: item },
    { mutationId: next(s.coordinator), table: 'locations', record: place },
    ...[
      ['B-1', 'Anna Peeters'],
      ['B-2', 'Jan Janssens'],
    ].map(([borrowerCode, name]) => ({
      mutationId: next(s.coordinator),
      table: 'borrowers' as const,
      record: { id: newId(), borrowerCode, name, consent: true },
    })),
  ]);
  const phone2 = await login(s.app, s.volunteer.user.email);
  await push(s.app, s.volunteer, [
    { mutationId: next(s.volunteer), table: 'loans', record: first },
    { mutationId: next(s.volunteer), table: 'help_requests', record: help },
  ]);
  const res = await push(s.app, phone2, [
    { mutationId: next(phone2), table: 'loans', record: second },
    { mutationId: next(phone2), table: 'help_requests', record: { ...help, outcome: 'not_solved' } },
  ]);
  expect(res.results.map((r) => r.status)).toEqual(['conflict', 'applied']);
  openDb(`conflicts-${Date.now()}`);
  await setSession({ ...s.coordinator, serverUrl: s.url });
  await refreshSession();
  await setLanguage('nl');
  window.location.hash = '#/review/conflicts';
});
afterAll(() => s?.close());

describe('the conflicts screen', () => {
  it('says in words who lent the item to whom and what was overwritten, and settles both', async () => {
    render(<CoordinatorApp />);
    const loanCard = await screen.findByRole('article', {
      name: new RegExp(text('conflicts.lentTwice', { item: 'LT-777 · Lenovo ThinkPad T480' })),
    });
    expect(loanCard.textContent).toContain(text('conflicts.first'));
    expect(loanCard.textContent).toContain('Aan Anna Peeters (B-1), door Vera op');
    expect(loanCard.textContent).toContain('Aan Jan Janssens (B-2), door Vera op');

    const merge = screen.getByRole('article', { name: /^Hulpvraag van .* · Buurthuis De Kring · MyPension/ });
    expect(within(merge).getByText(nl['help.outcome'])).toBeTruthy();
    expect(merge.textContent).toContain(nl['outcome.solved']);
    expect(merge.textContent).toContain(nl['outcome.not_solved']);
    expect(merge.textContent).toMatch(/ingevuld door Vera op/);
    expect(document.body.textContent).not.toMatch(UUID);
    expect(document.body.textContent).not.toMatch(/[{}"]|not_solved|help_requests/);

    fireEvent.click(
      within(merge).getByRole('button', {
        name: text('conflicts.restoreValue', { value: nl['outcome.solved'] }),
      }),
    );
    await screen.findByText(text('conflicts.resolved'));
    const record = (
      await api(s.app, s.coordinator.token, 'GET', `/records/help_requests/${help.id as string}`)
    ).json();
    expect(record.record.outcome).toBe('solved');

    const keep = await within(await screen.findByRole('article', { name: new RegExp('LT-777') })).findByRole(
      'button',
      { name: new RegExp(`^${text('conflicts.keepSecond', { name: 'Jan Janssens', date: '.*' })}$`) },
    );
    fireEvent.click(keep);
    await screen.findByText(text('conflicts.none'));
    const loans = (await api(s.app, s.coordinator.token, 'GET', `/equipment/${item.id as string}`)).json();
    const byCode = new Map(
      loans.loans.map((l: { loan: { borrowerCode: string; status: string } }) => [
        l.loan.borrowerCode,
        l.loan.status,
      ]),
    );
    expect(byCode).toEqual(
      new Map([
        ['B-1', 'returned'],
        ['B-2', 'active'],
      ]),
    );
  });
});
