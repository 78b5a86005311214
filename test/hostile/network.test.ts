// Issue 7, "the network misbehaves": every fault the issue lists, and a few
// it implies, through the built CLI (`flow` pointed at real sockets on
// 127.0.0.1). Each must give one clear line (or a diagnosis), the right exit
// code, and no hang: every run ends on its own, bounded by --timeout, long
// before the test would kill it. test/http/cli-network.test.ts checks the
// exact wording of most of these; this file holds the contract for all of
// them in one table, the faults that file lacks, and the tally.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { runBin, type CliResult } from '../helpers/cli.js';
import { closer, listen, makeSelfSignedCert, refusedUrl, startFaultServer, startSilentServer, startTlsServer, type RunningServer } from '../helpers/fault-server.js';

let faults: RunningServer;
let elsewhere: RunningServer;
let silent: RunningServer;
let liar: { url: string; close(): Promise<void> };
beforeAll(async () => {
  faults = await startFaultServer();
  // "Another host": another origin, reached by name (localhost) on another port.
  elsewhere = await startFaultServer();
  silent = await startSilentServer();
  liar = await startLyingServer();
});
afterAll(async () => {
  await Promise.all([faults.close(), elsewhere.close(), silent.close(), liar.close()]);
});

/** Promises a 100 kB body, sends a little, then closes the connection cleanly (FIN, not a reset). */
async function startLyingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '100000' });
    res.write('oauth_token=abc&oauth_token_secret=d');
    setTimeout(() => res.socket?.end(), 20);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: closer(server, sockets) };
}

const ENV = { OAUTH_CONSUMER_KEY: 'key', OAUTH_CONSUMER_SECRET: 'hostile-network-secret' };
const tally = { tried: 0, handled: 0, kinds: [] as string[] };

/** A flow whose request-token leg goes to `url`; the other legs are never reached. */
function flowAt(url: string, ...extra: string[]): Promise<CliResult> {
  return runBin(['flow', '--request-token-url', url, '--authorize-url', `${faults.url}/authorize`, '--access-token-url', `${faults.url}/token`, '--authorize', 'http', '--timeout', '2000', ...extra], { env: ENV, timeoutMs: 25_000 });
}

/**
 * The contract: the process ended by itself with the expected code (so these
 * run the built bin, runBin: a socket or timer left open would keep a real
 * process alive, where an in-process main() would return); no stack
 * trace; no raw control character reached the terminal; a network error is
 * exactly one `oauth-doctor:` line, a diagnosed refusal one `✗ … refused` line.
 */
