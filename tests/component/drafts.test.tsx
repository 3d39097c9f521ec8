// Issue 15.7: what was typed survives the form going away unsaved (a tab killed mid-form is the
// e2e test's part): the help, lend and end-of-permanence forms reopen with it and say so,
// "Start over" throws it away, saving forgets it, and signing out forgets every draft.
import { describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { getMeta, loadDraft, startPermanence } from '../../src/local';
import { signOut } from '../../src/app/session';
import { en } from '../../src/shared/i18n/en';
import { freshPhone, renderApp } from './helpers';

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('form drafts', () => {
  it('reopens the help form with what was typed, until it is saved', async () => {
    const db = await freshPhone('en');
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: en['topic.email'] }));
    fireEvent.input(screen.getByLabelText(en['help.note'], { exact: false }), {
      target: { value: 'forgot the itsme PIN' },
    });
    await waitFor(async () =>
      expect(await loadDraft('help:new')).toMatchObject({ note: 'forgot the itsme PIN' }),
    );
    cleanup(); // the form goes away unsaved

    renderApp('#/help/new');
    expect(await screen.findByText(en['form.draftRestored'])).toBeTruthy();
    expect((screen.getByLabelText(en['help.note'], { exact: false }) as HTMLTextAreaElement).value).toBe(
      'forgot the itsme PIN',
    );
    expect(pressed(en['topic.email'])).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: en['outcome.solved'] }));
    fireEvent.click(screen.getByRole('button', { name: en['common.save'] }));
    await waitFor(async () => expect(await db.help_requests.count()).toBe(1));
    expect((await db.help_requests.toArray())[0]).toMatchObject({
      note: 'forgot the itsme PIN',
      topics: ['email'],
    });
    expect(await loadDraft('help:new')).toBeUndefined();

    cleanup();
    renderApp('#/help/new');
    await screen.findByRole('button', { name: en['common.save'] });
    expect(screen.queryByText(en['form.draftRestored'])).toBeNull();
    expect(pressed(en['topic.email'])).toBe('false');
  });

  it('starts over on request, and keeps the end of a permanence typed so far', async () => {
    await freshPhone('en');
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: en['topic.phishing'] }));
    await waitFor(async () => expect(await loadDraft('help:new')).toBeTruthy());
    cleanup();
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: en['form.startOver'] }));
    await waitFor(() => expect(pressed(en['topic.phishing'])).toBe('false'));
    expect(screen.queryByText(en['form.draftRestored'])).toBeNull();
    expect(await loadDraft('help:new')).toBeUndefined();
    cleanup();

    const open = await startPermanence({ kind: 'permanence', locationId: null });
    renderApp('#/permanence');
    fireEvent.input(await screen.findByLabelText(en['permanence.difficulties']), {
      target: { value: 'the printer jammed twice' },
    });
    await waitFor(async () => expect(await loadDraft(`end:${open.id}`)).toBeTruthy());
    cleanup();
    renderApp('#/permanence');
    const field = (await screen.findByLabelText(en['permanence.difficulties'])) as HTMLTextAreaElement;
    await waitFor(() => expect(field.value).toBe('the printer jammed twice'));
    expect(screen.getByText(en['form.draftRestored'])).toBeTruthy();
  });

  it('keeps the lend form, and forgets every draft at sign-out', async () => {
    const db = await freshPhone('en');
    const id = '0190a3c4-0000-7000-8000-00000000f001';
    await db.equipment.put({
      id,
      assetTag: 'LAP-9',
      kind: 'laptop',
      status: 'ready',
      syncState: 'synced',
      version: 1,
    });
    renderApp('#/loans');
    fireEvent.input(await screen.findByLabelText(en['loans.assetTag']), { target: { value: 'lap-9' } });
    fireEvent.click(screen.getByRole('button', { name: en['loans.find'] }));
    fireEvent.input(await screen.findByLabelText(en['loans.borrowerCode'], { exact: false }), {
      target: { value: 'B-31' },
    });
    const list = screen.getByRole('group', { name: en['loans.accessoriesOut'] });
    fireEvent.click(within(list).getByRole('checkbox', { name: en['accessory.bag'] }));
    await waitFor(async () => expect(await loadDraft(`lend:${id}`)).toMatchObject({ borrower: 'B-31' }));
    cleanup();
    renderApp(`#/loans/lend/${id}`);
    const borrower = (await screen.findByLabelText(en['loans.borrowerCode'], {
      exact: false,
    })) as HTMLInputElement;
    await waitFor(() => expect(borrower.value).toBe('B-31'));
    expect(
      (
        within(screen.getByRole('group', { name: en['loans.accessoriesOut'] })).getByRole('checkbox', {
          name: en['accessory.bag'],
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    cleanup();

    await signOut();
    expect(await getMeta(db, 'drafts')).toBeUndefined();
  });
});
