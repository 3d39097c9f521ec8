import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { saveHelpRequest, StorageFullError, translateStorageError } from '../../../src/local';
import { freshDb, helpDraft } from './helpers';

describe('record + outbox atomicity', () => {
  it('leaves neither the record nor the outbox entry when the outbox write fails', async () => {
    const db = freshDb();
    await saveHelpRequest(helpDraft());
    let recordWritten = false;
    db.help_requests.hook('creating', () => {
      recordWritten = true;
    });
    db.outbox.hook('creating', () => {
      throw new Error('disk hiccup');
    });
    await expect(saveHelpRequest(helpDraft({ channel: 'phone' }))).rejects.toThrow('disk hiccup');
    expect(recordWritten).toBe(true);
    expect(await db.help_requests.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
    // The mutation id taken inside the failed transaction was rolled back too.
    expect((await db.meta.get('nextMutationId'))?.value).toBe(2);
  });

  it('turns a quota error, bare or wrapped in Dexie AbortError, into StorageFullError', async () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(translateStorageError(quota)).toBeInstanceOf(StorageFullError);
    expect(translateStorageError(new Dexie.AbortError('aborted', quota))).toBeInstanceOf(StorageFullError);
    const other = new Error('x');
    expect(translateStorageError(other)).toBe(other);
  });

  it('reports a quota error during a save as StorageFullError and writes nothing', async () => {
    const db = freshDb();
    db.outbox.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(saveHelpRequest(helpDraft())).rejects.toBeInstanceOf(StorageFullError);
    expect(await db.help_requests.count()).toBe(0);
  });

  it('reports StorageFullError when the browser aborts the transaction for quota while it runs', async () => {
    // The abort makes the save's next operation fail with InvalidStateError; the volunteer must
    // still be told the storage is full (the transaction's own error), and nothing is written.
    let full = false;
    const proto = IDBDatabase.prototype;
    const open = proto.transaction;
    proto.transaction = function (this: IDBDatabase, ...args: Parameters<typeof open>) {
      const tx = open.apply(this, args);
      const names = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
      if (full && args[1] === 'readwrite' && names.includes('outbox')) {
        const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        Object.defineProperty(tx, 'error', { get: () => error });
        const store = tx.objectStore('outbox');
        const add = store.add.bind(store);
        store.add = (...a: Parameters<IDBObjectStore['add']>) => {
          const req = add(...a);
          req.addEventListener('success', () => tx.abort());
          return req;
        };
      }
      return tx;
    };
    try {
      const db = freshDb(); // Dexie binds IDBDatabase.transaction when it opens: patch first
      await saveHelpRequest(helpDraft());
      full = true;
      await expect(saveHelpRequest(helpDraft({ channel: 'phone' }))).rejects.toBeInstanceOf(StorageFullError);
      full = false;
      expect(await db.help_requests.count()).toBe(1);
      expect(await db.outbox.count()).toBe(1);
    } finally {
      proto.transaction = open;
    }
  });
});
