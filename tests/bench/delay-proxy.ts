// A TCP proxy that adds latency: every chunk the client sends reaches the server `delayMs`
// later (in order), answers flow back at once. One HTTP request therefore takes `delayMs`
// longer, however many requests share a keep-alive connection.
import { connect, createServer, type Socket } from 'node:net';

export interface DelayProxy {
  url: string;
  close(): Promise<void>;
}

/** Starts a proxy on 127.0.0.1 in front of `targetPort`. */
export async function startDelayProxy(targetPort: number, delayMs: number): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('data', (chunk) => setTimeout(() => upstream.writable && upstream.write(chunk), delayMs));
    client.on('end', () => setTimeout(() => upstream.end(), delayMs));
    upstream.on('data', (chunk) => client.writable && client.write(chunk));
    upstream.on('end', () => client.end());
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', () => setTimeout(drop, delayMs));
    upstream.on('close', drop);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
