// Issue 14 item 1: a large capture is inspected from the file a block at a
// time, never held whole (a 100,000-exchange HAR peaked at 7.8× the file, the
// file itself one of those), and the pipeline lets go of the legs of flows
// gone idle (1,000,000 exchanges in flows of three kept the first legs of all
// 333,000 flows). Peak memory is a bench figure (npm run bench); here the
// mechanism: the scanner over a source that hands out a few bytes a read
// finds the same entries and the same errors as over the whole Buffer, and
// holds a window, not the file; the pipeline's legs are bounded whatever the
// number of flows; the CLI's streamed report of a capture larger than the
// scanner's block is the whole report, byte for byte.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { CONSUMER_SECRET, writeHar } from '../../bench/captures.mjs';
import { signRequest } from '../../src/oauth/sign-request.js';
import { HarScanner, type ByteSource } from '../../src/capture/har/scan.js';
import { parseHar } from '../../src/capture/har/index.js';
import { isDoctorError } from '../../src/errors.js';
import { InspectPipeline } from '../../src/inspect/stream.js';
import type { Redactor } from '../../src/secrets/redactor.js';
import { numberedSecret, redactorWithSecrets } from '../helpers/many-secrets.js';

const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-streamed-'));
const file = (name: string) => join(dir, name);