function expectHandled(kind: string, result: CliResult, code: 1 | 2 | 3, fragment: string | RegExp): void {
  tally.tried++;
  expect(result.signal, `${kind}: killed, it hung`).toBeNull();
  expect(result.code, `${kind}\n${result.stderr}`).toBe(code);
  expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  if (code === 1) {
    expect(result.stdout.split('\n').filter((l) => /^✗ .* refused/.test(l))).toHaveLength(1);
    expect(result.stdout + result.stderr).toMatch(fragment);
  } else {
    const lines = result.stderr.split('\n').filter((l) => l.startsWith('oauth-doctor:'));
    expect(lines, result.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(fragment);
  }
  tally.handled++;
  tally.kinds.push(kind);
}

describe('every fault: one clear line, the right exit code, no hang', () => {
  it('connection refused → 3', async () => {
    expectHandled('connection refused', await flowAt(await refusedUrl()), 3, 'connection refused');
  });

  it('connection reset mid-body → 3', async () => {
    expectHandled('reset mid-body', await flowAt(`${faults.url}/reset-mid-body`), 3, 'closed before the response was complete');
  });

  it('closed cleanly before the promised Content-Length → 3', async () => {
    expectHandled('closed before Content-Length', await flowAt(`${liar.url}/rt`), 3, /closed before the response was complete|connection/);
  });

  it('accepts and never answers: --timeout fires → 3', async () => {
    expectHandled('accept and never answer', await flowAt(`${faults.url}/hang`, '--timeout', '300'), 3, 'within 300 ms');
  });

  it('a body that trickles for ever: --timeout bounds the whole answer → 3', async () => {
    expectHandled('body that never ends (trickle)', await flowAt(`${faults.url}/trickle`, '--timeout', '400'), 3, 'within 400 ms');
  });

  it('a body that never ends, fast: stopped at the hard limit → 3', async () => {
    expectHandled('body that never ends (flood)', await flowAt(`${faults.url}/endless`, '--timeout', '20000'), 3, /larger than 64 MiB; stopped reading/);
  });

  it('a 12 MB body: capped (1 MiB kept, the rest counted) → diagnosed, 1', async () => {
    expectHandled('10 MB+ body', await flowAt(`${faults.url}/huge?mb=12`), 1, 'kept 1 MiB of 12 MiB; the rest was counted and discarded');
  });

  it('5xx with an HTML body → diagnosed, 1', async () => {
    expectHandled('5xx with HTML', await flowAt(`${faults.url}/html-503`), 1, 'Request token leg refused (503)');
  });

  it('invalid UTF-8 → diagnosed, 1', async () => {
    expectHandled('invalid UTF-8 body', await flowAt(`${faults.url}/invalid-utf8`), 1, 'not valid UTF-8');
  });

  it('a binary body → diagnosed, 1, not printed', async () => {
    expectHandled('binary body', await flowAt(`${faults.url}/binary`), 1, 'binary body, 20 B, not shown');
  });

  it('a name that does not resolve (.invalid) → 3', async () => {
    expectHandled('DNS name that does not resolve', await flowAt('http://oauth-doctor-hostile.invalid/oauth/request_token'), 3, 'cannot resolve the host name oauth-doctor-hostile.invalid');
  });

  it.each([301, 302, 303, 307, 308])('a %i redirect to another host: not followed, the Authorization never reaches it; the line names where it pointed → 1', async (status) => {
    const before = elsewhere.seen.length;
    const target = `http://localhost:${elsewhere.port}/echo`;
    const result = await flowAt(`${faults.url}/redirect?status=${status}&to=${encodeURIComponent(target)}`);
    expectHandled(`redirect ${status} to another host`, result, 1, `a redirect to ${target}`);
    const reached = elsewhere.seen.slice(before);
    expect(reached.filter((r) => r.headers['authorization'] !== undefined)).toEqual([]);
  });

  it('--json on a network failure: exactly one JSON document on stdout, the line on stderr', async () => {
    const result = await flowAt(`${faults.url}/hang`, '--timeout', '300', '--json');
    expectHandled('--json network failure', result, 3, 'within 300 ms');
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { exitCode: 3 } });
  });

  it('a failure on a later leg (access token, connection refused) → 3, the first legs narrated', async () => {
    const result = await runBin(['flow', '--request-token-url', `${faults.url}/form`, '--authorize-url', `${faults.url}/ok`, '--access-token-url', await refusedUrl(), '--authorize', 'http', '--callback', 'oob', '--verifier', 'pin-12345', '--timeout', '2000'], { env: ENV });
    expectHandled('failure on the access-token leg', result, 3, 'connection refused');
    expect(result.stderr).toContain('③ Access token');
  });
});

describe('TLS misbehaves (needs the openssl CLI; .ci/run installs it)', () => {
  it('a self-signed certificate → 3 naming --ca; with --ca FILE the leg goes through', async () => {
    const cert = makeSelfSignedCert();
    const server = await startTlsServer(cert);
    try {
      expectHandled('self-signed TLS', await flowAt(`${server.url}/form`), 3, /self-signed .*--ca FILE/);
      const trusted = await flowAt(`${server.url}/form`, '--ca', cert.certFile);
      expect(trusted.signal).toBeNull();
      expect(trusted.stderr).toMatch(/→ 200 OK/);
      expect(trusted.code).not.toBe(3);
    } finally {
      await server.close();
      cert.cleanup();
    }
  });

  it('an https URL whose server never starts the handshake → 3 within --timeout', async () => {
    expectHandled('TLS handshake never answered', await flowAt(`https://127.0.0.1:${silent.port}/rt`, '--timeout', '300'), 3, 'within 300 ms');
  });
});

describe('summary', () => {
  it('fault kinds tried and handled', () => {
    console.log(`network faults: ${tally.tried} tried, ${tally.handled} handled (${tally.kinds.join('; ')})`);
    expect(tally.handled).toBe(tally.tried);
    expect(tally.tried).toBeGreaterThanOrEqual(20);
  });
});
