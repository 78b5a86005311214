import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/cli/environment.js';
import { runInspect } from '../../src/commands/inspect/run.js';
import { parseHar } from '../../src/capture/har/index.js';

/** The world of one in-process run, with its stderr captured (STYLE habit 7). */
function environment(stderrIsTTY: boolean): { env: Environment; stderr: () => string; stdout: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d: Buffer) => (stdout += d.toString()));
  err.on('data', (d: Buffer) => (stderr += d.toString()));
  let clock = 0;
  return {
    env: {
      stdin: Readable.from([]),
      stdout: out,
      stderr: err,
      stdinIsTTY: false,
      stdoutIsTTY: false,
      stderrIsTTY,
      env: { LANG: 'C' },
      cwd: process.cwd(),
      // Each reading of the clock is a second later, so every slice may draw.
      now: () => (clock += 1000),
      nonce: () => 'n',
      signal: new AbortController().signal,
    },
    stderr: () => stderr,
    stdout: () => stdout,
  };
}

let dir: string;
let big: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oauth-doctor-progress-'));
  big = join(dir, 'big.har');
  const entry = (i: number) => JSON.stringify({ startedDateTime: '2024-06-18T10:00:00Z', request: { method: 'GET', url: `https://cdn.example.com/${i}.js`, headers: [] }, response: { status: 200, headers: [], content: { text: 'x'.repeat(100_000) } } });
  await writeFile(big, `{"log":{"version":"1.2","entries":[${Array.from({ length: 200 }, (_, i) => entry(i)).join(',')}]}}`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('progress on large HAR files', () => {
  it('draws a progress line in place on a terminal, and clears it', async () => {
    const world = environment(true);
    expect(await runInspect(big, {}, world.env)).toBe(1);
    const progress = world.stderr();
    expect(progress).toMatch(/\rreading .*big\.har: \d+% \(\d+ of 19 MB\)\x1b\[K/);
    expect(progress.endsWith('\r\x1b[K')).toBe(true);
    expect(world.stdout()).toContain('No OAuth 1.0a exchange found');
  });

  it('stays silent when stderr is not a terminal', async () => {
    const world = environment(false);
    await runInspect(big, {}, world.env);
    expect(world.stderr()).toBe('');
  });
});

describe('sanitised HAR exports', () => {
  it('notes token requests that lost their Authorization header', () => {
    const har = JSON.stringify({ log: { entries: [{ request: { method: 'POST', url: 'https://api.x.com/oauth/request_token', headers: [] }, response: { status: 200, headers: [], content: { text: 'oauth_token=a' } } }] } });
    expect(parseHar(Buffer.from(har), { source: 's.har' }).notes[0]).toMatch(/no Authorization header.*with sensitive data/);
  });
});
