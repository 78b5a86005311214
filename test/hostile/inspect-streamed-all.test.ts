// Issue 14 item 1: `inspect --all` of a large capture read the file whole and
// built the whole report in memory (every exchange, flow and finding, then
// every line) before writing a byte: of 20,000 exchanges (12 MB) 325 MB at
// peak. Now it is read as a stream like the summary: each event, signature
// check and finding is rendered as it comes into a private spool
// (src/commands/inspect/spool.ts) and the report written from the spools a
// batch of lines at a time. Here: the report is the whole one, byte for byte
// (English and Japanese, flows of three interleaving their events), and what
// it keeps grows with the capture by no more than the summary's does.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { retainedMB } from '../helpers/retained-memory.js';
import { CONSUMER_SECRET, writeHar } from '../../bench/captures.mjs';
import { signRequest } from '../../src/oauth/sign-request.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-streamed-all-'));
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  // Past the 1 MB scanner block, under the 2 MB streaming threshold: inspected whole by default.
  await writeHar(file('short-flows.har'), 2_000, { sign: signRequest, flowLength: 3 });
  await writeHar(file('small.har'), 500, { sign: signRequest });
  await writeHar(file('large.har'), 8_000, { sign: signRequest });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('inspect --all of a capture read as a stream', () => {
  it('is the whole report, byte for byte (English and Japanese)', async () => {
    expect(statSync(file('short-flows.har')).size).toBeGreaterThan(1 << 20);
    for (const args of [['--all'], ['--all', '--lang', 'ja'], ['--all', '--json']]) {
      const argv = ['inspect', file('short-flows.har'), '--consumer-secret', CONSUMER_SECRET, ...args];
      const whole = await runBin(argv, { env: { NO_COLOR: '1' }, timeoutMs: 240_000 });
      const streamed = await runBin(argv, { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, timeoutMs: 240_000 });
      // Every event shown (no "more events" line), findings there (every 97th exchange is refused).
      if (args.length === 1) {
        expect(whole.stdout.split('\n').filter((line) => /^ {2}(Flow|フロー) /.test(line.replace(/\x1b\[[0-9;]*m/g, ''))).length).toBeGreaterThan(600);
        expect(whole.stdout).toMatch(/Findings \(\d+\)/);
      }
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stderr).toBe(whole.stderr);
    }
  }, 900_000);

  it('keeps no more of a larger capture than the summary does', async () => {
    const retained = (name: string, args: readonly string[]) =>
      retainedMB(['inspect', file(name), '--consumer-secret', CONSUMER_SECRET, ...args], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, withExternal: true, everyMs: 20 });
    const fileMB = statSync(file('large.har')).size / 1048576;
    const summary = (await retained('large.har', [])) - (await retained('small.har', []));
    const all = (await retained('large.har', ['--all'])) - (await retained('small.har', ['--all']));
    // Built in memory, 8,000 exchanges' report (their exchanges, flows, findings, 40,000 lines) held far more than the file.
    expect(all).toBeLessThan(summary + fileMB / 3);
  }, 600_000);
});
