import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHar, readHar } from '../../src/capture/har/index.js';
import { isDoctorError } from '../../src/errors.js';
import { thrown } from '../helpers/thrown.js';
import { propertyRuns } from '../helpers/property-runs.js';

const entry = (url: string, extra: Record<string, unknown> = {}) => ({
  startedDateTime: '2024-06-18T10:00:00.000Z',
  time: 42.5,
  request: { method: 'POST', url, httpVersion: 'HTTP/1.1', headers: [{ name: 'Authorization', value: 'OAuth oauth_consumer_key="k", oauth_signature="s"' }, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: 'a=1' } },
  response: { status: 401, headers: [{ name: 'Date', value: 'Tue, 18 Jun 2024 10:00:01 GMT' }], content: { mimeType: 'text/plain', text: 'oauth_problem=token_rejected' } },
  timings: { send: 0, wait: 40, receive: 2 },
  ...extra,
});
const har = (entries: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ log: { version: '1.2', creator: { name: 'Firefox', version: '128.0' }, pages: [{ id: 'p' }], entries, ...extra } }, null, 2);
const parse = (text: string, allEntries = false) => parseHar(Buffer.from(text), { source: 'test.har', allEntries });

describe('HAR reading', () => {
  it('reads the fields inspect needs', () => {
    const capture = parse(har([entry('https://api.example.com/oauth/access_token')]));
    expect(capture).toMatchObject({ format: 'har', creator: 'Firefox 128.0', totalEntries: 1 });
    const exchange = capture.exchanges[0];
    expect(exchange).toMatchObject({ origin: 'entry 1', startedAt: Date.parse('2024-06-18T10:00:00.000Z'), durationMs: 42.5, waitMs: 40 });
    expect(exchange?.request).toMatchObject({ method: 'POST', url: 'https://api.example.com/oauth/access_token', body: { contentType: 'application/x-www-form-urlencoded', text: 'a=1' } });
    expect(exchange?.response).toMatchObject({ status: 401, body: 'oauth_problem=token_rejected' });
  });

  it('parses only entries that mention OAuth, unless asked for all', () => {
    const noise = { ...entry('https://cdn.example.com/app.js'), request: { method: 'GET', url: 'https://cdn.example.com/app.js', headers: [] }, response: { status: 200, headers: [], content: { text: 'console.log(1)' } } };
    const text = har([noise, entry('https://api.example.com/oauth/request_token'), noise]);
    expect(parse(text).exchanges.map((e) => e.origin)).toEqual(['entry 2']);
    expect(parse(text).totalEntries).toBe(3);
    expect(parse(text, true).exchanges).toHaveLength(3);
  });

  it('decodes base64 bodies, rebuilds form bodies from params, treats status 0 as no answer', () => {
    const base64 = entry('https://api.example.com/oauth/request_token', {
      response: { status: 200, headers: [], content: { text: Buffer.from('oauth_token=t&oauth_token_secret=s').toString('base64'), encoding: 'base64' } },
    });
    const params = entry('https://api.example.com/oauth/token', { request: { method: 'POST', url: 'https://api.example.com/oauth/token', headers: [], postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'a b', value: 'c&d' }] } } });
    const blocked = entry('https://api.example.com/oauth/authorize', { response: { status: 0, headers: [], content: {} } });
    const [first, second, third] = parse(har([base64, params, blocked])).exchanges;
    expect(first?.response?.body).toBe('oauth_token=t&oauth_token_secret=s');
    expect(second?.request.body?.text).toBe('a%20b=c%26d');
    expect(third?.response).toBeUndefined();
  });

  it('handles escapes, long strings with escaped quotes, a BOM and unicode', () => {
    const tricky = entry('https://api.example.com/oauth/x', { comment: 'a "quoted" \\ string ' + 'x'.repeat(100) + ' \\"oauth\\" ü 日本 \u2028', request: { method: 'GET', url: 'https://api.example.com/oauth/x?q=%22', headers: [{ name: 'X-Note', value: '\\' }] } });
    const text = '\uFEFF' + har([tricky, entry('https://api.example.com/oauth/y')]);
    const capture = parse(text);
    expect(capture.exchanges.map((e) => e.request.url)).toEqual(['https://api.example.com/oauth/x?q=%22', 'https://api.example.com/oauth/y']);
    expect(capture.exchanges[0]?.request.headers).toEqual([['X-Note', '\\']]);
  });

  it('accepts an empty entries array and skips unknown top-level members', () => {
    expect(parse('{"other":[1,{"a":"]"}],"log":{"entries":[],"x":{"y":"}"}},"z":null}').exchanges).toEqual([]);
  });

  it('reports progress and honours an abort between slices', async () => {
    const big = har(Array.from({ length: 400 }, (_, i) => entry(`https://api.example.com/oauth/x${i}`, { comment: 'y'.repeat(30_000) })));
    const seen: number[] = [];
    const capture = await readHar(Buffer.from(big), { source: 'big.har', onProgress: (done) => seen.push(done) });
    expect(capture.exchanges).toHaveLength(400);
    expect(seen.at(-1)).toBe(Buffer.byteLength(big));
    expect(seen.length).toBeGreaterThan(1);
    const controller = new AbortController();
    controller.abort();
    await expect(readHar(Buffer.from(big), { source: 'big.har', signal: controller.signal })).rejects.toMatchObject({ code: 'interrupted', exitCode: 130 });
  });
});

