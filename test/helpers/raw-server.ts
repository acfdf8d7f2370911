// A tiny misbehaving HTTP server on loopback (real HTTP) for the failure classes the emulator does not cover.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RawHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface RawServer {
  url: string;
  /** Handlers used in turn, one per request; the last one repeats. */
  respond(...handlers: RawHandler[]): void;
  requests: Array<{ method: string; url: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

export async function startRawServer(): Promise<RawServer> {
  let handlers: RawHandler[] = [];
  const requests: RawServer['requests'] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const h = handlers.length > 1 ? handlers.shift() : handlers[0];
      if (h) h(req, res, body);
      else res.writeHead(500).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    respond: (...h) => {
      handlers = h;
      requests.length = 0;
    },
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): RawHandler =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };

export const text =
  (status: number, body: string, contentType = 'text/html'): RawHandler =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': contentType }).end(body);
  };

export const reset: RawHandler = (req) => req.socket.destroy();

/** Never answers (until the server closes). */
export const hang: RawHandler = () => {};
