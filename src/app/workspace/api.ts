// The coordinator routes through the app's one API client (src/sync/api-client.ts), with the
// signed-in session's token. CSV downloads need the raw bytes, so they read the response body
// as a Blob instead of JSON.
import { apiForSession, getSession, ApiError } from '../../sync';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

/** Calls a coordinator route and returns its JSON body (empty query values are left out). */
export async function call<T>(
  method: Method,
  path: string,
  opts: { body?: unknown; query?: Query } = {},
): Promise<T> {
  const api = apiForSession(await getSession());
  const query = Object.fromEntries(
    Object.entries(opts.query ?? {}).filter(([, v]) => v !== '' && v !== undefined),
  );
  return (await api.request(method, path, { ...opts, query })) as T;
}

/** Every record of `table` matching `query`, page after page: nothing drops off past a page. */
export async function listAll<T>(table: string, query: Query = {}): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await call<{ records: T[]; cursor: string | null }>('GET', `/records/${table}`, {
      query: { ...query, limit: 500, cursor },
    });
    out.push(...page.records);
    cursor = page.cursor ?? undefined;
  } while (cursor);
  return out;
}

/** Downloads `path` (a CSV or JSON export) as a file named `filename`. */
export async function download(path: string, filename: string, query: Query = {}): Promise<void> {
  const session = await getSession();
  const qs = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
  const res = await fetch(`${session?.serverUrl ?? ''}/api/v1${path}${qs.size ? `?${qs}` : ''}`, {
    headers: { authorization: `Bearer ${session?.token ?? ''}` },
  });
  if (!res.ok) throw new ApiError(res.status, `http_${res.status}`, res.statusText || 'download failed');
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A readable message for a failed call. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
