// The viewer's HTTP shell: the built page and the JSON API, on 127.0.0.1 only.
// Static files come from a list made at start-up of what the build produced,
// so no request path can reach any other file.
import { readFile, readdir } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { packageRoot } from '../io/read-log.js';
import type { Result } from '../domain/problem.js';
import { type Library, createApi } from './api.js';

export const webRoot = join(packageRoot, 'dist', 'web', 'app');

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

const securityHeaders = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
};

async function listFiles(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(`/${relative(dir, full).split(sep).join('/')}`, full);
  }
  return files;
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  res.writeHead(status, { ...securityHeaders, 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(head ? undefined : body);
}

const json = (res: ServerResponse, status: number, body: unknown, head: boolean) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(body), head);

export interface RunningServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const unavailable = (file: string, message: string): Result<RunningServer> => ({ ok: false, problems: [{ file, code: 'unavailable', message }] });

/**
 * Serves the page and API on 127.0.0.1; when the page is not built or the
 * port cannot be had, an `unavailable` problem that says what to do.
 */
/**
 * How long a client may take and how many may connect at once. A slow client
 * (slowloris: headers sent a byte at a time) is cut off after the header
 * timeout, checked every `checkIntervalMs`.
 */
export interface ServerLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly checkIntervalMs: number;
  readonly maxConnections: number;
}

export const defaultLimits: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 1_000,
  maxConnections: 64,
};

export async function startServer(library: Library, options: { port?: number; root?: string; limits?: Partial<ServerLimits> } = {}): Promise<Result<RunningServer>> {
  const root = options.root ?? webRoot;
  let files: Map<string, string>;
  try {
    files = await listFiles(root);
  } catch {
    return unavailable(root, `the viewer's page is not built; run npm run build`);
  }
  const api = createApi(library);
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) return json(res, 405, { error: 'read-only: GET and HEAD only' }, head);
    // Only our own origin: a page elsewhere cannot reach this server through a rebound DNS name.
    if (req.headers.host !== `127.0.0.1:${port}` && req.headers.host !== `localhost:${port}`) return json(res, 421, { error: 'unexpected Host header' }, head);
    // Checked on the path as sent: URL parsing would quietly resolve "..".
    const sent = (req.url ?? '/').split('?')[0]!;
    let path: string;
    try {
      path = decodeURIComponent(sent);
    } catch {
      return json(res, 400, { error: 'malformed path' }, head);
    }
    if (path.split(/[\\/]/).includes('..') || path.includes('\0')) return json(res, 400, { error: 'path traversal is not allowed' }, head);
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (path.startsWith('/api/')) {
      const { status, body } = api(path, url.searchParams);
      return json(res, status, body, head);
    }
    const file = files.get(path === '/' ? '/index.html' : path);
    if (!file) return json(res, 404, { error: `not found: ${path}` }, head);
    send(res, 200, contentTypes[extname(file)] ?? 'application/octet-stream', await readFile(file), head);
  }

  const limits = { ...defaultLimits, ...options.limits };
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.checkIntervalMs,
    },
    (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { error: (e as Error).message }, false);
      else res.destroy();
    });
    },
  );
  server.maxConnections = limits.maxConnections;
  // A connection that sends nothing at all is closed too, not only a slow one.
  server.setTimeout(limits.requestTimeoutMs, (socket) => socket.destroy());
  const listening = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    server.once('error', resolve);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  if (listening !== undefined) {
    const why = listening.code === 'EADDRINUSE' ? 'in use' : listening.code === 'EACCES' ? 'not permitted' : listening.code ?? listening.message;
    return unavailable(`127.0.0.1:${options.port}`, `cannot listen (${why}); choose another --port, or --port 0 for a free one`);
  }
  port = (server.address() as AddressInfo).port;
  return {
    ok: true,
    value: {
      url: `http://127.0.0.1:${port}/`,
      server,
      close: () =>
        new Promise((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    },
  };
}
