// THE one fetch wrapper of the app: every call to the server goes through `createApiClient`.
// Errors come back as ApiError (HTTP status + the wire body `{code, message, issues}`) or
// NetworkError (no answer at all: offline, DNS, server down): the sync engine and the UI
// decide from that, never from `navigator.onLine`.
import type { z } from '../shared/zod';
import {
  apiError,
  codeCheckResponse,
  meResponse,
  session,
  type CodeCheck,
  type Session,
} from '../shared/api';
import {
  pullResponse,
  pushResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../shared/sync-protocol';

/** The server answered with an error status. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: unknown[],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** No HTTP answer arrived (offline, refused, timed out). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(cause?: unknown) {
    super('network_error', { cause });
  }
}

export interface ApiClientOptions {
  /** Server origin; '' (default) means the app's own origin. */
  baseUrl?: string;
  /** The bearer token, read on every request (null: none). */
  getToken?: () => string | null | undefined;
  /** Injected fetch (tests); defaults to the global one. */
  fetch?: typeof fetch;
}

export interface RequestOptions<S extends z.ZodType> {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Validates the response body; omitted for 204 or untyped calls. */
  schema?: S;
}

export type ApiClient = ReturnType<typeof createApiClient>;

async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = apiError.safeParse(body);
  const retry = Number(res.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : undefined;
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(res.status, e.code, e.message, e.issues, retryAfter);
  }
  return new ApiError(
    res.status,
    `http_${res.status}`,
    res.statusText || 'request failed',
    undefined,
    retryAfter,
  );
}

/** A client for the REST API (routes under /api/v1, described at /api/v1/openapi.json). */
export function createApiClient(opts: ApiClientOptions = {}) {
  const base = (opts.baseUrl ?? '').replace(/\/$/, '');
  const doFetch =
    opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  /** Calls `method path` and returns the parsed body (undefined for 204). */
  async function request<S extends z.ZodType = z.ZodUnknown>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    ro: RequestOptions<S> = {},
  ): Promise<z.infer<S>> {
    const qs = Object.entries(ro.query ?? {}).filter(
      (e): e is [string, string | number] => e[1] !== undefined,
    );
    const search = qs.length ? `?${new URLSearchParams(qs.map(([k, v]) => [k, String(v)]))}` : '';
    const headers: Record<string, string> = { accept: 'application/json' };
    const token = opts.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    if (ro.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(`${base}/api/v1${path}${search}`, {
        method,
        headers,
        ...(ro.body !== undefined && { body: JSON.stringify(ro.body) }),
      });
    } catch (err) {
      throw new NetworkError(err);
    }
    if (!res.ok) throw await toApiError(res);
    if (res.status === 204) return undefined as z.infer<S>;
    let json: unknown;
    try {
      json = await res.json();
    } catch (err) {
      throw new NetworkError(err); // a cut-off body is a transport failure
    }
    return (ro.schema ? ro.schema.parse(json) : json) as z.infer<S>;
  }

  /**
   * Whether the server answers at all (HEAD /api/v1/health, no token, no body): one cheap
   * request the sync triggers repeat while records wait. A 5xx (a proxy whose server is down)
   * counts as no answer.
   */
  async function probe(): Promise<boolean> {
    try {
      const res = await doFetch(`${base}/api/v1/health`, { method: 'HEAD', cache: 'no-store' });
      return res.status < 500;
    } catch {
      return false;
    }
  }

  /** The bytes of a fiche image (GET /fiche-images/:id), to keep offline. */
  async function ficheImage(id: string): Promise<Blob> {
    const headers: Record<string, string> = {};
    const token = opts.getToken?.();
    if (token) headers.authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await doFetch(`${base}/api/v1/fiche-images/${encodeURIComponent(id)}`, { headers });
    } catch (err) {
      throw new NetworkError(err);
    }
    if (!res.ok) throw await toApiError(res);
    try {
      return await res.blob();
    } catch (err) {
      throw new NetworkError(err);
    }
  }

  return {
    request,
    probe,
    ficheImage,
    /** Signs in; each login enrols this install as a new device. */
    login: (email: string, password: string, deviceLabel?: string): Promise<Session> =>
      request('POST', '/auth/login', { body: { email, password, deviceLabel }, schema: session }),
    /** Enrols this install with a one-time code (from the coordinator's QR code). */
    enrol: (code: string, deviceLabel?: string): Promise<Session> =>
      request('POST', '/auth/enrol', { body: { code, deviceLabel }, schema: session }),
    /** Whose an enrolment code is (organisation, name), without using it. */
    checkEnrolment: (code: string): Promise<CodeCheck> =>
      request('POST', '/auth/enrol/check', { body: { code }, schema: codeCheckResponse }),
    /** Whose a password reset code is, without using it. */
    checkReset: (code: string): Promise<CodeCheck> =>
      request('POST', '/auth/reset/check', { body: { code }, schema: codeCheckResponse }),
    /** Sets a new password with a one-time reset code; signs in as a new device. */
    reset: (code: string, newPassword: string, deviceLabel?: string): Promise<Session> =>
      request('POST', '/auth/reset', { body: { code, newPassword, deviceLabel }, schema: session }),
    /** Changes the signed-in person's password (their other sign-ins end). */
    changePassword: (currentPassword: string, newPassword: string): Promise<void> =>
      request('POST', '/auth/password', { body: { currentPassword, newPassword } }).then(() => undefined),
    /** Ends this device's session on the server. */
    logout: (): Promise<void> => request('POST', '/auth/logout').then(() => undefined),
    /** The signed-in user and organisation. */
    me: () => request('GET', '/me', { schema: meResponse }),
    /** Sends one batch of mutations. */
    push: (body: PushRequest): Promise<PushResponse> =>
      request('POST', '/sync/push', { body, schema: pushResponse }),
    /** Fetches one page of changes after `cursor`. */
    pull: (cursor: string, limit?: number): Promise<PullResponse> =>
      request('GET', '/sync/pull', { query: { cursor: cursor || undefined, limit }, schema: pullResponse }),
  };
}
