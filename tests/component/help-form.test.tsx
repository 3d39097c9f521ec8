// The help request form: validation messages appear next to their field in the current
// language and nothing is saved; the common case (one topic, solved) takes at most 5 taps
// from Home and lands in the local store with its outbox entry.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import {
  endPermanence,
  getMeta,
  saveHelpRequest,
  setMeta,
  startPermanence,
  type DigitafelDb,
} from '../../src/local';
import { freshPhone, renderApp } from './helpers';

const PLACES = [
  { id: '0190a3c4-0000-7000-8000-00000000c001', name: 'Bibliotheek Permeke' },
  { id: '0190a3c4-0000-7000-8000-00000000c002', name: 'Wijkhuis Kiel' },
];

/** Places as a sync brings them down. */
async function seedPlaces(db: DigitafelDb): Promise<void> {
  for (const p of PLACES) await db.locations.put({ ...p, active: true, syncState: 'synced', version: 1 });
}

const pressed = (name: string) => screen.getByRole('button', { name }).getAttribute('aria-pressed');

describe('help request form', () => {
  it('shows English validation messages next to the fields and saves nothing', async () => {
    const db = await freshPhone('en');
    renderApp('#/help/new');
    const save = await screen.findByRole('button', { name: 'Save' });
    fireEvent.input(screen.getByLabelText('Note', { exact: false }), { target: { value: 'x'.repeat(2001) } });
    fireEvent.click(save);

    const topics = screen.getByRole('group', { name: 'Topic' });
    expect(await within(topics).findByText('Choose at least one topic.')).toBeTruthy();
    const outcome = screen.getByRole('group', { name: 'Outcome' });
    expect(within(outcome).getByText('Choose one.')).toBeTruthy();
    const note = screen.getByLabelText('Note', { exact: false });
    expect(note.getAttribute('aria-invalid')).toBe('true');
    const described = note.getAttribute('aria-describedby') ?? '';
    expect(described).toContain('help-note-error');
    expect(document.getElementById('help-note-error')?.textContent).toBe('At most 2000 characters.');

    expect(await db.help_requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('shows the messages in French when the UI speaks French', async () => {
    const db = await freshPhone('fr');
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));

    const outcome = screen.getByRole('group', { name: 'Résultat' });
    expect(await within(outcome).findByText('Choisissez une option.')).toBeTruthy();
    const topics = screen.getByRole('group', { name: 'Sujet' });
    expect(within(topics).queryByRole('alert')).toBeNull();
    expect(screen.getByText('Pas enregistré : corrigez les champs indiqués ci-dessus.')).toBeTruthy();
    expect(await db.help_requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves the common case (one topic, solved) in at most 5 taps from Home', async () => {
    const db = await freshPhone('en');
    renderApp('#/');
    let taps = 0;
    const tap = (el: HTMLElement) => {
      taps++;
      fireEvent.click(el);
    };

    tap(await screen.findByRole('button', { name: 'New help request' }));
    tap(await screen.findByRole('button', { name: 'E-mail' }));
    tap(screen.getByRole('button', { name: 'Solved' }));
    tap(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved on this phone', { selector: '.notice' })).toBeTruthy();
    expect(taps).toBeLessThanOrEqual(5);
    const rows = await db.help_requests.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      topics: ['email'],
      outcome: 'solved',
      channel: 'street_stand',
      syncState: 'pending',
    });
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ table: 'help_requests', op: 'upsert', id: rows[0]?.id, mutationId: 1 });
    await waitFor(() => expect(screen.getByText('Waiting to send (1)')).toBeTruthy());
  });

  it('pre-fills the channel from the last entry', async () => {
    const db = await freshPhone('en');
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: 'Door to door' }));
    fireEvent.click(screen.getByRole('button', { name: 'itsme' }));
    fireEvent.click(screen.getByRole('button', { name: 'Partly' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.help_requests.count()).toBe(1));

    window.location.hash = '#/help/new';
    const channel = await screen.findByRole('button', { name: 'Door to door' });
    expect(channel.getAttribute('aria-pressed')).toBe('true');
  });

  it('pre-fills place, channel and language from the last entry, in at most 5 taps', async () => {
    const db = await freshPhone('en');
    await seedPlaces(db);
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'door_to_door',
      locationId: PLACES[1]!.id,
      language: 'fr',
      topics: ['email'],
      outcome: 'solved',
    });
    renderApp('#/');
    let taps = 0;
    const tap = (el: HTMLElement) => {
      taps++;
      fireEvent.click(el);
    };
    tap(await screen.findByRole('button', { name: 'New help request' }));
    const place = (await screen.findByLabelText('Place')) as HTMLSelectElement;
    await waitFor(() => expect(place.value).toBe(PLACES[1]!.id));
    expect(pressed('Door to door')).toBe('true');
    expect(pressed('French')).toBe('true');
    tap(screen.getByRole('button', { name: 'itsme' }));
    tap(screen.getByRole('button', { name: 'Solved' }));
    tap(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await db.help_requests.count()).toBe(2));
    expect(taps).toBeLessThanOrEqual(5);
    const last = (await db.help_requests.toArray()).find((h) => h.topics[0] === 'itsme');
    expect(last).toMatchObject({ channel: 'door_to_door', locationId: PLACES[1]!.id, language: 'fr' });
  });

  it('takes channel and place from the open permanence and links the request to it', async () => {
    const db = await freshPhone('en');
    await seedPlaces(db);
    // The last entry was elsewhere; the open session wins for channel and place.
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'phone',
      locationId: PLACES[1]!.id,
      language: 'nl',
      topics: ['email'],
      outcome: 'solved',
    });
    const open = await startPermanence({ kind: 'permanence', locationId: PLACES[0]!.id });
    renderApp('#/');
    fireEvent.click(await screen.findByRole('button', { name: 'New help request' }));
    const place = (await screen.findByLabelText('Place')) as HTMLSelectElement;
    await waitFor(() => expect(place.value).toBe(PLACES[0]!.id));
    expect(pressed('Permanence')).toBe('true');
    expect(pressed('Dutch')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'E-mail' }));
    fireEvent.click(screen.getByRole('button', { name: 'Referred' }));
    fireEvent.click(screen.getByRole('button', { name: 'Solved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Saved inside the session: back on the permanence screen, counted there.
    expect(await screen.findByText('Help requests in this permanence: 1')).toBeTruthy();
    const inside = (await db.help_requests.toArray()).find((h) => h.permanenceId);
    expect(inside).toMatchObject({
      permanenceId: open.id,
      channel: 'permanence',
      locationId: PLACES[0]!.id,
      outcome: 'solved',
    });
    // The permanence's channel is not carried over: it is only true while that session is open.
    expect(await getMeta(db, 'lastHelpDefaults')).toEqual({
      channel: 'phone',
      locationId: PLACES[0]!.id,
      language: 'nl',
    });
  });

  it('after the permanence ended, starts with the last channel that was not the permanence', async () => {
    const db = await freshPhone('en');
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'door_to_door',
      topics: ['email'],
      outcome: 'solved',
    });
    const open = await startPermanence({ kind: 'permanence', locationId: null });
    await saveHelpRequest({
      occurredAt: new Date().toISOString(),
      channel: 'permanence',
      permanenceId: open.id,
      topics: ['itsme'],
      outcome: 'solved',
    });
    await endPermanence(open.id);
    const before = new Set((await db.help_requests.toArray()).map((h) => h.id));
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail' }));
    expect(pressed('Door to door')).toBe('true');
    expect(pressed('Permanence')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Solved' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(window.location.hash).toBe('#/'));
    const made = (await db.help_requests.toArray()).filter((h) => !before.has(h.id));
    expect(made).toEqual([expect.objectContaining({ channel: 'door_to_door', permanenceId: null })]);
  });

  it('does not start with "permanence" when a phone stored it as the last channel before', async () => {
    const db = await freshPhone('en');
    await setMeta(db, 'lastHelpDefaults', { channel: 'permanence', locationId: null, language: null });
    renderApp('#/help/new');
    await screen.findByRole('button', { name: 'E-mail' });
    expect(pressed('Street stand')).toBe('true');
    expect(pressed('Permanence')).toBe('false');
  });
});
