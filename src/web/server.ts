// The viewer's HTTP shell: the built page and the JSON API, on 127.0.0.1 only.
// Static files come from a list made at start-up of what the build produced,
// so no request path can reach any other file.
import { readFile, readdir } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, sep } from 'node:path';
import { packageRoot } from '../io/read-log.js';
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

/** The server cannot start: the page is missing or the port is taken. The message says what to do. */
export class ViewerUnavailable extends Error {}

export async function startServer(library: Library, options: { port?: number; root?: string } = {}): Promise<RunningServer> {
  const root = options.root ?? webRoot;
  let files: Map<string, string>;
  try {
    files = await listFiles(root);
  } catch {
    throw new ViewerUnavailable(`the viewer's page is not built (no ${root}); run npm run build`);
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

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) json(res, 500, { error: (e as Error).message }, false);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE' || e.code === 'EACCES'
          ? new ViewerUnavailable(`cannot listen on 127.0.0.1:${options.port} (${e.code === 'EADDRINUSE' ? 'in use' : 'not permitted'}); choose another --port, or --port 0 for a free one`)
          : e,
      ),
    );
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
