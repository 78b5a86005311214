// Start-up: wall time of short CLI invocations against bare `node -e 0`,
// measured side by side in the same run (issue #8). Median of N runs after a warm-up.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/oauth-doctor.cjs', import.meta.url));

function timeOnce(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, LANG: 'C' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const SIGN_ARGS = ['sign', '--url', 'https://photos.example.net/initiate', '-X', 'POST', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--callback', 'http://printer.example.com/ready', '--timestamp', '137131200', '--nonce', 'wIjqoS'];

export const STARTUP_CASES = [
  { name: '--version', args: [BIN, '--version'] },
  { name: 'explain token_used', args: [BIN, 'explain', 'token_used'] },
  { name: 'sign (fixed inputs)', args: [BIN, ...SIGN_ARGS] },
];

/** Interleaves the cases round by round so machine noise hits all of them alike. */
export async function measureStartup({ runs = 41, warmup = 5 } = {}) {
  const cases = [{ name: 'node -e 0', args: ['-e', '0'] }, ...STARTUP_CASES];
  for (let i = 0; i < warmup; i++) for (const c of cases) timeOnce(c.args);
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name).push(timeOnce(c.args));
  const baseline = median(samples.get('node -e 0'));
  return {
    runs,
    baselineMs: baseline,
    cases: STARTUP_CASES.map((c) => {
      const ms = median(samples.get(c.name));
      return { name: c.name, medianMs: ms, ratio: ms / baseline, target: 1.3, met: ms / baseline <= 1.3 };
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureStartup()));
