// `node scripts/node-matrix.mjs [MAJOR…] [-- vitest args]`: runs the test
// suite under the machine's Node and under Node 22, 24 and 26 (or the majors
// given), one after another, and ends with one line per version. The build,
// type check and lint are done once before (`npm test`'s first steps); only
// the tests depend on the Node that runs them. Each run's PATH starts with
// that Node's folder, so every `node` a test starts (process.execPath,
// `node`, npm's shebang) is the version under test. Last (when no majors are
// given), the bin alone runs its main paths on Node 20.18.0, the oldest that
// package.json's engines allows: vitest's own tools need a newer one.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MATRIX_MAJORS, envFor, matrix, nodeBinary } from './node-versions.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const VITEST = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/oauth-doctor.cjs', import.meta.url));
/** The oldest Node package.json's engines allows; the test tools need newer, so only the bin is run on it. */
const OLDEST = '20.18.0';

/** The installed CLI's main paths under `binary`, each checked by what it printed. */
const BIN_CHECKS = [
  ['--version', ['--version'], (out) => out.trim() === JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version],
  ['explain token_used --json', ['explain', 'token_used', '--json'], (out) => JSON.parse(out).problem.code === 'token_used'],
  // RFC 5849 §1.2's example request, signed.
  ['sign (RFC 5849 §1.2)', ['sign', '--url', 'http://photos.example.net/photos?file=vacation.jpg&size=original', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--token', 'nnch734d00sl2jdk', '--token-secret', 'pfkkdhi9sl3r4s00', '--timestamp', '137131202', '--nonce', 'chapoH', '--no-version', '--json'], (out) => JSON.parse(out).signature === 'MdpQcU8iPSUjWoN/UDMsK2sui9I='],
  ['demo --json (undici, the provider)', ['demo', '--json'], (out) => JSON.parse(out).ok === true],
];

/**
 * `serve --oauth2 --json` on `binary`: the bundle reaches oidc-provider (an ES
 * module only) through the bin's import hook; its start line names the issuer,
 * discovery answers with it, and SIGTERM stops it with status 130 (interrupted, the README exit-code table).
 */
function serveOAuth2Check(binary) {
  return new Promise((resolve) => {
    const child = spawn(binary, [BIN, 'serve', '--oauth2', '--json'], { env: { ...envFor(binary), NODE_DISABLE_COMPILE_CACHE: '1' } });
    let out = '';
    let err = '';
    let good = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    child.stdout.setEncoding('utf8').on('data', async (d) => {
      out += d;
      if (!out.includes('\n') || good) return;
      try {
        const { issuer, endpoints } = JSON.parse(out.slice(0, out.indexOf('\n')));
        good = (await (await fetch(endpoints.discovery)).json()).issuer === issuer;
      } catch {
        good = false;
      }
      child.kill('SIGTERM');
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ good: good && code === 130, detail: `exit ${code}: ${err.trim().split('\n').at(-1) ?? ''}` });
    });
  });
}

async function binChecks(binary) {
  let passed = 0;
  for (const [name, argv, ok] of BIN_CHECKS) {
    const result = spawnSync(binary, [BIN, ...argv], { encoding: 'utf8', env: { ...envFor(binary), NODE_DISABLE_COMPILE_CACHE: '1' }, timeout: 60_000 });
    let good = false;
    try {
      good = result.status === 0 && ok(result.stdout);
    } catch {
      good = false;
    }
    console.log(`${good ? '✓' : '✗'} ${name}${good ? '' : ` — exit ${result.status}: ${result.stderr.trim().split('\n').at(-1)}`}`);
    if (good) passed++;
  }
  const serve = await serveOAuth2Check(binary);
  console.log(`${serve.good ? '✓' : '✗'} serve --oauth2 --json (oidc-provider, an ES module, through the bin's import hook)${serve.good ? '' : ` — ${serve.detail}`}`);
  if (serve.good) passed++;
  return { passed, failed: BIN_CHECKS.length + 1 - passed };
}

const args = process.argv.slice(2);
const split = args.indexOf('--');
const majors = (split < 0 ? args : args.slice(0, split)).map(Number);
const vitestArgs = split < 0 ? [] : args.slice(split + 1);
if (majors.some((m) => !Number.isInteger(m))) {
  console.error('usage: node scripts/node-matrix.mjs [MAJOR…] [-- vitest args]');
  process.exit(2);
}

/** Runs vitest under `binary`, its output passed through and kept for the summary line. */
function vitest(binary) {
  return new Promise((resolve) => {
    const child = spawn(binary, [VITEST, 'run', ...vitestArgs], { cwd: ROOT, env: envFor(binary), stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output = (output + chunk).slice(-65536);
      process.stdout.write(chunk);
    });
    child.on('close', (code, signal) => resolve({ output, status: code ?? signal }));
  });
}

const lines = [];
const total = { passed: 0, failed: 0 };
let failed = false;
for (const { major, binary } of matrix(majors.length > 0 ? majors : MATRIX_MAJORS)) {
  if (majors.length > 0 && !majors.includes(major)) continue;
  const version = spawnSync(binary, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`\n=== Node ${version} (${binary}) ===`);
  const started = Date.now();
  // The summary reporter's last line is `N passed, N failed`; keep it to report it again at the end.
  const { output, status } = await vitest(binary);
  const summary = output.match(/^\d+ passed, \d+ failed.*$/gm)?.at(-1);
  // The summary reporter names each failure just above its line; repeat them at the end too.
  const named = [...new Set(output.match(/^FAILED .*$/gm) ?? [])];
  const ok = status === 0 && summary !== undefined;
  failed ||= !ok;
  const [, passed = 0, failures = 1] = summary?.match(/^(\d+) passed, (\d+) failed/)?.map(Number) ?? [];
  total.passed += passed;
  total.failed += ok ? failures : Math.max(failures, 1);
  lines.push(`node ${version}: ${summary ?? 'no summary line'} (${((Date.now() - started) / 1000).toFixed(0)} s)${ok ? '' : ` — exit ${status}`}`);
  for (const line of named) lines.push(`  ${line}`);
}
if (majors.length === 0) {
  const binary = nodeBinary(OLDEST);
  console.log(`\n=== Node v${OLDEST}, the oldest engines allows: the bin only (${binary}) ===`);
  const checks = await binChecks(binary);
  total.passed += checks.passed;
  total.failed += checks.failed;
  failed ||= checks.failed > 0;
  lines.push(`node v${OLDEST} (bin only): ${checks.passed} passed, ${checks.failed} failed`);
}

console.log('\nNode matrix:');
for (const line of lines) console.log(`  ${line}`);
// The closing line a CI log reader looks for: every version's tests together.
console.log(`\nmatrix: ${total.passed} passed, ${total.failed} failed`);
process.exit(failed ? 1 : 0);