describe('HAR errors name where it broke', () => {
  it('a file cut short', () => {
    const text = har([entry('https://api.example.com/oauth/a'), entry('https://api.example.com/oauth/b')]);
    const error = thrown(() => parse(text.slice(0, text.length - 200)));
    expect(error.code).toBe('har-malformed');
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/test\.har: .* at byte \d+ \(line \d+, column \d+\)/);
  });

  it('invalid JSON inside an entry, with its position', () => {
    const text = har([entry('https://api.example.com/oauth/a')]).replace('"time": 42.5', '"time": 42.5,,');
    const error = thrown(() => parse(text));
    expect(error.code).toBe('har-malformed');
    expect(error.message).toContain('log.entries[0] is not valid JSON');
    const line = text.split('\n').findIndex((l) => l.includes('42.5,,')) + 1;
    expect(error.message).toContain(`(line ${line}, column`);
  });

  it('a mismatched bracket', () => {
    const text = '{"log":{"entries":[{"request":{"url":"oauth"]}]}}';
    const at = text.indexOf(']');
    expect(thrown(() => parse(text)).message).toContain(`found "]" where "}" was expected at byte ${at} (line 1, column ${at + 1})`);
  });

  it('JSON that is not a HAR', () => {
    expect(thrown(() => parse('{"hello":"world"}')).code).toBe('har-not-har');
    expect(thrown(() => parse('{"log":{"version":"1.2"}}')).message).toContain('no log.entries array');
    expect(thrown(() => parse('{"log":{"entries":{}}}')).message).toContain('entries must be an array');
    expect(thrown(() => parse('[]')).message).toContain('expected "{" opening the top-level object');
    expect(thrown(() => parse('')).code).toBe('har-empty');
    expect(thrown(() => parse('{"log":{"entries":[]}} trailing')).message).toContain('unexpected data after the end of the HAR');
  });

  it('a field of the wrong type names the field', () => {
    const broken = entry('https://api.example.com/oauth/a', { request: { method: 'POST', url: 42, headers: [] } });
    expect(thrown(() => parse(har([broken]))).message).toContain('log.entries[0].request.url should be a string but is number 42');
    const relative = entry('https://api.example.com/oauth/a', { request: { method: 'GET', url: '/oauth/relative', headers: [] } });
    expect(thrown(() => parse(har([relative]))).message).toContain('log.entries[0].request.url is not an absolute URL');
    const badHeader = entry('https://api.example.com/oauth/a', { request: { method: 'GET', url: 'https://a.example/oauth', headers: [{ name: 1, value: 'x' }] } });
    expect(thrown(() => parse(har([badHeader]))).message).toContain('log.entries[0].request.headers[0].name should be a string');
    const badDate = entry('https://api.example.com/oauth/a', { startedDateTime: 'yesterday' });
    expect(thrown(() => parse(har([badDate]))).code).toBe('har-invalid-field');
    const badStatus = entry('https://api.example.com/oauth/a', { response: { status: 42, headers: [] } });
    expect(thrown(() => parse(har([badStatus]))).message).toContain('log.entries[0].response.status should be an HTTP status code');
  });
});

describe('HAR parser properties (fast-check)', () => {
  const runs = { numRuns: propertyRuns(1000), seed: 20240618 };

  it('returns a capture or a DoctorError for any input, never anything else', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a).toString('latin1')), fc.json()), (text) => {
        try {
          parse(text);
        } catch (error) {
          if (!isDoctorError(error)) throw error;
        }
      }),
      runs,
    );
  });

  it('returns a capture or a DoctorError for damaged HARs (cut, bytes replaced, inserted)', () => {
    const base = har([entry('https://api.example.com/oauth/a'), entry('https://api.example.com/oauth/b', { comment: 'x"y\\z ü' })]);
    fc.assert(
      fc.property(fc.nat({ max: base.length }), fc.nat({ max: base.length }), fc.string({ maxLength: 3 }), fc.constantFrom('cut', 'replace', 'insert'), (at, length, text, how) => {
        const damaged = how === 'cut' ? base.slice(0, at) : how === 'replace' ? base.slice(0, at) + text + base.slice(at + (length % 4)) : base.slice(0, at) + text + base.slice(at);
        try {
          parse(damaged);
        } catch (error) {
          if (!isDoctorError(error)) throw error;
        }
      }),
      runs,
    );
  });

  it('finds exactly the entries JSON.parse finds, in order', () => {
    const harEntry = fc.record({ url: fc.webUrl(), comment: fc.string(), note: fc.jsonValue() }).map(({ url, comment, note }) => ({ ...entry(url), comment, note }));
    fc.assert(
      fc.property(fc.array(harEntry, { maxLength: 6 }), fc.boolean(), (entries, pretty) => {
        const text = JSON.stringify({ log: { version: '1.2', entries } }, null, pretty ? 2 : undefined);
        const urls = parse(text, true).exchanges.map((e) => e.request.url);
        expect(urls).toEqual((JSON.parse(text) as { log: { entries: { request: { url: string } }[] } }).log.entries.map((e) => e.request.url));
      }),
      { numRuns: propertyRuns(1000), seed: 7 },
    );
  });
});
