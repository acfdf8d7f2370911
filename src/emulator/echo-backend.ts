// A real loopback HTTP backend for the emulator's HTTP-backend APIs, so debug (4.3.8) calls something real.
//   any path      → 200 {method, path, query, headers, body}
//   /slow?ms=N    → waits N ms (capped at 60 s), then echoes
//   /fail         → 500 {"error":"backend failure", ...}
//   /reset        → destroys the socket without answering
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface EchoBackend {
  url: string;
  /** `127.0.0.1:PORT`, the form APIs use in `backend_api.url_domain`. */
  host: string;
  close(): Promise<void>;
}

export interface EchoReply {
  method: string;
  /** The path as received (still percent-encoded), without the query. */
  path: string;
  query: Record<string, string[]>;
  headers: Record<string, string | string[]>;
  body: string;
}

const MAX_SLOW_MS = 60_000;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

function parseQuery(raw: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(raw)) (out[k] ??= []).push(v);
  return out;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(undefined));
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Echo-Backend': 'roma-dash',
  });
  res.end(text);
}

export async function startEchoBackend(opts: { host?: string } = {}): Promise<EchoBackend> {
  const bindHost = opts.host ?? '127.0.0.1';
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    void (async () => {
      const raw = req.url ?? '/';
      const q = raw.indexOf('?');
      const path = q < 0 ? raw : raw.slice(0, q);
      const query = parseQuery(q < 0 ? '' : raw.slice(q + 1));
      if (path === '/reset') {
        req.socket.destroy();
        return;
      }
      const body = await readBody(req);
      if (body === undefined) return sendJson(res, 413, { error: 'body too large' });
      const reply: EchoReply = {
        method: req.method ?? 'GET',
        path,
        query,
        headers: { ...req.headers } as EchoReply['headers'],
        body,
      };
      if (path === '/fail') return sendJson(res, 500, { error: 'backend failure', echo: reply });
      if (path === '/slow') {
        const ms = Math.min(MAX_SLOW_MS, Math.max(0, Number(query['ms']?.[0] ?? 1000) || 0));
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, ms);
          timers.add(t);
          res.once('close', () => {
            clearTimeout(t);
            timers.delete(t);
            resolve();
          });
        });
        if (res.destroyed) return;
      }
      sendJson(res, 200, reply);
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'echo backend error' });
      else res.destroy();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, bindHost, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostPort = `${bindHost.includes(':') ? `[${bindHost}]` : bindHost}:${port}`;
  return {
    url: `http://${hostPort}`,
    host: hostPort,
    close(): Promise<void> {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
