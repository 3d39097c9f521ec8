// Recent records: every kind of record is listed with its sync state and can be opened, edited
// or deleted before AND after it was sent; each change is a new outbox entry carrying the
// version the phone last had (so the server merges it), and a returned loan is still listed.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import {
  endPermanence,
  lendEquipment,
  returnLoan,
  saveHelpRequest,
  startPermanence,
  type DigitafelDb,
  type OutboxTable,
} from '../../src/local';
import { freshPhone, renderApp } from './helpers';

const help = { channel: 'street_stand' as const, outcome: 'solved' as const, topics: ['email'] };

/** What a successful sync leaves behind: the record sent (version 1) and no outbox entry. */
async function markSent(db: DigitafelDb, table: OutboxTable, id: string): Promise<void> {
  await db.outbox.clear();
  await db.table(table).update(id, { syncState: 'synced', version: 1 });
}

const section = (name: string) => screen.getByRole('region', { name });

describe('recent records', () => {
  it('edits and deletes a help request before and after sending, each as a new outbox entry', async () => {
    const db = await freshPhone('en');
    const before = await saveHelpRequest({ ...help, occurredAt: new Date().toISOString() });
    const sent = await saveHelpRequest({
      ...help,
      topics: ['itsme'],
      occurredAt: '2026-01-05T10:00:00.000Z',
    });
    await db.outbox.delete(2);
    await db.help_requests.update(sent.id, { syncState: 'synced', version: 1 });
    renderApp('#/recent');

    // After sending: open from the list, change the outcome, save.
    const list = await screen.findByRole('region', { name: 'Help requests' });
    const sentRow = (await within(list).findByText(/itsme/)).closest('li')!;
    expect(within(sentRow as HTMLElement).getByText('Sent')).toBeTruthy();
    fireEvent.click(within(sentRow as HTMLElement).getByRole('link'));
    expect(await screen.findByRole('heading', { name: 'Edit help request' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Partly' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    expect(await db.outbox.get(3)).toMatchObject({
      table: 'help_requests',
      op: 'upsert',
      id: sent.id,
      baseVersion: 1,
      record: { id: sent.id, outcome: 'partly', topics: ['itsme'] },
    });
    expect(await db.help_requests.get(sent.id)).toMatchObject({ outcome: 'partly', syncState: 'pending' });

    // Before sending: delete from the list (two taps); the still-unsent create stays in the outbox.
    await screen.findByRole('heading', { name: 'Recent records' });
    const row = (await within(section('Help requests')).findByText(/E-mail/)).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(within(section('Help requests')).queryByText(/E-mail/)).toBeNull());
    expect((await db.outbox.toArray()).map((e) => [e.mutationId, e.id, e.op, e.baseVersion])).toEqual([
      [1, before.id, 'upsert', null],
      [3, sent.id, 'upsert', 1],
      [4, before.id, 'delete', null],
    ]);
  });

  it('opens a help request the server refused with its reason and the fields it named marked', async () => {
    const db = await freshPhone('en');
    const saved = await saveHelpRequest({
      ...help,
      topics: ['itsme'],
      note: 'long story',
      occurredAt: new Date().toISOString(),
    });
    // What the sync engine keeps after a push result `rejected` (see tests/unit/sync/failures).
    await db.outbox.clear();
    await db.help_requests.update(saved.id, {
      syncState: 'needs_attention',
      syncError: {
        code: 'invalid_record',
        message: 'the record is not valid',
        issues: [{ code: 'too_big', path: ['note'], maximum: 5, message: 'Too big' }, 'not an issue'],
      },
    });
    renderApp('#/recent');
    const row = (
      await within(await screen.findByRole('region', { name: 'Help requests' })).findByText(/itsme/)
    ).closest('li') as HTMLElement;
    expect(
      within(row).getByText(/Needs attention: The server refused this record as not valid/),
    ).toBeTruthy();
    fireEvent.click(within(row).getByRole('link'));

    const alert = await screen.findByText(/Correct the marked fields and save to send it again/);
    expect(alert.textContent).toContain('The server refused this record as not valid.');
    const note = screen.getByLabelText('Note', { exact: false });
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('help-note-error')?.textContent).toBe('At most 5 characters.');

    // Correcting and saving makes it a new outbox entry, waiting to be sent again.
    fireEvent.input(note, { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(1));
    const after = await db.help_requests.get(saved.id);
    expect(after).toMatchObject({ note: 'short', syncState: 'pending' });
    expect(after?.syncError).toBeUndefined();
  });

  it("names the organisation's own topics in the phone's language, also once switched off", async () => {
    const db = await freshPhone('fr');
    // As a pull brings them down: one active topic, one the coordinator switched off.
    await db.topics.bulkPut([
      {
        id: crypto.randomUUID(),
        key: 'bank_app',
        labels: { nl: 'Bankapp', fr: 'Appli bancaire' },
        active: true,
        syncState: 'synced',
        version: 1,
      },
      {
        id: crypto.randomUUID(),
        key: 'old_portal',
        labels: { en: 'Old portal' },
        active: false,
        syncState: 'synced',
        version: 1,
      },
    ]);
    await saveHelpRequest({
      ...help,
      topics: ['bank_app', 'old_portal', 'itsme'],
      occurredAt: new Date().toISOString(),
    });
    renderApp('#/recent');
    const list = await screen.findByRole('region', { name: 'Demandes d’aide' });
    expect(await within(list).findByText(/Appli bancaire, Old portal, itsme/)).toBeTruthy();
  });

  it('opens a closed, sent permanence and corrects its counts and notes', async () => {
    const db = await freshPhone('en');
    const p = await startPermanence({ locationId: null, kind: 'permanence' });
    await endPermanence(p.id, { notes: 'quiet morning' });
    await markSent(db, 'permanences', p.id);
    renderApp('#/recent');

    const row = (
      await within(await screen.findByRole('region', { name: 'Permanences' })).findByText(
        /Walk-in permanence/,
      )
    ).closest('li') as HTMLElement;
    expect(within(row).getByText('Sent')).toBeTruthy();
    fireEvent.click(within(row).getByRole('link'));
    const visitors = await screen.findByLabelText('Visitors');
    expect((visitors as HTMLInputElement).value).toBe('0');
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('quiet morning');

    // A negative count is refused next to its field and nothing is written.
    fireEvent.input(visitors, { target: { value: '-2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Not saved: please correct the fields marked above.')).toBeTruthy();
    expect(visitors.getAttribute('aria-invalid')).toBe('true');
    expect(await db.outbox.count()).toBe(0);

    fireEvent.input(visitors, { target: { value: '7' } });
    fireEvent.input(screen.getByLabelText('Turned away'), { target: { value: '2' } });
    fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'busy after all' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Recent records' });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      table: 'permanences',
      id: p.id,
      op: 'upsert',
      baseVersion: 1,
      record: { visitorCount: 7, turnedAwayCount: 2, notes: 'busy after all', endedAt: expect.any(String) },
    });
    expect(await within(section('Permanences')).findByText(/7 visitors/)).toBeTruthy();
    expect(within(section('Permanences')).getByText('Waiting to send')).toBeTruthy();

    // After sending, a permanence can also be deleted: a tombstone goes out.
    const again = within(section('Permanences'))
      .getByText(/7 visitors/)
      .closest('li') as HTMLElement;
    fireEvent.click(within(again).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(again).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(async () => expect(await db.outbox.count()).toBe(2));
    expect(await db.outbox.get(outbox[0]!.mutationId + 1)).toMatchObject({ op: 'delete', id: p.id });
  });

  it('lists open and returned loans with their status, opens and deletes them', async () => {
    const db = await freshPhone('en');
    for (const [id, assetTag] of [
      ['0190a3c4-0000-7000-8000-0000000000a1', 'LAP-1'],
      ['0190a3c4-0000-7000-8000-0000000000a2', 'LAP-2'],
    ] as const)
      await db.equipment.put({
        id,
        assetTag,
        kind: 'laptop',
        status: 'ready',
        syncState: 'synced',
        version: 1,
      });
    const out = await lendEquipment({
      consent: true,
      equipmentId: '0190a3c4-0000-7000-8000-0000000000a1',
      kind: 'loan',
      borrowerCode: 'B-OUT',
    });
    const back = await lendEquipment({
      consent: true,
      equipmentId: '0190a3c4-0000-7000-8000-0000000000a2',
      kind: 'loan',
      borrowerCode: 'B-BACK',
    });
    await returnLoan(back.id, { conditionIn: 'fine' });
    renderApp('#/recent');

    const loans = await screen.findByRole('region', { name: 'Loans' });
    const open = (await within(loans).findByText(/B-OUT/)).closest('li') as HTMLElement;
    expect(open.textContent).toContain('Active');
    const returned = within(loans)
      .getByText(/B-BACK/)
      .closest('li') as HTMLElement;
    expect(returned.textContent).toContain('Returned');
    expect(within(returned).getByText('Waiting to send')).toBeTruthy();

    // A loan entered by mistake is deleted: a tombstone goes out and the item is free again here.
    await markSent(db, 'loans', out.id);
    fireEvent.click(within(open).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(open).getByRole('button', { name: 'Yes, delete' }));
    await waitFor(() => expect(within(section('Loans')).queryByText(/B-OUT/)).toBeNull());
    expect(await db.outbox.toArray()).toMatchObject([
      { table: 'loans', op: 'delete', id: out.id, baseVersion: 1 },
    ]);
    expect(await db.equipment.get('0190a3c4-0000-7000-8000-0000000000a1')).toMatchObject({ status: 'ready' });

    fireEvent.click(within(returned).getByRole('link'));
    expect(await screen.findByText('This loan is closed.')).toBeTruthy();
  });
});