beforeAll(async () => {
  // 2,000 exchanges: about 1.2 MB, past the scanner's 1 MB block, under the 2 MB streaming threshold (so inspected whole by default).
  await writeHar(file('2k.har'), 2_000, { sign: signRequest });
  await writeHar(file('short-flows.har'), 2_400, { sign: signRequest, flowLength: 3 });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A source over a Buffer that hands out at most `most` bytes a read, and counts the reads. */
function trickle(buf: Buffer, most: number): ByteSource & { reads: number } {
  const source = {
    size: buf.length,
    reads: 0,
    read(into: Buffer, offset: number, length: number, position: number): number {
      source.reads++;
      const n = Math.max(0, Math.min(length, most, buf.length - position));
      buf.copy(into, offset, position, position + n);
      return n;
    },
  };
  return source;
}

/** The text of every entry span, and the error (its message) if the scan fails. */
function scanAll(input: Buffer | ByteSource): { entries: string[]; error: string | undefined; largestWindow: number } {
  const scanner = new HarScanner(input, 'x.har');
  const entries: string[] = [];
  let largestWindow = 0;
  try {
    for (const span of scanner.scan()) {
      entries.push(scanner.window.toString('utf8', span.start, span.end));
      largestWindow = Math.max(largestWindow, scanner.window.length);
    }
    return { entries, error: undefined, largestWindow };
  } catch (error) {
    if (!isDoctorError(error)) throw error;
    return { entries, error: error.message, largestWindow };
  }
}

describe('the HAR scanner read from a file a block at a time', () => {
  const tricky = Buffer.from(
    '\ufeff {"log" : {"version":"1.2","pages":[{"a":[1,2,{"b":"]}"}]}],"creator":{"name":"t\\"x","version":"1"},\n "entries" : [\n' +
      '{"request":{"url":"https://a.example/oauth?x=\\\\","headers":[]},"response":{"status":200,"content":{"text":"\\"}\\u00e9é"}}} ,\n' +
      ` {"n":-1.5e3,"t":true,"f":false,"z":null,"s":"${'q'.repeat(300)}\\\\"} ]\n, "comment":"after"} }\n`,
  );

  it('finds the same entries as over the whole Buffer, whatever the reads hand out', () => {
    const whole = scanAll(tricky);
    expect(whole.error).toBeUndefined();
    expect(whole.entries).toHaveLength(2);
    for (const most of [1, 2, 3, 5, 7, 64]) expect(scanAll(trickle(tricky, most))).toMatchObject({ entries: whole.entries, error: undefined });
  });

  it('reports a damaged file at the same byte, line and column', () => {
    const cases = [tricky.subarray(0, tricky.length - 9), Buffer.from(tricky.toString().replace('"t":true', '"t":true}')), Buffer.from(tricky.toString().replace(',"s":"', ',"s":'))];
    for (const damaged of cases) {
      const whole = scanAll(damaged);
      expect(whole.error).toMatch(/at byte \d+ \(line \d+, column \d+\)/);
      for (const most of [1, 3, 7]) expect(scanAll(trickle(damaged, most)).error).toBe(whole.error);
    }
  });

  it('holds a window of the file, not the file, and the same error past the bytes let go', () => {
    // 16 MB of entries, one of them 3 MB (the window grows for it, then shrinks back).
    const entry = readFileSync(file('2k.har'), 'utf8').split('"entries":[')[1]?.split(',{"startedDateTime"')[0] as string;
    const big = entry.replace('"timings":{', `"comment":"${'b'.repeat(3 << 20)}","timings":{`);
    const har = Buffer.from(`{"log":{"version":"1.2","entries":[${[...Array.from({ length: 10_000 }, () => entry), big, ...Array.from({ length: 10_000 }, () => entry)].join(',\n')}]}}`);
    const source = trickle(har, 1 << 30);
    const streamed = scanAll(source);
    const whole = scanAll(har);
    expect(streamed.entries).toEqual(whole.entries);
    expect(streamed.entries).toHaveLength(20_001);
    expect(har.length).toBeGreaterThan(15 << 20);
    expect(streamed.largestWindow).toBeLessThan(3 * (1 << 20) + (big.length - entry.length));
    expect(source.reads).toBeGreaterThan(15);
    // Cut short, after the first megabytes were let go: the same place named (where the last entry opens).
    const damaged = har.subarray(0, har.length - 200);
    const error = scanAll(damaged).error;
    expect(error).toMatch(/line 20001, column/);
    expect(scanAll(trickle(damaged, 1 << 30)).error).toBe(error);
  });
});

describe('the inspect pipeline lets go of idle flows', () => {
  it('holds the legs of a bounded number of flows, however many the capture has', () => {
    const capture = parseHar(readFileSync(file('short-flows.har')), { source: 'short-flows.har' });
    const pipeline = new InspectPipeline({ lang: 'en', consumerSecret: CONSUMER_SECRET });
    let most = 0;
    for (const exchange of capture.exchanges) {
      pipeline.add(exchange);
      most = Math.max(most, pipeline.legsKept);
    }
    // 800 flows of three, and the refused legs' own.
    expect(pipeline.flowCount).toBeGreaterThanOrEqual(800);
    // Every leg of every flow was 2,400 (first legs were kept for good); 256 flows of three is 768.
    expect(pipeline.legsKept).toBeLessThanOrEqual(256 * 3);
    expect(most).toBeLessThanOrEqual(256 * 3 + 3);
  });
});

describe('inspect of a capture larger than the scanner block, streamed from the file', () => {
  it('is the whole report, byte for byte (--json and text)', async () => {
    expect(readFileSync(file('2k.har')).length).toBeGreaterThan(1 << 20);
    for (const args of [['--json', '--consumer-secret', CONSUMER_SECRET], ['--consumer-secret', CONSUMER_SECRET]]) {
      const whole = await runBin(['inspect', file('2k.har'), ...args], { env: { NO_COLOR: '1' }, timeoutMs: 240_000 });
      const streamed = await runBin(['inspect', file('2k.har'), ...args], { env: { NO_COLOR: '1', OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, timeoutMs: 240_000 });
      expect(streamed.code).toBe(whole.code);
      expect(streamed.stdout).toBe(whole.stdout);
      expect(streamed.stderr).toBe(whole.stderr);
    }
  }, 900_000);

  it('a damaged large file is one line naming the place, exit 2', async () => {
    const har = readFileSync(file('2k.har'));
    const damaged = har.subarray(0, har.length - 200);
    writeFileSync(file('damaged.har'), damaged);
    const result = await runBin(['inspect', file('damaged.har')], { env: { OAUTH_DOCTOR_STREAM_MIN_BYTES: '0' }, timeoutMs: 240_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/never closed.*byte \d+ \(line 1, column \d+\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});

describe('a secret cut short before an ellipsis, with 20,000 secrets', () => {
  // A base-string diff or a preview cut inside a secret: `…&oauth_token=tok00001…`.
  const timeOf = (redactor: Redactor) => {
    const started = performance.now();
    for (let i = 0; i < 500; i++) expect(redactor.redact(`expected …&oauth_token%3D${numberedSecret(i % 200).slice(0, 8)}… got …`)).not.toMatch(/tok\d{5}/);
    return performance.now() - started;
  };

  it('is masked, at about the same cost a text with 100 times as many secrets (they are looked up by how they start)', () => {
    const few = redactorWithSecrets(200);
    const many = redactorWithSecrets(20_000);
    timeOf(few);
    timeOf(many);
    // Every secret tried at every ellipsis made this some 100 times slower.
    expect(timeOf(many)).toBeLessThan(10 * timeOf(few) + 250);
    // The longest cut wins, a secret not cut is left alone, our own masks are not cut secrets.
    expect(many.redact(`x=${numberedSecret(12_345).slice(0, 9)}…`)).not.toContain('tok001234');
    expect(many.redact('x=abcdefgh…')).toBe('x=abcdefgh…');
    expect(many.redact(`${numberedSecret(7)} and ${numberedSecret(8).slice(0, 5)}…`)).not.toMatch(/tok\d/);
  }, 120_000);
});
