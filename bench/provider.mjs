// Provider throughput: signed HMAC-SHA1 requests per second that the embedded
// provider (the built dist/index.js) verifies on loopback, with latency
// percentiles. The provider runs in its own process so the client's signing
// and sending do not share its event loop, and the client is a lean
// keep-alive HTTP/1.1 writer of pre-signed requests, so on a small machine
// the figure is the provider's, not the client library's. Bounded by a
// request count and a time limit; reported, never asserted.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';
import { fetch } from 'undici';

const DIST = new URL('../dist/index.js', import.meta.url).href;
const CONSUMER = { key: 'bench-app', secret: 'bench-consumer-secret' };

const PROVIDER_SCRIPT = `
import { startProvider } from ${JSON.stringify(DIST)};
const provider = await startProvider({ consumers: [${JSON.stringify(CONSUMER)}], autoApprove: true });
process.stdout.write(JSON.stringify({ url: provider.url }) + '\\n');
process.on('SIGTERM', () => provider.close().then(() => process.exit(0)));
`;

/**
 * One keep-alive connection sending one request at a time and reading
 * Content-Length framed answers (the provider always sends one).
 */
function keepAliveConnection(port) {
  const socket = connect(port, '127.0.0.1');
  socket.setNoDelay(true);
  let buffer = Buffer.alloc(0);
  let waiting;
  socket.on('data', (chunk) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0 || !waiting) return;
    const head = buffer.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
    if (buffer.length < end + 4 + length) return;
    buffer = buffer.subarray(end + 4 + length);
    const { resolve } = waiting;
    waiting = undefined;
    resolve(Number(head.slice(9, 12)));
  });
  socket.on('error', (error) => waiting?.reject(error));
  return {
    ready: once(socket, 'connect'),
    send: (bytes) =>
      new Promise((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(bytes);
      }),
    close: () => socket.destroy(),
  };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function startProviderProcess() {
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROVIDER_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  const { url } = JSON.parse(out.split('\n')[0]);
  return { url, stop: async () => { child.kill('SIGTERM'); await once(child, 'close'); } };
}

/** request_token → authorize (auto-approve) → access_token, signed with the built core. */
async function accessToken(url, core) {
  const sign = (method, path, extra) =>
    core.signRequest({ method, url: url + path, client: { consumerKey: CONSUMER.key, consumerSecret: CONSUMER.secret }, signatureMethod: 'HMAC-SHA1', timestamp: core.timestampFrom(Date.now()), nonce: core.newNonce(), ...extra });
  const post = async (signed) => new URLSearchParams(await (await fetch(signed.url, { method: 'POST', headers: { authorization: signed.authorization } })).text());
  const temporary = await post(sign('POST', '/oauth/request_token', { callback: 'http://127.0.0.1:9/cb' }));
  const token = { token: temporary.get('oauth_token'), tokenSecret: temporary.get('oauth_token_secret') };
  const redirect = await fetch(`${url}/oauth/authorize?oauth_token=${token.token}`, { redirect: 'manual' });
  const verifier = new URL(redirect.headers.get('location')).searchParams.get('oauth_verifier');
  const access = await post(sign('POST', '/oauth/access_token', { token, verifier }));
  return { token: access.get('oauth_token'), tokenSecret: access.get('oauth_token_secret') };
}

export async function measureProvider({ quick = false, requests = quick ? 5000 : 20000, warmup = 1000, concurrency = 16, maxSeconds = quick ? 5 : 15 } = {}) {
  const core = await import(DIST);
  const provider = await startProviderProcess();
  const port = Number(new URL(provider.url).port);
  const connections = Array.from({ length: concurrency }, () => keepAliveConnection(port));
  try {
    await Promise.all(connections.map((c) => c.ready));
    const token = await accessToken(provider.url, core);
    // Sign every request up front (unique nonces), so the timed part is the provider's work and the wire.
    const host = new URL(provider.url).host;
    const signed = Array.from({ length: warmup + requests }, (_, i) => {
      const request = core.signRequest({ method: 'GET', url: `${provider.url}/api/me?i=${i}`, client: { consumerKey: CONSUMER.key, consumerSecret: CONSUMER.secret }, token, signatureMethod: 'HMAC-SHA1', timestamp: core.timestampFrom(Date.now()), nonce: core.newNonce() });
      return Buffer.from(`GET /api/me?i=${i} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${request.authorization}\r\n\r\n`, 'latin1');
    });
    let latencies = [];
    let next = 0;
    let failures = 0;
    const run = async (until, deadline) => {
      const worker = async (connection) => {
        while (next < until && performance.now() < deadline) {
          const request = signed[next++];
          const t0 = performance.now();
          const status = await connection.send(request);
          latencies.push(performance.now() - t0);
          if (status !== 200) failures++;
        }
      };
      await Promise.all(connections.map(worker));
    };
    // Warm up (JIT, connection set-up), then measure.
    await run(warmup, performance.now() + maxSeconds * 1000);
    latencies = [];
    const started = performance.now();
    await run(signed.length, started + maxSeconds * 1000);
    const seconds = (performance.now() - started) / 1000;
    if (failures > 0) throw new Error(`${failures} of ${latencies.length} benchmark requests were refused: the provider did not verify them`);
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      concurrency,
      seconds,
      requestsPerSecond: latencies.length / seconds,
      p50Ms: percentile(latencies, 50),
      p90Ms: percentile(latencies, 90),
      p99Ms: percentile(latencies, 99),
    };
  } finally {
    for (const connection of connections) connection.close();
    await provider.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureProvider({ quick: process.argv.includes('--quick') })));
