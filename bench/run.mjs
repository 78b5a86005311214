// `npm run bench`: every speed and memory target of issue #8, measured side
// by side in one run on this machine. Prints a table and writes the figures
// as JSON under bench/results/. Targets are reported, never asserted.
// Start-up is measured under Node 20 (this machine's), 22, 24 and 26 (issue
// #17: scripts/node-versions.mjs fetches them once); the rest under this Node.
// `--startup` measures start-up alone, `--only scale` the inspect-at-scale
// rows alone (issue 14 item 1), `--quick` takes fewer runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { measureStartup } from './startup.mjs';
import { matrix } from '../scripts/node-versions.mjs';
import { measureFlow } from './flow.mjs';
import { measureProvider } from './provider.mjs';
import { measureHar } from './har.mjs';
import { measureExplainRead } from './explain-read.mjs';
import { measureNonceFlood } from './nonce-flood.mjs';
import { measureInspectScale } from './inspect-scale.mjs';

const quick = process.argv.includes('--quick');
const rows = [];
const row = (area, measure, value, target, met) => rows.push({ area, measure, value, target, met });

const startupOnly = process.argv.includes('--startup');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt === -1 ? undefined : process.argv[onlyAt + 1];
if (only !== undefined && only !== 'scale') throw new Error(`--only ${only}: the rows that can be run alone are: scale`);
const startup = [];
for (const { binary } of only === undefined ? matrix() : []) {
  console.error(`start-up under ${binary} …`);
  const measured = await measureStartup({ runs: quick ? 5 : 41, node: binary });
  startup.push(measured);
  const area = `start-up ${measured.node}`;
  const cpu = (ms, ratio) => (Number.isNaN(ms) ? '' : ` · CPU ${ms.toFixed(1)} ms${ratio === undefined ? '' : ` (×${ratio.toFixed(2)})`}`);
  row(area, 'node -e 0 (baseline)', `${measured.baselineMs.toFixed(1)} ms${cpu(measured.baselineCpuMs)}`, '', null);
  for (const c of measured.cases) row(area, c.name, `${c.medianMs.toFixed(1)} ms (×${c.ratio.toFixed(2)})${cpu(c.cpuMs, c.cpuRatio)}`, c.target === null ? '' : `≤ ×${c.target}`, c.met);
}

