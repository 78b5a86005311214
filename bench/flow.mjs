// The whole local flow: `oauth-doctor flow --provider local --authorize http`
// end to end (process start included), and the part of it spent outside
// network waits (wall time minus the time the legs spent on the wire).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/oauth-doctor.cjs', import.meta.url));
const ARGS = [BIN, 'flow', '--provider', 'local', '--authorize', 'http', '--json'];

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function measureFlow({ runs = 10, warmup = 2 } = {}) {
  const walls = [];
  const outside = [];
  for (let i = 0; i < warmup + runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ARGS, { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C', CI: '1' }, timeout: 30_000 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`flow exited ${result.status}: ${result.stderr}`);
    const report = JSON.parse(result.stdout);
    const onWire = report.steps.reduce((sum, step) => sum + (typeof step.ms === 'number' ? step.ms : 0), 0);
    if (i >= warmup) {
      walls.push(wall);
      outside.push(wall - onWire);
    }
  }
  const wallMs = median(walls);
  return { runs, wallMs, outsideNetworkMs: median(outside), target: 400, met: wallMs <= 400 };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measureFlow()));
