// The permanence screen: start a session, count visitors with +1/-1, each tap saved at once
// (its own outbox entry), never below zero.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { freshPhone, renderApp } from './helpers';

describe('permanence counter', () => {
  it('starts a permanence and counts visitors up and down, saving each tap', async () => {
    const db = await freshPhone('en');
    renderApp('#/permanence');
    fireEvent.click(await screen.findByRole('button', { name: 'Start permanence' }));
    const plus = await screen.findByRole('button', { name: '+1 visitor' });
    const visitors = screen.getByRole('region', { name: 'Visitors' });
    const value = () => within(visitors).getByRole('status').textContent;

    for (let i = 1; i <= 3; i++) {
      fireEvent.click(plus);
      await waitFor(() => expect(value()).toBe(String(i)));
    }
    fireEvent.click(screen.getByRole('button', { name: '-1 visitor' }));
    await waitFor(() => expect(value()).toBe('2'));

    const [perm] = await db.permanences.toArray();
    expect(perm).toMatchObject({ visitorCount: 2, turnedAwayCount: 0, endedAt: null, syncState: 'pending' });
    const outbox = await db.outbox
      .where('[table+id]')
      .equals(['permanences', perm?.id ?? ''])
      .toArray();
    expect(outbox.map((e) => e.mutationId)).toEqual([1, 2, 3, 4, 5]);
    expect(outbox.at(-1)?.record).toMatchObject({ visitorCount: 2 });
  });

  it('cannot count below zero and ends the permanence with notes', async () => {
    const db = await freshPhone('en');
    renderApp('#/permanence');
    fireEvent.click(await screen.findByRole('button', { name: 'Start permanence' }));
    const minus = await screen.findByRole('button', { name: '-1 turned away' });
    expect((minus as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '+1 turned away' }));
    await waitFor(async () => expect((await db.permanences.toArray())[0]?.turnedAwayCount).toBe(1));

    fireEvent.input(screen.getByLabelText('Difficulties'), { target: { value: 'Wi-Fi down for an hour' } });
    fireEvent.click(screen.getByRole('button', { name: 'End permanence' }));
    await waitFor(async () => expect((await db.permanences.toArray())[0]?.endedAt).toBeTruthy());
    expect((await db.permanences.toArray())[0]).toMatchObject({ difficulties: 'Wi-Fi down for an hour' });
  });
});
