// Start-up: wall time of short CLI invocations against bare `node -e 0` of the
// same Node, measured side by side (issues #8, #17). Rounds interleave the
// cases, and each case's ratio is the median of its per-round ratios to that
// round's baseline, so load from elsewhere on the machine hits both sides
// alike. The bin runs as a user's second run does: with the code cache its
// first run left (in a private XDG_CACHE_HOME made for the bench). Two more
// rows explain the choice: no cache at all (NODE_DISABLE_COMPILE_CACHE=1, what
// a first run compiles), and on Node ≥ 22 Node's own module.enableCompileCache()
// (bench/compile-cache-bin.cjs).
// Each run is also measured in CPU time (user + system, all of the child's
// threads, from wait4's rusage through a small python3 harness): on a shared
// machine a busy neighbour stretches wall time but hardly CPU time, so the
// CPU ratios say what an idle machine would show more faithfully.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/oauth-doctor.cjs', import.meta.url));
const COMPILE_CACHE_BIN = fileURLToPath(new URL('./compile-cache-bin.cjs', import.meta.url));

const SIGN_ARGS = ['sign', '--url', 'https://photos.example.net/initiate', '-X', 'POST', '--consumer-key', 'dpf43f3p2l4k3l03', '--consumer-secret', 'kd94hf93k423kf44', '--callback', 'http://printer.example.com/ready', '--timestamp', '137131200', '--nonce', 'wIjqoS'];
const EXPLAIN_ARGS = ['explain', 'token_used'];

/** The rows with a target; the others are there to compare. */
export const STARTUP_CASES = [
  { name: '--version', args: [BIN, '--version'], target: 1.3 },
  { name: 'explain token_used', args: [BIN, ...EXPLAIN_ARGS], target: 1.3 },
  { name: 'sign (fixed inputs)', args: [BIN, ...SIGN_ARGS], target: 1.3 },
  { name: 'explain, no code cache', args: [BIN, ...EXPLAIN_ARGS], env: { NODE_DISABLE_COMPILE_CACHE: '1' } },
  { name: 'sign, no code cache', args: [BIN, ...SIGN_ARGS], env: { NODE_DISABLE_COMPILE_CACHE: '1' } },
  { name: 'explain, module.enableCompileCache()', args: [COMPILE_CACHE_BIN, ...EXPLAIN_ARGS], minMajor: 22 },
  { name: 'sign, module.enableCompileCache()', args: [COMPILE_CACHE_BIN, ...SIGN_ARGS], minMajor: 22 },
];

// Forks, execs the command with stdin/stdout on /dev/null, and prints wall and CPU ms.
const HARNESS = `
import os, sys, time, json
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_RDWR)
    os.dup2(fd, 0)
    os.dup2(fd, 1)
    os.execve(sys.argv[1], sys.argv[1:], os.environ)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall * 1000, "cpu": (ru.ru_utime + ru.ru_stime) * 1000, "status": os.waitstatus_to_exitcode(status)}))
`;
const HAVE_PYTHON = spawnSync('python3', ['-c', 'import os; os.wait4'], { stdio: 'ignore' }).status === 0;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Start-up of each case under the Node at `node` (default: this one). */
export async function measureStartup({ runs = 41, warmup = 5, node = process.execPath } = {}) {
  const version = spawnSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).stdout.trim();
  const major = Number(version.slice(1).split('.')[0]);
  const home = mkdtempSync(join(tmpdir(), 'od-bench-startup-'));
  const env = { PATH: process.env.PATH, LANG: 'C', XDG_CACHE_HOME: join(home, 'cache'), OD_BENCH_COMPILE_CACHE: join(home, 'node-compile-cache') };
  const timeOnce = ({ name, args, env: extra = {} }) => {
    if (HAVE_PYTHON) {
      const result = spawnSync('python3', ['-c', HARNESS, node, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...env, ...extra } });
      const run = result.status === 0 ? JSON.parse(result.stdout) : { status: result.status };
      if (run.status !== 0) throw new Error(`${name} under ${version} exited ${run.status}: ${result.stderr}`);
      return { wall: run.wall, cpu: run.cpu };
    }
    const start = process.hrtime.bigint();
    const result = spawnSync(node, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...env, ...extra } });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${name} under ${version} exited ${result.status}: ${result.stderr}`);
    return { wall: ms, cpu: NaN };
  };
  try {
    const cases = [{ name: 'node -e 0', args: ['-e', '0'] }, ...STARTUP_CASES.filter((c) => major >= (c.minMajor ?? 0))];
    // The warm-up also leaves the caches the measured runs use.
    for (let i = 0; i < warmup; i++) for (const c of cases) timeOnce(c);
    const samples = new Map(cases.map((c) => [c.name, []]));
    for (let i = 0; i < runs; i++) for (const c of cases) samples.get(c.name).push(timeOnce(c));
    const baseline = samples.get('node -e 0');
    const baselineCpu = median(baseline.map((s) => s.cpu));
    return {
      node: version,
      runs,
      baselineMs: median(baseline.map((s) => s.wall)),
      baselineCpuMs: baselineCpu,
      cases: cases.slice(1).map((c) => {
        const runs = samples.get(c.name);
        const ratio = median(runs.map((s, i) => s.wall / baseline[i].wall));
        const cpuMs = median(runs.map((s) => s.cpu));
        return { name: c.name, medianMs: median(runs.map((s) => s.wall)), ratio, cpuMs, cpuRatio: cpuMs / baselineCpu, target: c.target ?? null, met: c.target === undefined ? null : ratio <= c.target };
      }),
    };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureStartup()));
