// Runs the real Digitafel server (tsx src/server/main.ts) as a child process for the e2e tests,
// on a free port and a fresh SQLite file, serving the production build in dist/. `stop()` and
// `start()` keep the port and the file, so a test can take the network away from the page AND
// its service worker (context.setOffline does not cover worker requests) and bring it back.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The production build the e2e tests run against. */
export const DIST = join(ROOT, 'dist');
export const ADMIN_EMAIL = 'admin@e2e.digitafel.test';
export const ADMIN_PASSWORD = 'e2e admin passphrase';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class TestServer {
  private child: ChildProcess | undefined;
  private output = '';

  private constructor(
    readonly port: number,
    /** The built app the server serves (dist/ unless a test serves a modified copy). */
    readonly staticDir: string,
    /** The database (default: an SQLite file in `dir`). */
    readonly databaseUrl: string,
    /** A temporary directory of this server (its SQLite file by default), removed by dispose(). */
    readonly dir: string,
    /** More environment for the server process (e.g. shorter job intervals). */
    readonly env: Record<string, string> = {},
  ) {}

  /** The process group of the running server (tsx and the node process it starts), by its id. */
  get pgid(): number | undefined {
    return this.child?.pid;
  }

  /** Origin of the server, e.g. http://127.0.0.1:41234. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts a server on a free port and a new database (or `databaseUrl`); fails clearly when
   * dist/ is missing and no other `staticDir` is given.
   */
  static async launch(
    options: { staticDir?: string; databaseUrl?: string; env?: Record<string, string> } = {},
  ): Promise<TestServer> {
    if (!options.staticDir && (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'sw.js')))) {
      throw new Error('No production build in dist/: run `npx vite build` before the e2e tests.');
    }
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'digitafel-e2e-'));
    const server = new TestServer(
      port,
      options.staticDir ?? DIST,
      options.databaseUrl ?? `sqlite:${join(dir, 'e2e.sqlite')}`,
      dir,
      options.env,
    );
    await server.start();
    return server;
  }

  /** (Re)starts the server process on the same port and database file. */
  async start(): Promise<void> {
    if (this.child) throw new Error('server already running');
    this.output = '';
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATABASE_URL: this.databaseUrl,
        DIGITAFEL_STATIC_DIR: this.staticDir,
        DIGITAFEL_ADMIN_EMAIL: ADMIN_EMAIL,
        DIGITAFEL_ADMIN_PASSWORD: ADMIN_PASSWORD,
        DIGITAFEL_PUBLIC_URL: this.url,
        NODE_ENV: 'production',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: tsx runs the server in a child process
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    let exited = false;
    child.once('exit', () => (exited = true));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (exited) {
        this.child = undefined;
        throw new Error(`server exited during start:\n${this.output}`);
      }
      try {
        const res = await fetch(`${this.url}/api/v1/me`);
        if (res.status === 401) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await this.stop();
    throw new Error(`server did not answer within 60 s:\n${this.output}`);
  }

  /** Stops the server process (SIGTERM, then SIGKILL after 5 s); the port stops answering. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    signalGroup('SIGKILL'); // a grandchild that outlived tsx must not keep the port
  }

  /** Kills the server process group with SIGKILL at once: no shutdown, no flush (crash tests). */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
    // tsx can be reaped before the server process it ran, which still holds the port for a
    // moment (seen on a loaded machine): a restart then fails with EADDRINUSE. Wait until
    // nothing listens any more.
    await this.portClosed();
  }

  /** Resolves once nothing accepts connections on the server's port (30 s backstop). */
  private async portClosed(): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const listening = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: '127.0.0.1', port: this.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (!listening) return;
      await sleep(20);
    }
    throw new Error(`port ${this.port} still accepts connections 30 s after the server was killed`);
  }

  /** Stops the server for good and removes its database directory. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** What the server printed since its last start (for failure messages). */
  get log(): string {
    return this.output;
  }
}
