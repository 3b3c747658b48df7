/**
 * The preview's HTTP server, on 127.0.0.1 only. It answers four paths and
 * nothing else — `/` (the preview's page), `/preview.js` (its script),
 * `/bulletin` (the bulletin, or the page of problems) and `/events` (Server-
 * Sent Events: "change" after each save) — and never reads any other file:
 * the only file it reads is the visit, named when the server starts.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_BYTES } from '../load.js';
import {
  BULLETIN_CSP, buildBulletin, PREVIEW_JS, statusOf, WRAPPER_CSP, wrapperPage, type BuildOptions, type BulletinPage,
} from './pages.js';

export interface PreviewServerOptions extends BuildOptions {
  /** 0 for any free port. */
  port: number;
  host: '127.0.0.1';
  /** Called after a refresh found the bulletin (or its problems) changed. */
  onChange?: (page: BulletinPage) => void;
}

export interface PreviewServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  port: number;
  /** Renders the file again; tells the open pages when the result changed. */
  refresh(): Promise<BulletinPage>;
  /** Ends the event streams, closes every connection and the server. */
  close(): Promise<void>;
}

/** Keeps idle event streams alive through proxies and sleeping laptops. */
const HEARTBEAT_MS = 15_000;

const COMMON_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** Starts the server; rejects with the listen error (EADDRINUSE…) when the port cannot be had. */
export async function startPreviewServer(o: PreviewServerOptions): Promise<PreviewServer> {
  const streams = new Set<ServerResponse>();
  let port = o.port;
  let last: string | undefined;
  let lastPage: BulletinPage | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  // The last page and the bytes it was made from: the frame's request right after a refresh costs no second render.
  let cache: { bytes: Buffer; page: BulletinPage } | undefined;
  const build = async (): Promise<BulletinPage> => {
    const info = await stat(o.file).catch(() => undefined);
    const bytes = info?.isFile() && info.size <= MAX_BYTES ? await readFile(o.file).catch(() => undefined) : undefined;
    if (bytes && cache?.bytes.equals(bytes)) return cache.page;
    const page = await buildBulletin(o);
    // Cached only when the render read these very bytes (the file may have changed in between).
    if (bytes && page.text === new TextDecoder('utf-8').decode(bytes)) cache = { bytes, page };
    return page;
  };

  const send = (res: ServerResponse, event: string, data: unknown): void => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };

  const refresh = (): Promise<BulletinPage> => {
    // One refresh at a time, in order: a slow render never overwrites a newer one.
    const run = queue.then(async () => {
      const page = await build();
      lastPage = page;
      const status = statusOf(page, o.lang);
      // Told only when something shown changed: a save that changes nothing redraws nothing.
      const key = `${status.text}\u0000${page.html}`;
      if (key !== last) {
        last = key;
        for (const res of streams) send(res, 'change', { ok: status.ok, status: status.text });
        o.onChange?.(page);
      }
      return page;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const allowedHosts = (): Set<string> => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const answer = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string, extra: Record<string, string> = {}): void => {
    const bytes = Buffer.from(body, 'utf8');
    res.writeHead(status, { ...COMMON_HEADERS, 'content-type': type, 'content-length': String(bytes.length), ...extra });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) must not read the visit.
    if (!allowedHosts().has(String(req.headers.host ?? '').toLowerCase())) {
      answer(req, res, 421, 'text/plain; charset=utf-8', 'Misdirected request\n');
      return;
    }
    // The raw path, compared exactly: nothing is ever looked up on disk.
    const path = (req.url ?? '').split('?')[0];
    const known = path === '/' || path === '/bulletin' || path === '/events' || path === '/preview.js';
    if (!known) {
      answer(req, res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      answer(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { allow: 'GET, HEAD' });
      return;
    }
    switch (path) {
      case '/': {
        const page = await build();
        answer(req, res, 200, 'text/html; charset=utf-8', wrapperPage(o.file, statusOf(page, o.lang), o.lang), { 'content-security-policy': WRAPPER_CSP });
        return;
      }
      case '/preview.js':
        answer(req, res, 200, 'text/javascript; charset=utf-8', PREVIEW_JS);
        return;
      case '/bulletin': {
        // Read again on every request: what is shown is the file as it is now.
        const page = await build();
        answer(req, res, 200, 'text/html; charset=utf-8', page.html, { 'content-security-policy': BULLETIN_CSP });
        return;
      }
      case '/events': {
        res.writeHead(200, { ...COMMON_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive', 'x-accel-buffering': 'no' });
        if (req.method === 'HEAD') {
          res.end();
          return;
        }
        res.write('retry: 1000\n\n');
        const status = statusOf(lastPage ?? (await build()), o.lang);
        send(res, 'hello', { ok: status.ok, status: status.text });
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) answer(req, res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    const onError = (error: Error): void => rejectListen(error);
    server.once('error', onError);
    server.listen({ port: o.port, host: o.host, exclusive: true }, () => {
      server.off('error', onError);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  const heartbeat = setInterval(() => {
    for (const res of streams) res.write(': ping\n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolveClose) => {
      clearInterval(heartbeat);
      for (const res of streams) res.end();
      streams.clear();
      server.close(() => resolveClose());
      server.closeAllConnections();
    });
    return closing;
  };

  return { url: `http://${o.host}:${port}/`, port, refresh, close };
}
