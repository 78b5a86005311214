// inspect at scale (issue 14 item 1): HARs of 10,000, 100,000, 300,000 and
// 1,000,000 signed OAuth 1.0a exchanges (bench/captures.mjs, ~460 bytes an
// entry, written to the temporary folder and removed), each inspected by the
// whole command with --json to /dev/null in its own process: wall time and
// peak resident set (maxRSS), against the targets of time linear in the
// capture and peak memory at most 3× the file. On the largest, Ctrl-C: SIGINT
// sent while it reads (and again later, while it works through the file),
// the time until it exits 130, against the target of a second. A 200 MB
// base64 body is measured too, and curl and raw HTTP at 100k. CPU time is
// reported beside wall time (the machine may be shared: CPU is the fairer
// figure) with the load average.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { openSync, closeSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { CONSUMER_SECRET, writeCurl, writeHar, writeRawHttp } from './captures.mjs';

const BIN = fileURLToPath(new URL('../bin/oauth-doctor.cjs', import.meta.url));
const DIST = new URL('../dist/index.js', import.meta.url).href;
const MB = 1024 * 1024;

function inspect(file, args) {
  const hook = 'data:text/javascript,' + encodeURIComponent('import { writeSync } from "node:fs"; process.on("exit", () => { const u = process.resourceUsage(); writeSync(3, `${u.maxRSS} ${(u.userCPUTime + u.systemCPUTime) / 1000}`); });');
  const out = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ['--import', hook, BIN, 'inspect', file, ...args], { encoding: 'utf8', maxBuffer: 64 * MB, stdio: ['ignore', out, 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  closeSync(out);
  if (result.status !== 0 && result.status !== 1) throw new Error(`inspect exited ${result.status}: ${result.stderr.slice(0, 2000)}`);
  const [rss, cpuMs] = String(result.output[3]).split(' ').map(Number);
  return { ms, cpuMs, peakMB: rss / 1024, load: loadavg()[0] };
}

/** SIGINT sent `afterMs` into an inspect of `file`: how long it took to exit after it, and its exit status (130 expected). */
function interrupt(file, args, afterMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'inspect', file, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sentAt;
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill('SIGINT');
    }, afterMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (sentAt === undefined) return reject(new Error(`inspect ended (${code}) before Ctrl-C at ${afterMs} ms: ${stderr.slice(0, 500)}`));
      resolve({ afterMs, exitMs: performance.now() - sentAt, code, signal, load: loadavg()[0], stderr: stderr.trim().split('\n').at(-1) ?? '' });
    });
  });
}

export async function measureInspectScale({ sizes = [10_000, 100_000, 300_000, 1_000_000], base64MB = 200, textFormats = [], interruptAt = [3_000, 20_000] } = {}) {
  const { signRequest } = await import(DIST);
  const dir = await mkdtemp(join(tmpdir(), 'oauth-doctor-bench-scale-'));
  const rows = [];
  const interrupts = [];
  try {
    // The floor: node, the CLI and a report of 100 exchanges (about 75 MB whatever the file), so the ratio of what a capture adds is seen beside the plain one.
    const tiny = join(dir, 'floor.har');
    await writeHar(tiny, 100, { sign: signRequest });
    const floor = inspect(tiny, ['--json', '--consumer-secret', CONSUMER_SECRET]);
    await rm(tiny, { force: true });
    for (const exchanges of sizes) {
      const file = join(dir, `${exchanges}.har`);
      console.error(`  ${exchanges} exchanges: writing the HAR …`);
      await writeHar(file, exchanges, { sign: signRequest });
      const fileMB = (await stat(file)).size / MB;
      console.error(`  ${exchanges} exchanges (${fileMB.toFixed(0)} MB): inspect --json …`);
      const run = inspect(file, ['--json', '--consumer-secret', CONSUMER_SECRET]);
      rows.push({ format: 'har', exchanges, fileMB, ms: run.ms, cpuMs: run.cpuMs, load: run.load, peakMB: run.peakMB, usPerExchange: (run.cpuMs * 1000) / exchanges, peakRatio: run.peakMB / fileMB, floorMB: floor.peakMB });
      // Ctrl-C on the largest, at points well inside its run.
      if (exchanges === Math.max(...sizes)) {
        for (const afterMs of interruptAt.filter((ms) => ms < run.ms * 0.8)) {
          console.error(`  ${exchanges} exchanges: Ctrl-C after ${(afterMs / 1000).toFixed(0)} s …`);
          interrupts.push({ exchanges, fileMB, ...(await interrupt(file, ['--json', '--consumer-secret', CONSUMER_SECRET], afterMs)) });
        }
      }
      await rm(file, { force: true });
    }
    // curl lines and raw HTTP requests (issue 14 item 1: also at 100k).
    for (const { format, exchanges } of textFormats) {
      const file = join(dir, `${exchanges}.${format}`);
      console.error(`  ${exchanges} ${format} exchanges: writing …`);
      await (format === 'curl' ? writeCurl : writeRawHttp)(file, exchanges, { sign: signRequest });
      const fileMB = (await stat(file)).size / MB;
      console.error(`  ${exchanges} ${format} exchanges (${fileMB.toFixed(0)} MB): inspect --json …`);
      const run = inspect(file, ['--json', '--consumer-secret', CONSUMER_SECRET, ...(format === 'http' ? ['--scheme', 'https'] : [])]);
      rows.push({ format, exchanges, fileMB, ms: run.ms, cpuMs: run.cpuMs, load: run.load, peakMB: run.peakMB, usPerExchange: (run.cpuMs * 1000) / exchanges, peakRatio: run.peakMB / fileMB, floorMB: floor.peakMB });
      await rm(file, { force: true });
    }
    let base64;
    if (base64MB > 0) {
      const file = join(dir, 'body.har');
      await writeHar(file, 3, { base64BodyBytes: base64MB * MB });
      const fileMB = (await stat(file)).size / MB;
      console.error(`  a ${base64MB} MB base64 body: inspect --json …`);
      base64 = { fileMB, ...inspect(file, ['--json']) };
    }
    return { floorMB: floor.peakMB, rows, interrupts, base64 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const million = process.argv.includes('--million') || process.env['INSPECT_SCALE'] === '1000000';
  const only = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = only ? only.slice('--sizes='.length).split(',').map(Number) : million ? [10_000, 100_000, 300_000, 1_000_000] : [10_000, 100_000, 300_000];
  const textFormats = process.argv.includes('--text-formats') ? [{ format: 'curl', exchanges: 100_000 }, { format: 'http', exchanges: 100_000 }] : [];
  console.log(JSON.stringify(await measureInspectScale({ sizes, textFormats, base64MB: process.argv.includes('--no-base64') ? 0 : 200 }), null, 2));
}
