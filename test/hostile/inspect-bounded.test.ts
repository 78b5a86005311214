// Issue 14 item 1: inspect of a large capture is a pipeline — each exchange
// read, checked, written and dropped — so what it holds does not grow with the
// capture. Over the built CLI: the heap retained (sampled after a full GC
// while the run goes on) by `inspect --json` of 2,000 and of 8,000 signed
// exchanges; holding the exchanges (about 8 KB each, as before) would add
// some 50 MB between the two. And the streamed report is the report: the
// same document as inspecting the capture whole.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { retainedMB } from '../helpers/retained-memory.js';
import { CONSUMER_SECRET, writeHar } from '../../bench/captures.mjs';
import { signRequest } from '../../src/oauth/sign-request.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-bounded-'));
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  await writeHar(file('2k.har'), 2_000, { sign: signRequest });
  await writeHar(file('8k.har'), 8_000, { sign: signRequest });
  await writeHar(file('small.har'), 300, { sign: signRequest });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The largest heap left after a full GC, sampled every 100 ms while `inspect --json` runs (the pipeline yields between slices). */
const retainedHeapMB = (har: string, env: Record<string, string>) => retainedMB(['inspect', har, '--json', '--consumer-secret', CONSUMER_SECRET], { env, everyMs: 100 });

describe('inspect of a large capture holds no exchange', () => {
  it('the retained heap barely grows from 2,000 to 8,000 exchanges', async () => {
    const env = { OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' };
    const small = await retainedHeapMB(file('2k.har'), env);
    const large = await retainedHeapMB(file('8k.har'), env);
    expect(small).toBeGreaterThan(0);
    // Nonces, flows and the spool's offsets grow a little; 6,000 exchanges held would be some 50 MB.
    expect(large - small).toBeLessThan(12);
  }, 300_000);

  it('the streamed report is the whole one: --json and the text report byte for byte', async () => {
    // With the right secret: a wrong one is tried with other token secrets too, and the stream knows only those issued so far (stream.ts).
    for (const args of [['--json'], ['--json', '--consumer-secret', CONSUMER_SECRET], ['--consumer-secret', CONSUMER_SECRET]]) {
      const whole = await runBin(['inspect', file('small.har'), ...args], { env: { NO_COLOR: '1' } });
      const streamed = await runBin(['inspect', file('small.har'), ...args], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' } });
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stderr).toBe(whole.stderr);
    }
    expect(readFileSync(file('small.har')).length).toBeLessThan(2 * 1024 * 1024);
  }, 300_000);
});
