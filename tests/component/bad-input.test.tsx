// Bad input on the other forms: lending without a borrower code and ending a permanence with an
// over-long note are refused next to the field, in the phone's language (Dutch here), and
// nothing is written: no record change, no outbox entry.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { startPermanence } from '../../src/local';
import { nl } from '../../src/shared/i18n/nl';
import { freshPhone, renderApp } from './helpers';

const ITEM_ID = '0190a3c4-0000-7000-8000-00000000f001';

/** The error shown under the field labelled `label`. */
function errorOf(label: string): string | null | undefined {
  const field = screen.getByLabelText(label, { exact: false });
  expect(field.getAttribute('aria-invalid')).toBe('true');
  return document.getElementById(`${field.id}-error`)?.textContent;
}

describe('bad input on the lend and end-of-permanence forms', () => {
  it('refuses a loan without a borrower code next to the field, in Dutch', async () => {
    const db = await freshPhone('nl');
    await db.equipment.put({
      id: ITEM_ID,
      assetTag: 'LAP-NL',
      kind: 'laptop',
      status: 'ready',
      syncState: 'synced',
      version: 1,
    });
    renderApp(`#/loans/lend/${ITEM_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: nl['loans.lend'] }));
    await waitFor(() => expect(errorOf(nl['loans.borrowerCode'])).toBe(nl['validation.required']));
    expect(await db.loans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.equipment.get(ITEM_ID)).toMatchObject({ status: 'ready' });
  });

  it('refuses to end a permanence with a note over 2000 characters, and it stays open', async () => {
    const db = await freshPhone('nl');
    const open = await startPermanence({ locationId: null, kind: 'permanence' });
    const entries = await db.outbox.count();
    renderApp('#/permanence');
    fireEvent.input(await screen.findByLabelText(nl['permanence.notes']), {
      target: { value: 'x'.repeat(2001) },
    });
    fireEvent.click(screen.getByRole('button', { name: nl['permanence.end'] }));
    await waitFor(() =>
      expect(errorOf(nl['permanence.notes'])).toBe(nl['validation.tooLong'].replace('{max}', '2000')),
    );
    const row = await db.permanences.get(open.id);
    expect(row?.endedAt).toBeNull();
    expect(row?.notes).toBeUndefined();
    expect(await db.outbox.count()).toBe(entries);
  });
});
