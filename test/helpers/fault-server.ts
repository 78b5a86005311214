/**
 * A misbehaving HTTP server on 127.0.0.1 for tests (issue 7, "the network
 * misbehaves"): real sockets, each fault on its own path.
 *
 *   /ok                 200 text
 *   /form               200 form body (oauth_token=…)
 *   /reset-mid-body     headers and half a body, then a TCP reset
 *   /hang               accepts, reads the request, never answers
 *   /trickle            headers, then one byte every 50 ms for ever
 *   /endless            headers, then a body as fast as the socket takes it, for ever
 *   /huge?mb=N          an N MB body (default 12), written with backpressure
 *   /html-503           503 with an HTML error page
 *   /invalid-utf8       200 text/plain with bytes that are not UTF-8
 *   /binary             200 image/png with NUL bytes
 *   /terminal           200 body full of terminal escape sequences
 *   /redirect?to=URL&status=N   a redirect to URL (another host in tests)
 *   /echo               200, the request it got as JSON (and recorded in `seen`)
 *
 * Plus refusedUrl() (a port nobody listens on) and startTlsServer() (a
 * self-signed certificate made with the openssl CLI at test time; node
 * cannot make X.509 certificates).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Requests /echo received, in order. */
  readonly seen: SeenRequest[];
  close(): Promise<void>;
}

/** Listens on an ephemeral port of `host`; resolves with the port. */
export function listen(server: Server | ReturnType<typeof createNetServer>, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Closes a server and destroys every socket it still holds (hanging faults included). */
export function closer(server: Server | ReturnType<typeof createNetServer>, sockets: Set<Socket>, timers: Set<NodeJS.Timeout> = new Set()): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

/** The whole request body as UTF-8 text ('' if the client goes away). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}

/** Writes `total` bytes of filler with backpressure; stops when the client goes away. */
function writeFiller(res: ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let written = 0;
  const pump = () => {
    while (written < total) {
      const part = chunk.subarray(0, Math.min(chunk.length, total - written));
      written += part.length;
      if (!res.write(part)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('close', () => (written = total));
  pump();
}

export async function startFaultServer(host = '127.0.0.1'): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const seen: SeenRequest[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fault.test');
    const body = await readBody(req);
    switch (url.pathname) {
      case '/ok':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      case '/form':
        return void res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end('oauth_token=abc&oauth_token_secret=def&oauth_callback_confirmed=true');
      case '/reset-mid-body':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '100000' });
        res.write('x'.repeat(1000));
        return void setTimeout(() => req.socket.resetAndDestroy(), 20);
      case '/hang':
        return; // never answer
      case '/trickle': {
        res.writeHead(200, { 'content-type': 'text/plain' });
        const timer = setInterval(() => res.write('.'), 50);
        timers.add(timer);
        return void res.on('close', () => clearInterval(timer));
      }
      case '/endless':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return writeFiller(res, Number.MAX_SAFE_INTEGER);
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return writeFiller(res, Number(url.searchParams.get('mb') ?? '12') * 1024 * 1024);
      case '/html-503':
        return void res
          .writeHead(503, { 'content-type': 'text/html; charset=utf-8' })
          .end('<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>');
      case '/invalid-utf8':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.from([0x6f, 0x6b, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x20, 0x65, 0x6e, 0x64]));
      case '/binary':
        return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1]));
      case '/terminal':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end('oauth_problem=token_rejected\u001b]0;pwned\u0007\u001b[2J\u001b[31mred\u009b1m');
      case '/redirect':
        return void res.writeHead(Number(url.searchParams.get('status') ?? '302'), { location: url.searchParams.get('to') ?? '/echo' }).end();
      case '/echo': {
        const record = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
        seen.push(record);
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(record));
      }
      default:
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server, host);
  return { url: `http://${host}:${port}`, port, seen, close: closer(server, sockets, timers) };
}

/** A URL on 127.0.0.1 whose port refuses connections (bound, then released). */
export async function refusedUrl(): Promise<string> {
  const probe = createNetServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/`;
}

/** A TCP server that accepts and never says a word, not even a TLS handshake. */
export async function startSilentServer(): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, port, seen: [], close: closer(server, sockets, new Set()) };
}

export interface SelfSigned {
  readonly certPem: string;
  readonly keyPem: string;
  /** The certificate written to a file, for `--ca FILE`. */
  readonly certFile: string;
  cleanup(): void;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made by the openssl CLI (.ci/run installs it). */
export function makeSelfSignedCert(): SelfSigned {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=oauth-doctor test',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
  ], { stdio: 'ignore' });
  return { certPem: readFileSync(certFile, 'utf8'), keyPem: readFileSync(keyFile, 'utf8'), certFile, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An HTTPS server with the given certificate, answering the same paths as /ok and /form. */
export async function startTlsServer(cert: SelfSigned): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = createHttpsServer({ cert: cert.certPem, key: cert.keyPem }, (req, res) => {
    if (req.url?.startsWith('/form')) return void res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded' }).end('oauth_token=abc&oauth_token_secret=def&oauth_callback_confirmed=true');
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok over tls');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}`, port, seen: [], close: closer(server, sockets, new Set()) };
}
