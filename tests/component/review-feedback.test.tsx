// Review feedback on the phone (issue 10, item 4): Home's notice counts this person's records a
// coordinator marked "has issues" and links to Recent, which lists them first with the remark;
// "Correct it" opens the same form, and the saved correction leaves the list and the count.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { saveHelpRequest, startPermanence, type DigitafelDb, type OutboxTable } from '../../src/local';
import { freshPhone, renderApp } from './helpers';

const help = { channel: 'street_stand' as const, outcome: 'partly' as const, topics: ['email'] };

/** What a pull leaves after a coordinator's review: the record sent, with its review state. */
async function pulledWithReview(
  db: DigitafelDb,
  table: OutboxTable,
  id: string,
  review: { reviewState: 'has_issues' | 'reviewed' | 'new'; reviewComment?: string | null },
  createdBy = 'user-1',
): Promise<void> {
  await db.outbox.where('[table+id]').equals([table, id]).delete();
  await db.table(table).update(id, { syncState: 'synced', version: 2, createdBy, ...review });
}

describe('review feedback on the phone', () => {
  it('shows the notice on Home, the remark on Recent, and drops both once the record is corrected', async () => {
    const db = await freshPhone('en');
    const a = await saveHelpRequest({ ...help, occurredAt: '2026-11-30T10:00:00.000Z' });
    const b = await saveHelpRequest({ ...help, topics: ['itsme'], occurredAt: '2026-11-30T11:00:00.000Z' });
    const fine = await saveHelpRequest({
      ...help,
      topics: ['mypension'],
      occurredAt: new Date().toISOString(),
    });
    const someoneElses = await saveHelpRequest({ ...help, occurredAt: new Date().toISOString() });
    const perm = await startPermanence({ locationId: null, kind: 'permanence' });
    await pulledWithReview(db, 'help_requests', a.id, {
      reviewState: 'has_issues',
      reviewComment: 'Was it solved in the end? <b>not bold</b>',
    });
    await pulledWithReview(db, 'help_requests', b.id, { reviewState: 'has_issues', reviewComment: null });
    await pulledWithReview(db, 'help_requests', fine.id, { reviewState: 'reviewed' });
    await pulledWithReview(
      db,
      'help_requests',
      someoneElses.id,
      { reviewState: 'has_issues', reviewComment: 'not for you' },
      'user-2',
    );
    await pulledWithReview(db, 'permanences', perm.id, {
      reviewState: 'has_issues',
      reviewComment: 'No visitors in three hours?',
    });

    renderApp('#/');
    const notice = await screen.findByRole('link', { name: '3 records need your attention' });
    fireEvent.click(notice);

    const attention = await screen.findByRole('region', { name: 'Needs your attention' });
    const rows = within(attention).getAllByRole('listitem');
    expect(rows).toHaveLength(3);
    expect(within(attention).getByText('Was it solved in the end? <b>not bold</b>')).toBeTruthy();
    expect(within(attention).getByText('No visitors in three hours?')).toBeTruthy();
    expect(within(attention).getByText(/left no remark/)).toBeTruthy();
    expect(within(attention).queryByText('not for you')).toBeNull();
    expect(attention.querySelector('b')).toBeNull();
    // The lists below mark the same records.
    const list = screen.getByRole('region', { name: 'Help requests' });
    expect(within(list).getAllByText('Has issues')).toHaveLength(2);

    // Correct the first one with the same form; the remark is shown above it.
    const row = rows.find((r) => r.textContent?.includes('Was it solved')) as HTMLElement;
    fireEvent.click(within(row).getByRole('link', { name: 'Correct it' }));
    expect(await screen.findByRole('heading', { name: 'Edit help request' })).toBeTruthy();
    expect(await screen.findByText('The coordinator wrote:')).toBeTruthy();
    expect(screen.getByText('Was it solved in the end? <b>not bold</b>')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Solved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('heading', { name: 'Recent records' });
    await waitFor(() =>
      expect(
        within(screen.getByRole('region', { name: 'Needs your attention' })).getAllByRole('listitem'),
      ).toHaveLength(2),
    );
    expect(await db.help_requests.get(a.id)).toMatchObject({
      outcome: 'solved',
      reviewState: 'new',
      syncState: 'pending',
    });
    expect(await db.outbox.where('[table+id]').equals(['help_requests', a.id]).first()).toMatchObject({
      baseVersion: 2,
      record: { id: a.id, outcome: 'solved' },
    });

    window.location.hash = '#/';
    expect(await screen.findByRole('link', { name: '2 records need your attention' })).toBeTruthy();
  });

  it('shows no notice when nothing has issues, and says it in Dutch and French with their plurals', async () => {
    const db = await freshPhone('nl');
    const h = await saveHelpRequest({ ...help, occurredAt: new Date().toISOString() });
    await pulledWithReview(db, 'help_requests', h.id, { reviewState: 'reviewed' });
    const view = renderApp('#/');
    await screen.findByRole('heading', { name: 'Vandaag' });
    expect(document.querySelector('.notice-attention')).toBeNull();
    await pulledWithReview(db, 'help_requests', h.id, {
      reviewState: 'has_issues',
      reviewComment: 'Welk onderwerp?',
    });
    expect(await screen.findByRole('link', { name: '1 registratie vraagt je aandacht' })).toBeTruthy();
    view.unmount();

    const fr = await freshPhone('fr');
    for (const at of ['2026-11-29T10:00:00.000Z', '2026-11-30T10:00:00.000Z']) {
      const r = await saveHelpRequest({ ...help, occurredAt: at });
      await pulledWithReview(fr, 'help_requests', r.id, {
        reviewState: 'has_issues',
        reviewComment: 'Quel thème ?',
      });
    }
    renderApp('#/');
    expect(await screen.findByRole('link', { name: '2 fiches demandent votre attention' })).toBeTruthy();
  });
});