let flow, provider, flood, har, explainRead, scale;
if (!startupOnly && only === undefined) {
  console.error('whole local flow …');
  flow = await measureFlow({ runs: quick ? 3 : 10 });
  row('flow', 'flow --provider local --authorize http', `${flow.wallMs.toFixed(0)} ms`, '≤ 400 ms', flow.met);
  row('flow', 'of which outside network waits', `${flow.outsideNetworkMs.toFixed(0)} ms`, '', null);

  console.error('provider throughput …');
  provider = await measureProvider({ quick });
  row('provider', 'verified HMAC-SHA1 requests/s', provider.requestsPerSecond.toFixed(0), '≥ 5000/s', provider.requestsPerSecond >= 5000);
  row('provider', 'latency p50 / p99', `${provider.p50Ms.toFixed(2)} / ${provider.p99Ms.toFixed(2)} ms`, '', null);

  console.error('oversized-nonce flood …');
  flood = await measureNonceFlood({ requests: quick ? 100 : 400 });
  row('provider', `${flood.requests} signed 1 MB nonces: resident set`, `${flood.beforeMB.toFixed(0)} → ${flood.afterMB.toFixed(0)} MB (+${flood.growthMB.toFixed(0)})`, '+≤ 64 MB', flood.growthMB <= 64);

  console.error('reading pasted text …');
  explainRead = measureExplainRead();
  for (const [name, r] of Object.entries(explainRead)) row('explain', `1 MB paste (${name}) read + diagnosed → ${r.code}`, `${r.medianMs.toFixed(1)} ms`, '< 100 ms', r.medianMs < 100);

  console.error('HAR analysis …');
  har = await measureHar({ quick });
  row('inspect', `HAR ${har.fileMB.toFixed(0)} MB: inspect vs JSON.parse`, `${har.oursMBps.toFixed(0)} vs ${har.jsonParseMBps.toFixed(0)} MB/s (${((har.oursMBps / har.jsonParseMBps) * 100).toFixed(0)} %)`, '≥ 50 %', har.oursMBps >= 0.5 * har.jsonParseMBps);
  row('inspect', 'peak memory / file size', `${har.peakMB.toFixed(0)} MB (×${(har.peakMB / har.fileMB).toFixed(2)})`, '≤ ×3', har.peakMB <= 3 * har.fileMB);
}
if (!startupOnly) {
  // Issue 14 item 1: 10k, 100k, 300k and 1M signed exchanges, Ctrl-C at 1M (--no-million: up to 300k; --quick: 10k only).
  console.error('inspect at scale …');
  const million = !process.argv.includes('--no-million') && process.env['INSPECT_SCALE'] !== '300000';
  scale = await measureInspectScale({ sizes: quick ? [10_000] : million ? [10_000, 100_000, 300_000, 1_000_000] : [10_000, 100_000, 300_000], base64MB: quick ? 50 : 200, textFormats: quick ? [] : [{ format: 'curl', exchanges: 100_000 }, { format: 'http', exchanges: 100_000 }] });
  const smallest = scale.rows[0];
  for (const r of scale.rows) {
    // Linear: CPU time per exchange (fairer than wall time on a shared machine) within 1.5× of the smallest HAR's.
    const linear = smallest && r !== smallest && r.format === 'har' ? r.usPerExchange <= 1.5 * smallest.usPerExchange : null;
    const name = `${r.exchanges.toLocaleString('en')} ${r.format === 'har' ? 'HAR' : r.format} exchanges (${r.fileMB.toFixed(0)} MB) --json`;
    row('inspect', `${name}: time`, `${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU (${r.usPerExchange.toFixed(0)} µs CPU each; load ${r.load.toFixed(1)})`, r === smallest || r.format !== 'har' ? '' : 'linear (≤ 1.5× per exchange)', linear);
    row('inspect', `${name}: peak memory`, `${r.peakMB.toFixed(0)} MB (×${r.peakRatio.toFixed(2)} the file; +${(r.peakMB - r.floorMB).toFixed(0)} MB over a 100-exchange run's ${r.floorMB.toFixed(0)} MB)`, '≤ ×3', r.peakRatio <= 3);
  }
  for (const i of scale.interrupts) {
    row('inspect', `${i.exchanges.toLocaleString('en')} HAR exchanges (${i.fileMB.toFixed(0)} MB): Ctrl-C ${(i.afterMs / 1000).toFixed(0)} s in`, `exit ${i.code ?? i.signal} ${i.exitMs.toFixed(0)} ms after SIGINT (load ${i.load.toFixed(1)})`, '≤ 1 s, exit 130', i.code === 130 && i.exitMs <= 1000);
  }
  if (scale.base64) row('inspect', `a ${scale.base64.fileMB.toFixed(0)} MB base64 body: peak memory`, `${scale.base64.peakMB.toFixed(0)} MB in ${(scale.base64.ms / 1000).toFixed(1)} s`, '≤ ×3', scale.base64.peakMB <= 3 * scale.base64.fileMB);
}

const widths = ['area', 'measure', 'value', 'target'].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ');
console.log(line(['area', 'measure', 'value', 'target']) + '  result');
for (const r of rows) console.log(line([r.area, r.measure, r.value, r.target]) + '  ' + (r.met === null ? '' : r.met ? 'met' : 'NOT MET'));

const os = await import('node:os');
console.log(`(${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at the end)`);
const results = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), startup, flow, provider, flood, har, explainRead, scale, rows };
await mkdir(new URL('./results/', import.meta.url), { recursive: true });
const file = new URL(`./results/bench-${results.date.replace(/[:.]/g, '-')}.json`, import.meta.url);
await writeFile(file, JSON.stringify(results, null, 2) + '\n');
// A run of some rows alone does not stand for the whole table.
if (only === undefined) await writeFile(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
console.error(`written ${file.pathname}`);
