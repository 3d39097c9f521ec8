// Server configuration, read once from the environment (README.md "Configuration").
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  orgName: string;
  /** Base of enrolment URLs; when unset it is derived from the request. */
  publicUrl: string | undefined;
  staticDir: string;
  /** Trust X-Forwarded-* headers (behind a load balancer). */
  trustProxy: boolean;
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
    publicUrl: env.DIGITAFEL_PUBLIC_URL ? env.DIGITAFEL_PUBLIC_URL.replace(/\/+$/, '') : undefined,
    staticDir: resolve(env.DIGITAFEL_STATIC_DIR || 'dist'),
    trustProxy: env.DIGITAFEL_TRUST_PROXY === 'true' || env.DIGITAFEL_TRUST_PROXY === '1',
    minSchemaVersion: positiveInt('DIGITAFEL_MIN_SCHEMA_VERSION', env.DIGITAFEL_MIN_SCHEMA_VERSION, 1),
    tokenIdleDays: {
      volunteer: positiveInt('DIGITAFEL_TOKEN_IDLE_DAYS', env.DIGITAFEL_TOKEN_IDLE_DAYS, 90),
      staff: positiveInt('DIGITAFEL_STAFF_TOKEN_IDLE_DAYS', env.DIGITAFEL_STAFF_TOKEN_IDLE_DAYS, 14),
    },
  };
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
