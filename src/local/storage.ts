// Browser storage: ask once for persistent storage (so the browser does not evict unsynced
// records under pressure) after the first saved record, and report usage for the settings page.

let asked: Promise<boolean | undefined> | undefined;

/**
 * Asks `navigator.storage.persist()` once per app run (after each save this is a no-op after the
 * first); `again` asks anew (the settings button: the browser may grant later what it refused).
 * Undefined where the API is missing.
 */
export function requestPersistence({ again = false }: { again?: boolean } = {}): Promise<
  boolean | undefined
> {
  if (again) asked = undefined;
  asked ??= (async () => {
    const storage = globalThis.navigator?.storage;
    if (!storage?.persist) return undefined;
    try {
      if (storage.persisted && (await storage.persisted())) return true;
      return await storage.persist();
    } catch {
      return undefined;
    }
  })();
  return asked;
}

export interface StorageInfo {
  usage?: number;
  quota?: number;
  persisted?: boolean;
}

/** Storage use, quota and persistence for the settings page; undefined where unsupported. */
export async function storageEstimate(): Promise<StorageInfo | undefined> {
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return undefined;
  const { usage, quota } = await storage.estimate();
  const persisted = storage.persisted ? await storage.persisted() : undefined;
  return { usage, quota, persisted };
}
