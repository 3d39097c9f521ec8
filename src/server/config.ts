// Server configuration, read once from the environment (README.md "Configuration").
import { mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  orgName: string;
  /**
   * Base of enrolment and reset URLs. Required in production (NODE_ENV=production); elsewhere,
   * when unset, it is derived from the request (its Host header, so never for real use).
   */
  publicUrl: string | undefined;
  staticDir: string;
  /**
   * Which proxies' X-Forwarded-* headers to trust: false (none), a hop count (the client is the
   * address that many hops in front of this server), or addresses/CIDRs of the proxies. Never
   * "every hop": a client could then choose its own address and skip the sign-in limits.
   */
  trustProxy: false | number | string[];
  /**
   * The oldest record schema version pushes may use (older apps get 426 and offer their
   * update). Raised by the operator once every phone had the chance to update.
   */
  minSchemaVersion: number;
  /**
   * A token not used for this many days stops working (401 `token_expired`): volunteers'
   * phones, and the coordinators' and admins' sessions, which can see borrower identity.
   */
  tokenIdleDays: { volunteer: number; staff: number };
  /** A coordinator's or admin's sign-in ends this many hours after it began, used or not. */
  staffTokenMaxHours: number;
  /**
   * Intervals of the periodic jobs, in milliseconds: retention (hourly) and the report rollup
   * catch-up (every minute). Ticks fall on multiples of the interval; one instance runs each.
   */
  jobIntervalsMs: { retention: number; rollup: number };
}

/** Reads the configuration from `env` (defaults as in README.md). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid PORT: ${env.PORT}`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/digitafel.sqlite',
    adminEmail: env.DIGITAFEL_ADMIN_EMAIL || undefined,
    adminPassword: env.DIGITAFEL_ADMIN_PASSWORD || undefined,
    orgName: env.DIGITAFEL_ORG_NAME || 'Digitafel',
    publicUrl: publicUrl(env),
    staticDir: resolve(env.DIGITAFEL_STATIC_DIR || 'dist'),
    trustProxy: trustProxy(env.DIGITAFEL_TRUST_PROXY),
    minSchemaVersion: positiveInt('DIGITAFEL_MIN_SCHEMA_VERSION', env.DIGITAFEL_MIN_SCHEMA_VERSION, 1),
    tokenIdleDays: {
      volunteer: positiveInt('DIGITAFEL_TOKEN_IDLE_DAYS', env.DIGITAFEL_TOKEN_IDLE_DAYS, 90),
      staff: positiveInt('DIGITAFEL_STAFF_TOKEN_IDLE_DAYS', env.DIGITAFEL_STAFF_TOKEN_IDLE_DAYS, 14),
    },
    staffTokenMaxHours: positiveInt(
      'DIGITAFEL_STAFF_TOKEN_MAX_HOURS',
      env.DIGITAFEL_STAFF_TOKEN_MAX_HOURS,
      12,
    ),
    jobIntervalsMs: {
      retention: seconds('DIGITAFEL_RETENTION_INTERVAL', env.DIGITAFEL_RETENTION_INTERVAL, 3600),
      rollup: seconds('DIGITAFEL_ROLLUP_INTERVAL', env.DIGITAFEL_ROLLUP_INTERVAL, 60),
    },
  };
}

/** A number of seconds, at least 0.1 (a job's interval; tests shorten them), in milliseconds. */
function seconds(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback * 1000;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.1) throw new Error(`invalid ${name}: ${value} (seconds, at least 0.1)`);
  return Math.round(n * 1000);
}

/**
 * DIGITAFEL_PUBLIC_URL without its trailing slash. In production it is required: without it the
 * enrolment and reset links would take the request's Host header, which a client chooses.
 */
function publicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.DIGITAFEL_PUBLIC_URL?.trim();
  if (!value) {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        'DIGITAFEL_PUBLIC_URL is required in production (the https:// address people open the app at, ' +
          'e.g. https://digitafel.example.org): enrolment and password-reset links are built from it',
      );
    }
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`invalid DIGITAFEL_PUBLIC_URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`invalid DIGITAFEL_PUBLIC_URL (http or https only): ${value}`);
  }
  return value.replace(/\/+$/, '');
}

/** Names proxy-addr (Fastify's trustProxy) accepts for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** DIGITAFEL_TRUST_PROXY: unset or 0 (none), a hop count, or a comma-separated address/CIDR list. */
export function trustProxy(value: string | undefined): Config['trustProxy'] {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true') {
    throw new Error(
      'DIGITAFEL_TRUST_PROXY=true would trust every hop (a client could choose its own address): ' +
        'give the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.0/8)',
    );
  }
  const list = v.split(',').map((s) => s.trim());
  for (const entry of list) {
    const [addr = '', bits, extra] = entry.split('/');
    const family = isIP(addr);
    const max = family === 4 ? 32 : 128;
    const ok =
      RANGE_NAMES.has(entry) ||
      (family !== 0 &&
        extra === undefined &&
        (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max)));
    if (!ok)
      throw new Error(`invalid DIGITAFEL_TRUST_PROXY entry: ${entry} (a hop count, or addresses/CIDRs)`);
  }
  return list;
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`invalid ${name}: ${value}`);
  return n;
}

/** The SQLite file of a `sqlite:PATH` URL (its directory created), or undefined for PostgreSQL. */
export function sqlitePath(url: string): string | undefined {
  if (!url.startsWith('sqlite:')) return undefined;
  const path = url.slice('sqlite:'.length);
  if (path === ':memory:') return path;
  mkdirSync(dirname(resolve(path)), { recursive: true });
  return path;
}
