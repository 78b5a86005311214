// Issue 14 #5: the provider's memory under a flood of validly signed
// requests with 1 MB nonces (protocol parameters in the form body, where
// the header limit does not stop them). The provider runs in its own
// process; its resident set is read from /proc before, right after, and
// the figures are reported, never asserted. OAUTH_DOCTOR_BENCH_DIST points
// at another build (e.g. an older checkout's dist/index.js) for a before/after.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';

const DIST = process.env['OAUTH_DOCTOR_BENCH_DIST'] ? new URL(`file://${process.env['OAUTH_DOCTOR_BENCH_DIST']}`).href : new URL('../dist/index.js', import.meta.url).href;
const CONSUMER = { key: 'flood-app', secret: 'flood-consumer-secret' };

const PROVIDER_SCRIPT = `
import { startProvider } from ${JSON.stringify(DIST)};
const provider = await startProvider({ consumers: [${JSON.stringify(CONSUMER)}] });
process.stdout.write(JSON.stringify({ url: provider.url }) + '\\n');
process.on('SIGTERM', () => provider.close().then(() => process.exit(0)));
`;

function rssMB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function post(url, body) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, method: 'POST', path: target.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

export async function measureNonceFlood({ requests = 400, nonceBytes = 1024 * 1024 - 4096 } = {}) {
  const core = await import(new URL('../dist/index.js', import.meta.url).href);
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROVIDER_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8');
  for await (const chunk of child.stdout) {
    out += chunk;
    if (out.includes('\n')) break;
  }
  const { url } = JSON.parse(out.split('\n')[0]);
  try {
    const endpoint = `${url}/oauth/request_token`;
    const beforeMB = rssMB(child.pid);
    const statuses = new Map();
    const filler = 'n'.repeat(nonceBytes - 16);
    for (let i = 0; i < requests; i++) {
      const signed = core.signRequest({ method: 'POST', url: endpoint, client: { consumerKey: CONSUMER.key, consumerSecret: CONSUMER.secret }, signatureMethod: 'HMAC-SHA1', timestamp: core.timestampFrom(Date.now()), nonce: `${i}`.padStart(16, '0') + filler, callback: 'oob' });
      const body = core.serializeForm(signed.protocolParameters, core.percentEncode);
      const answer = await post(endpoint, body);
      const key = `${answer.status} ${new URLSearchParams(answer.body).get('oauth_problem') ?? ''}`.trim();
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
    }
    const afterMB = rssMB(child.pid);
    return { requests, nonceBytes, beforeMB, afterMB, growthMB: afterMB - beforeMB, answers: Object.fromEntries(statuses) };
  } finally {
    child.kill('SIGTERM');
    await once(child, 'close');
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureNonceFlood()));
