// A fault-injecting TCP proxy for the "nothing is lost" tests: it sits between a client (the
// sync engine in Node, or Chromium) and the real server and, at random, breaks the exchange:
//   - drop_request:  the connection is destroyed before the request reaches the server;
//   - drop_response: the request is forwarded and handled, the response is swallowed and the
//                    connection destroyed (the client cannot know whether it was applied);
//   - truncate:      the response is cut off after its first bytes;
//   - delay:         the request waits 50-400 ms before it is forwarded (and then goes through);
//   - bad_gateway:   a 502 answer without reaching the server.
// Each client connection carries exactly one request: the proxy reads one HTTP/1.1 request
// (headers + Content-Length body), rewrites it to `Connection: close` and closes after the
// answer, so every request gets its own fault decision. Only requests whose path matches
// `affects` are faulted; the rest pass through.
import { connect, createServer, type Server, type Socket } from 'node:net';

export const FAULT_KINDS = ['drop_request', 'drop_response', 'truncate', 'delay', 'bad_gateway'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** Where requests go, e.g. 127.0.0.1:8080. */
  target: { host: string; port: number };
  /** Probability that a matching request is faulted (0..1). */
  rate: number;
  /** Relative weights of the kinds (default: equal). */
  weights?: Partial<Record<FaultKind, number>>;
  /** Which request paths may be faulted (default: the sync routes). */
  affects?: (method: string, path: string) => boolean;
  /** Random source in [0, 1) (default Math.random; a seeded one makes runs repeatable). */
  random?: () => number;
}

export interface FaultCounts {
  requests: number;
  faults: number;
  byKind: Record<FaultKind, number>;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** A small seeded PRNG (mulberry32) for repeatable fault sequences. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultProxy {
  readonly counts: FaultCounts = {
    requests: 0,
    faults: 0,
    byKind: Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>,
  };
  /** Faulting can be switched off (e.g. for the final reads of a test). */
  enabled = true;

  /** Changes the fault rate (and kinds) from now on; e.g. `setRate(1, {bad_gateway: 1})` blocks sync. */
  setRate(rate: number, weights?: Partial<Record<FaultKind, number>>): void {
    this.opts.rate = rate;
    if (weights) this.opts.weights = Object.fromEntries(FAULT_KINDS.map((k) => [k, weights[k] ?? 0]));
  }
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly opts: FaultProxyOptions,
  ) {}

  /** Starts a proxy on a free port of 127.0.0.1. */
  static async start(opts: FaultProxyOptions): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const proxy = new FaultProxy(server, port, opts);
    server.on('connection', (socket) => proxy.handle(socket));
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops accepting and destroys every open connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A one-line summary for test output. */
  summary(): string {
    const kinds = FAULT_KINDS.map((k) => `${k} ${this.counts.byKind[k]}`).join(', ');
    return `${this.counts.faults} faults in ${this.counts.requests} requests (${kinds})`;
  }

  private pick(): FaultKind | undefined {
    const random = this.opts.random ?? Math.random;
    if (!this.enabled || random() >= this.opts.rate) return undefined;
    const weights = FAULT_KINDS.map((k) => this.opts.weights?.[k] ?? 1);
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (const [i, k] of FAULT_KINDS.entries()) {
      r -= weights[i]!;
      if (r < 0) return k;
    }
    return FAULT_KINDS[FAULT_KINDS.length - 1];
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined); // resets are part of the game
  }

  private handle(client: Socket): void {
    this.track(client);
    let buf = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      const end = buf.indexOf(HEADER_END);
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
      if (buf.length < end + 4 + length) return;
      client.off('data', onData);
      const body = buf.subarray(end + 4, end + 4 + length);
      this.forward(client, head, body);
    };
    client.on('data', onData);
  }

  private forward(client: Socket, head: string, body: Buffer): void {
    const [method = '', path = ''] = head.split('\r\n', 1)[0]!.split(' ');
    const affects = this.opts.affects ?? ((_m: string, p: string) => p.startsWith('/api/v1/sync/'));
    this.counts.requests++;
    const fault = affects(method, path) ? this.pick() : undefined;
    if (fault) {
      this.counts.faults++;
      this.counts.byKind[fault]++;
    }
    if (fault === 'drop_request') {
      client.destroy();
      return;
    }
    if (fault === 'bad_gateway') {
      client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const lines = head.split('\r\n').filter((l) => !/^(connection|keep-alive):/i.test(l));
    const request = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\nConnection: close\r\n\r\n`), body]);
    const send = () => {
      if (client.destroyed) return;
      const upstream = connect(this.opts.target.port, this.opts.target.host);
      this.track(upstream);
      upstream.once('connect', () => upstream.write(request));
      client.once('close', () => upstream.destroy());
      if (fault === 'drop_response') {
        // The server handles the request; its answer never reaches the client.
        upstream.once('data', () => {
          client.destroy();
          upstream.destroy();
        });
      } else if (fault === 'truncate') {
        upstream.once('data', (chunk: Buffer) => {
          client.write(chunk.subarray(0, Math.max(1, Math.floor(chunk.length / 2))), () => client.destroy());
          upstream.destroy();
        });
      } else {
        upstream.pipe(client);
      }
      upstream.once('error', () => client.destroy());
    };
    if (fault === 'delay') setTimeout(send, 50 + Math.floor((this.opts.random ?? Math.random)() * 350));
    else send();
  }
}
