// Reading pasted text (issue #12): 1 MB of paste — a log with the provider's
// error at its end, an HTML error page, a curl -v transcript — read by the
// tolerant extractor and the message classifier (readProblemFromText) and
// diagnosed, as `explain` does. The median of several warm runs per shape,
// in its own process. Targets are reported, never asserted.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const MB = 1024 * 1024;

function pastes() {
  const logLine = (i) => `2026-11-22T09:00:${String(i % 60).padStart(2, '0')}Z INFO worker-${i % 7} GET /api/items?page=${i} 200 12ms user=${i * 7919} "Mozilla/5.0"\n`;
  let log = '';
  for (let i = 0; log.length < MB - 200; i++) log += logLine(i);
  log += 'ERROR OAuthClient: request failed: The OAuth signature was invalid. Verify and try again.\n';
  const para = '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p>\n';
  const html = `<html><head><title>Error</title></head><body><div class="error">Consumer key has expired</div>${para.repeat(Math.ceil(MB / para.length))}</body></html>`;
  const curl = `> POST /oauth/access_token HTTP/1.1\n> Host: api.example.com\n> Authorization: OAuth oauth_consumer_key="k", oauth_token="t"\n>\n< HTTP/1.1 401 Unauthorized\n< Content-Type: text/plain\n<\nToken has been revoked by the user. ${'x'.repeat(MB)}\n`;
  return { 'log with the error last': log, 'HTML page, error first': html, 'curl -v transcript, 1 MB body': curl };
}

async function child() {
  const { readProblemFromText, diagnose } = await import(new URL('../dist/index.js', import.meta.url).href);
  const out = {};
  for (const [name, text] of Object.entries(pastes())) {
    const times = [];
    let code;
    for (let i = 0; i < 7; i++) {
      const start = performance.now();
      const problem = readProblemFromText(text);
      if (problem) diagnose(problem, {}, { lang: 'en' });
      times.push(performance.now() - start);
      code = problem?.code ?? null;
    }
    times.sort((a, b) => a - b);
    out[name] = { bytes: text.length, medianMs: times[Math.floor(times.length / 2)] ?? 0, code };
  }
  process.stdout.write(JSON.stringify(out));
}

export function measureExplainRead() {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`explain-read bench failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

if (process.argv.includes('--child')) await child();
else if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(measureExplainRead());
