// HAR analysis at scale (issue #6): a generated ~100 MB HAR, read by our
// parser (one Buffer, entries scanned and JSON.parsed one at a time) next to
// plain JSON.parse of the same file, and the whole `oauth-doctor inspect`
// command. Each measurement runs in its own child process so peak memory
// (maxRSS) belongs to it alone. Targets are reported, never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const BIN = fileURLToPath(new URL('../bin/oauth-doctor.cjs', import.meta.url));
const DIST = new URL('../dist/index.js', import.meta.url).href;
const MB = 1024 * 1024;

/**
 * Writes a HAR like a real session's: mostly page assets and API JSON (some
 * large, base64 or not), with complete OAuth 1.0a flows signed by the
 * project's own signing core sprinkled through it.
 */
async function generateHar(file, targetBytes) {
  const { signRequest } = await import(DIST);
  const out = createWriteStream(file);
  const write = (text) => (out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve)));
  await write('{\n  "log": {\n    "version": "1.2",\n    "creator": { "name": "oauth-doctor bench", "version": "1" },\n    "pages": [],\n    "entries": [\n');
  const header = (name, value) => ({ name, value });
  const start = Date.parse('2024-06-18T10:00:00Z');
  const asset = 'x'.repeat(180_000);
  const json = JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `item ${i} — ünïcödé "quoted" \\ slash`, tags: ['a', 'b'], ok: true })) });
  let written = 0;
  let i = 0;
  let oauthEntries = 0;
  while (written < targetBytes) {
    const at = new Date(start + i * 50).toISOString();
    let entry;
    if (i % 200 === 7) {
      const signed = signRequest({ method: 'POST', url: 'https://api.x.com/oauth/request_token', client: { consumerKey: 'benchkey', consumerSecret: 'benchsecret' }, signatureMethod: 'HMAC-SHA1', timestamp: String(Math.floor((start + i * 50) / 1000)), nonce: `bench${i}`, callback: 'https://app.example/cb' });
      entry = { method: 'POST', url: signed.url, headers: [header('authorization', signed.authorization)], status: 200, body: `oauth_token=rt${i}&oauth_token_secret=s${i}&oauth_callback_confirmed=true`, mime: 'application/x-www-form-urlencoded' };
      oauthEntries++;
    } else if (i % 10 === 0) {
      entry = { method: 'GET', url: `https://cdn.example.com/static/bundle.${i}.js`, headers: [], status: 200, body: i % 20 === 0 ? Buffer.from(asset).toString('base64') : asset, encoding: i % 20 === 0 ? 'base64' : undefined, mime: 'application/javascript' };
    } else {
      entry = { method: 'GET', url: `https://app.example.com/api/items?page=${i}&sort=name`, headers: [header('accept', 'application/json')], status: 200, body: json, mime: 'application/json' };
    }
    const record = {
      pageref: 'page_1',
      startedDateTime: at,
      time: 12.5,
      request: { method: entry.method, url: entry.url, httpVersion: 'HTTP/2', headers: [header(':authority', new URL(entry.url).host), header('user-agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'), header('cookie', 'sid=abc; theme=dark'), ...entry.headers], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
      response: { status: entry.status, statusText: '', httpVersion: 'HTTP/2', headers: [header('content-type', entry.mime), header('date', new Date(start + i * 50).toUTCString()), header('cache-control', 'max-age=3600')], cookies: [], content: { size: entry.body.length, mimeType: entry.mime, text: entry.body, ...(entry.encoding ? { encoding: entry.encoding } : {}) }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {},
      timings: { blocked: 1, dns: -1, ssl: -1, connect: -1, send: 0.1, wait: 10, receive: 1.4 },
    };
    const text = `${i === 0 ? '' : ',\n'}${JSON.stringify(record, null, 2)}`;
    written += Buffer.byteLength(text);
    await write(text);
    i++;
  }
  await write('\n    ]\n  }\n}\n');
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  return { entries: i, oauthEntries };
}

/** Runs `source` (an ES module body) in a fresh node; it prints one JSON line. */
function child(source, args = []) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source, ...args], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (result.status !== 0) throw new Error(`bench child failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

const JSON_PARSE = `
import { readFileSync } from 'node:fs';
const file = process.argv[1];
const t0 = performance.now();
const har = JSON.parse(readFileSync(file, 'utf8'));
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, entries: har.log.entries.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));`;

const OUR_PARSER = `
import { readFileSync } from 'node:fs';
const { parseHar } = await import(process.argv[2]);
const file = process.argv[1];
const all = process.argv[3] === 'all';
const t0 = performance.now();
const capture = parseHar(readFileSync(file), { source: file, allEntries: all });
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, entries: capture.totalEntries, parsed: capture.exchanges.length, maxRssMB: process.resourceUsage().maxRSS / 1024 }));`;

/** The whole command, process start included; maxRSS from an exit hook that writes to fd 3. */
function inspectCommand(file) {
  const hook = 'data:text/javascript,' + encodeURIComponent('import { writeSync } from "node:fs"; process.on("exit", () => writeSync(3, String(process.resourceUsage().maxRSS)));');
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['--import', hook, BIN, 'inspect', file, '--json', '--consumer-secret', 'benchsecret'], { encoding: 'utf8', maxBuffer: 256 * MB, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (result.status !== 0 && result.status !== 1) throw new Error(`inspect exited ${result.status}: ${result.stderr}`);
  const report = JSON.parse(result.stdout);
  return { ms, oauthExchanges: report.capture.oauthExchanges, findings: report.findings.length, maxRssMB: Number(result.output[3]) / 1024 };
}

const best = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

async function measureHarOnce(file, fileBytes, runs) {
  const jsonParse = best(Array.from({ length: runs }, () => child(JSON_PARSE, [file])));
  const ours = best(Array.from({ length: runs }, () => child(OUR_PARSER, [file, DIST, 'oauth'])));
  const oursAll = best(Array.from({ length: runs }, () => child(OUR_PARSER, [file, DIST, 'all'])));
  const command = best(Array.from({ length: runs }, () => inspectCommand(file)));
  const mbps = (ms) => fileBytes / MB / (ms / 1000);
  return { jsonParse, ours, oursAll, command, mbps };
}

export async function measureHar({ quick = false, sizeMB = quick ? 30 : 100, runs = quick ? 1 : 3 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'oauth-doctor-bench-har-'));
  try {
    const file = join(dir, 'session.har');
    const generated = await generateHar(file, sizeMB * MB);
    const fileBytes = (await stat(file)).size;
    const { jsonParse, ours, oursAll, command, mbps } = await measureHarOnce(file, fileBytes, runs);
    const fileMB = fileBytes / MB;
    return {
      fileMB,
      entries: generated.entries,
      oauthEntries: generated.oauthEntries,
      runs,
      jsonParseMBps: mbps(jsonParse.ms),
      jsonParsePeakMB: jsonParse.maxRssMB,
      // Our parser as inspect uses it: entries that never mention OAuth are scanned, not parsed.
      oursMBps: mbps(ours.ms),
      oursPeakMB: ours.maxRssMB,
      // Worst case: every entry JSON.parsed (a HAR of nothing but OAuth traffic).
      oursAllEntriesMBps: mbps(oursAll.ms),
      oursAllEntriesPeakMB: oursAll.maxRssMB,
      // The whole command, process start, timeline, checks and JSON output included.
      inspectMBps: mbps(command.ms),
      inspectMs: command.ms,
      inspectPeakMB: command.maxRssMB,
      inspectOAuthExchanges: command.oauthExchanges,
      // What the ≤ 3× target is judged on: what inspect really does (the command, and its parser alone).
      // The all-entries run is reported beside it: it keeps every asset body it parsed, which inspect never does.
      peakMB: Math.max(command.maxRssMB, ours.maxRssMB),
      targetThroughputRatio: 0.5,
      targetPeakRatio: 3,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureHar({ quick: process.argv.includes('--quick') })));
