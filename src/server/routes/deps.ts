// What every route module receives from app.ts.
import type { Config } from '../config';
import type { Db } from '../db';
import type { authenticate } from '../http/auth';

export interface Deps {
  db: Db;
  config: Config;
  /** The onRequest hook of authenticated routes. */
  authenticate: ReturnType<typeof authenticate>;
}
