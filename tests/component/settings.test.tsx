// Storage and the escape hatch: persistent storage is asked for after the first saved record
// (not before, and once), Settings shows the storage used in the language's number format and
// whether it is persistent, and unsynced records go to a file and come back on another phone
// as that phone's own pending changes. jsdom has no StorageManager or object URLs: both are
// stood in for by recording fakes, and files get the text() jsdom lacks (the browser's part).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import type { Messages } from '../../src/shared/i18n';
import { nl } from '../../src/shared/i18n/nl';
import { en } from '../../src/shared/i18n/en';
import { freshPhone, renderApp } from './helpers';

const text = (cat: Messages, key: keyof Messages, params: Record<string, string | number> = {}) =>
  cat[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));

let persisted = false;
const storage = {
  persist: vi.fn(async () => persisted),
  persisted: vi.fn(async () => persisted),
  estimate: vi.fn(async () => ({ usage: 1_234_567, quota: 1_000_000_000 })),
};
const downloads: Blob[] = [];

/** A Blob's text (jsdom's Blob has no text(); FileReader it has). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** A picked file as the browser gives it (jsdom's File lacks text()). */
const picked = (content: string, name: string) =>
  Object.assign(new File([content], name, { type: 'application/json' }), { text: async () => content });

beforeEach(() => {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (downloads.push(b), 'blob:x') }));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

describe('storage and the escape hatch', () => {
  it('asks for persistent storage after the first saved record, once', async () => {
    await freshPhone('en');
    renderApp('#/');
    await screen.findByRole('button', { name: en['home.newHelp'] });
    expect(storage.persist).not.toHaveBeenCalled();
    for (let i = 0; i < 2; i++) {
      fireEvent.click(screen.getByRole('button', { name: en['home.newHelp'] }));
      fireEvent.click(await screen.findByRole('button', { name: 'E-mail' }));
      fireEvent.click(screen.getByRole('button', { name: en['outcome.solved'] }));
      fireEvent.click(screen.getByRole('button', { name: en['common.save'] }));
      await screen.findByRole('button', { name: en['home.newHelp'] });
      await waitFor(() => expect(storage.persist).toHaveBeenCalledTimes(1));
    }
  });

  it('shows storage use in Dutch number format and persistence, and asks again on request', async () => {
    await freshPhone('nl');
    persisted = false;
    renderApp('#/settings');
    expect(
      await screen.findByText(text(nl, 'settings.storageUsed', { used: '1,2 MB', quota: '1 GB' })),
    ).toBeTruthy();
    expect(screen.getByText(nl['settings.notPersistent'])).toBeTruthy();
    const before = storage.persist.mock.calls.length;
    persisted = true; // the browser grants it this time
    fireEvent.click(screen.getByRole('button', { name: nl['settings.askPersist'] }));
    expect(await screen.findByText(nl['settings.persistent'])).toBeTruthy();
    expect(storage.persist.mock.calls.length + storage.persisted.mock.calls.length).toBeGreaterThan(before);
    expect(screen.queryByRole('button', { name: nl['settings.askPersist'] })).toBeNull();
  });

  it('exports unsynced records to a file and imports it on another phone as pending changes', async () => {
    const first = await freshPhone('en');
    renderApp('#/help/new');
    fireEvent.click(await screen.findByRole('button', { name: 'itsme' }));
    fireEvent.click(screen.getByRole('button', { name: en['outcome.partly'] }));
    fireEvent.click(screen.getByRole('button', { name: en['common.save'] }));
    await screen.findByRole('button', { name: en['home.newHelp'] });
    const [record] = await first.help_requests.toArray();

    window.location.hash = '#/settings';
    downloads.length = 0;
    fireEvent.click(await screen.findByRole('button', { name: en['settings.export'] }));
    expect(await screen.findByText(text(en, 'settings.exported_one', { n: 1 }))).toBeTruthy();
    expect(downloads).toHaveLength(1);
    const file = await readBlob(downloads[0]!);
    expect(JSON.parse(file)).toMatchObject({
      format: 'digitafel-unsynced',
      records: [{ table: 'help_requests', record: { id: record!.id, outcome: 'partly' } }],
    });

    // Another phone: the file's record becomes its own pending change with its own mutation id.
    const second = await freshPhone('en');
    window.location.hash = '#/';
    window.location.hash = '#/settings';
    const input = (await screen.findByLabelText(en['settings.import'])) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [picked(file, 'digitafel-unsynced.json')] } });
    expect(await screen.findByText(text(en, 'settings.imported', { imported: 1, skipped: 0 }))).toBeTruthy();
    expect(await second.help_requests.get(record!.id)).toMatchObject({
      outcome: 'partly',
      syncState: 'pending',
    });
    expect(await second.outbox.toArray()).toMatchObject([
      { mutationId: 1, table: 'help_requests', op: 'upsert', id: record!.id },
    ]);

    // A file that is not an export is refused with a clear message.
    fireEvent.change(input, { target: { files: [picked('{"hello":1}', 'x.json')] } });
    expect(await screen.findByText(en['settings.badFile'])).toBeTruthy();
  });
});
