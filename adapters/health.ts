// The health endpoint a load balancer or process manager asks (HEALTH_PORT): GET /health answers
// 200 {"status":"ok"} while the process can serve, and 503 when its store cannot be reached or it
// is stopping (so a balancer moves traffic away before the process exits). Nothing else is served.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Health {
  readonly port: number;
  /** From now on every check answers 503 "stopping". */
  stopping(): void;
  close(): Promise<void>;
}

export async function startHealth(port: number, check: () => Promise<void>, host = '0.0.0.0'): Promise<Health> {
  let stopping = false;
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: Record<string, string>) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/health') return send(404, { status: 'not found' });
    if (stopping) return send(503, { status: 'stopping' });
    check().then(
      () => send(200, { status: 'ok' }),
      () => send(503, { status: 'store unavailable' }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    stopping: () => void (stopping = true),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
