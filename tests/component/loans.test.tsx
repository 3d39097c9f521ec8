// Lending: finding an item by asset tag, lending it, and the clear message when this phone
// knows the item is already on loan (LoanBlockedError), whether known before or found on Lend.
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { lendEquipment, type DigitafelDb, type LocalEquipment } from '../../src/local';
import { LendForm } from '../../src/app/loans/LendForm';
import { freshPhone, renderApp } from './helpers';

const ITEM_ID = '0190a3c4-0000-7000-8000-000000000001';

async function seedItem(db: DigitafelDb): Promise<LocalEquipment> {
  const item: LocalEquipment = {
    id: ITEM_ID,
    assetTag: 'LAP-042',
    kind: 'laptop',
    status: 'ready',
    accessories: ['charger'],
    syncState: 'synced',
    version: 1,
  };
  await db.equipment.put(item);
  return item;
}

describe('lending equipment', () => {
  it('finds an item by asset tag and lends it', async () => {
    const db = await freshPhone('en');
    await seedItem(db);
    renderApp('#/loans');
    fireEvent.input(await screen.findByLabelText('Asset tag'), { target: { value: 'lap-042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    fireEvent.input(await screen.findByLabelText('Borrower code', { exact: false }), {
      target: { value: 'B-17' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Lend' }));
    await waitFor(async () => expect(await db.loans.count()).toBe(1));
    expect((await db.loans.toArray())[0]).toMatchObject({
      equipmentId: ITEM_ID,
      borrowerCode: 'B-17',
      accessoriesOut: ['charger'],
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('shows the blocked message for an item this phone knows is on loan', async () => {
    const db = await freshPhone('en');
    await seedItem(db);
    await lendEquipment({ equipmentId: ITEM_ID, kind: 'loan', borrowerCode: 'B-01' });
    renderApp('#/loans');
    fireEvent.input(await screen.findByLabelText('Asset tag'), { target: { value: 'LAP-042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Find' }));
    const alert = await screen.findByText(/This item is already on loan \(borrower B-01/);
    expect(alert).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lend' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Open that loan' })).toBeTruthy();
  });

  it('shows the blocked message when the item went out while the form was open', async () => {
    const db = await freshPhone('en');
    const item = await seedItem(db);
    render(<LendForm item={item} />);
    await lendEquipment({ equipmentId: ITEM_ID, kind: 'loan', borrowerCode: 'B-02' });
    fireEvent.input(screen.getByLabelText('Borrower code', { exact: false }), { target: { value: 'B-99' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lend' }));
    expect(await screen.findByText(/This item is already on loan \(borrower B-02/)).toBeTruthy();
    expect(await db.loans.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('lists open loans with the overdue ones first, extends one and takes one back', async () => {
    const db = await freshPhone('en');
    await seedItem(db);
    const second = {
      ...(await seedItem(db)),
      id: '0190a3c4-0000-7000-8000-000000000002',
      assetTag: 'LAP-043',
    };
    await db.equipment.put(second);
    const day = 86_400_000;
    const late = await lendEquipment({
      equipmentId: ITEM_ID,
      kind: 'loan',
      borrowerCode: 'B-LATE',
      dueAt: new Date(Date.now() - 10 * day).toISOString(),
      accessoriesOut: ['charger', 'bag'],
    });
    await lendEquipment({
      equipmentId: second.id,
      kind: 'loan',
      borrowerCode: 'B-FINE',
      dueAt: new Date(Date.now() + 20 * day).toISOString(),
    });
    renderApp('#/loans');
    const list = await screen.findByRole('region', { name: 'Open loans' });
    await within(list).findByText(/B-FINE/);
    const rows = within(list).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^LAP-042 · B-LATE.*Overdue$/),
      expect.not.stringContaining('Overdue'),
    ]);

    // Extend: a new due date, kept with the history of extensions, as a new outbox entry.
    fireEvent.click(within(rows[0]!).getByRole('link'));
    const due = (await screen.findByLabelText('New due date')) as HTMLInputElement;
    fireEvent.input(due, { target: { value: '2030-01-15' } });
    fireEvent.click(screen.getByRole('button', { name: 'Extend' }));
    expect(await screen.findByText('Due date moved. Saved on this phone.')).toBeTruthy();
    const extended = await db.loans.get(late.id);
    expect(extended).toMatchObject({ dueAt: '2030-01-15T12:00:00.000Z', syncState: 'pending' });
    expect(extended?.extensions).toEqual([
      { at: expect.any(String), previousDueAt: late.dueAt, newDueAt: '2030-01-15T12:00:00.000Z' },
    ]);

    // Return: condition, and the bag did not come back.
    fireEvent.input(screen.getByLabelText('Condition on return'), { target: { value: 'scratched lid' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'bag' }));
    fireEvent.click(screen.getByRole('button', { name: 'Return' }));
    await screen.findByRole('heading', { name: 'Equipment & loans' });
    const back = await db.loans.get(late.id);
    expect(back).toMatchObject({
      status: 'returned',
      conditionIn: 'scratched lid',
      accessoriesIn: ['charger'],
      returnedAt: expect.any(String),
    });
    expect(await db.equipment.get(ITEM_ID)).toMatchObject({ status: 'ready' });
    const outbox = (await db.outbox.toArray()).filter((e) => e.id === late.id);
    expect(outbox.map((e) => e.op)).toEqual(['upsert', 'upsert', 'upsert']);
    await waitFor(() =>
      expect(within(screen.getByRole('region', { name: 'Open loans' })).queryByText(/B-LATE/)).toBeNull(),
    );
  });
});
