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
    fireEvent.click(screen.getByRole('checkbox', { name: 'The borrower was informed and agrees' }));
    fireEvent.click(screen.getByRole('button', { name: 'Lend' }));
    await waitFor(async () => expect(await db.loans.count()).toBe(1));
    expect((await db.loans.toArray())[0]).toMatchObject({
      equipmentId: ITEM_ID,
      borrowerCode: 'B-17',
      accessoriesOut: ['charger'],
    });
    expect(await db.outbox.count()).toBe(1);
  });

  it('lends with the accessories checklist: charger, bag, mouse and something else, in Dutch', async () => {
    const db = await freshPhone('nl');
    await db.equipment.put({
      id: ITEM_ID,
      assetTag: 'LAP-042',
      kind: 'laptop',
      status: 'ready',
      accessories: ['Lader', 'Stylus'], // as a coordinator typed them: "Lader" is the charger
      syncState: 'synced',
      version: 1,
    });
    renderApp('#/loans');
    fireEvent.input(await screen.findByLabelText('Inventarisnummer'), { target: { value: 'lap-042' } });
    fireEvent.click(screen.getByRole('button', { name: 'Zoeken' }));
    const list = await screen.findByRole('group', { name: 'Meegegeven toebehoren' });
    const boxes = within(list).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.map((b) => [b.parentElement?.textContent, b.checked])).toEqual([
      ['Lader', true],
      ['Tas', false],
      ['Muis', false],
      ['Stylus', true],
      ['Iets anders', false],
    ]);
    fireEvent.click(within(list).getByRole('checkbox', { name: 'Muis' }));
    fireEvent.click(within(list).getByRole('checkbox', { name: 'Stylus' }));
    fireEvent.click(within(list).getByRole('checkbox', { name: 'Iets anders' }));
    fireEvent.input(within(list).getByLabelText('Wat nog?'), { target: { value: ' USB-stick ' } });
    fireEvent.input(screen.getByLabelText('Code ontlener', { exact: false }), { target: { value: 'B-5' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'De ontlener is ingelicht en gaat akkoord' }));
    fireEvent.click(screen.getByRole('button', { name: 'Uitlenen' }));
    await waitFor(async () => expect(await db.loans.count()).toBe(1));
    expect((await db.loans.toArray())[0]!.accessoriesOut).toEqual(['charger', 'mouse', 'USB-stick']);
  });

  it('saves no loan until the borrower was informed and agreed; the text shows in their language', async () => {
    const db = await freshPhone('nl');
    await seedItem(db);
    await db.meta.put({
      key: 'org',
      value: { id: 'org-1', name: 'Digipunt Anneessens', privacyContact: 'privacy@digipunt.example.org' },
    });
    renderApp(`#/loans/lend/${ITEM_ID}`);
    fireEvent.input(await screen.findByLabelText('Code ontlener', { exact: false }), {
      target: { value: 'B-77' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Uitlenen' }));
    const consent = screen.getByRole('checkbox', { name: 'De ontlener is ingelicht en gaat akkoord' });
    await waitFor(() => expect(consent.getAttribute('aria-describedby')).toContain('lend-consent-error'));
    expect(screen.getByRole('alert').textContent).toBe(
      'Vraag het eerst aan de ontlener: de lening wordt pas bewaard als die akkoord gaat.',
    );
    expect(await db.loans.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.equipment.get(ITEM_ID)).toMatchObject({ status: 'ready' });

    // The worker shows the borrower the text, in French for this borrower.
    fireEvent.click(screen.getByRole('button', { name: 'Toon de informatietekst' }));
    expect(await screen.findByRole('heading', { name: 'Uw gegevens als u een toestel leent' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Français' }));
    const text = await screen.findByRole('article');
    expect(within(text).getByRole('heading', { level: 3 }).textContent).toBe(
      'Vos données quand vous empruntez un appareil',
    );
    expect(text.getAttribute('lang')).toBe('fr');
    await waitFor(() => expect(text.textContent).toContain('Digipunt Anneessens'));
    expect(text.textContent).toContain('privacy@digipunt.example.org');
    expect(text.textContent).toContain('6 mois');

    fireEvent.click(consent);
    fireEvent.click(screen.getByRole('button', { name: 'Uitlenen' }));
    await waitFor(async () => expect(await db.loans.count()).toBe(1));
    const saved = (await db.loans.toArray())[0]!;
    expect(saved).toMatchObject({ borrowerCode: 'B-77', consent: true });
    expect(saved.consentAt).toBe(saved.startedAt);
    // Its outbox entry carries the consent to the server.
    const entry = (await db.outbox.toArray())[0]!;
    expect(JSON.stringify(entry)).toContain('"consent":true');
  });

  it('shows the blocked message for an item this phone knows is on loan', async () => {
    const db = await freshPhone('en');
    await seedItem(db);
    await lendEquipment({ consent: true, equipmentId: ITEM_ID, kind: 'loan', borrowerCode: 'B-01' });
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
    await lendEquipment({ consent: true, equipmentId: ITEM_ID, kind: 'loan', borrowerCode: 'B-02' });
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
      consent: true,
      equipmentId: ITEM_ID,
      kind: 'loan',
      borrowerCode: 'B-LATE',
      dueAt: new Date(Date.now() - 10 * day).toISOString(),
      accessoriesOut: ['charger', 'bag'],
    });
    await lendEquipment({
      consent: true,
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
    expect((screen.getByRole('checkbox', { name: 'Charger' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Bag' }));
    expect(await screen.findByText('Not returned: Bag')).toBeTruthy();
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
