// Issue 7, "input is hostile": every parser of outside input gets at least
// 10,000 generated cases in `npm run test:deep` (1,000 in a plain `npm test`;
// fast-check, fixed seeds) and must return a result
// or throw a typed DoctorError (stable kebab-case code, exit 2) — never
// anything else. These are the parsers no other property test covered:
// WWW-Authenticate, pasted raw responses, raw HTTP captures, shell words and
// curl lines, HAR (structured, mutated and random bytes), profiles, the
// authorise page's PIN and the callback URL, and inspect's analysis of
// whatever parsed. Form bodies, Authorization headers, readProblem,
// readProblemFromText, session files and secretsInText are fuzzed in
// test/oauth/properties.test.ts and test/diagnose/property.test.ts.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectFormat, parseCurl, parseHar, parseRawHttp, readCapture, splitShellCommands, type Capture } from '../../src/capture/index.js';
import { parseOAuthChallenge } from '../../src/diagnose/read/www-authenticate.js';
import { parseRawResponse } from '../../src/diagnose/read/raw-http.js';
import { DoctorError } from '../../src/errors.js';
import { parseCallbackUrl } from '../../src/flow/legs/authorize.js';
import { findVerifierInPage } from '../../src/flow/page-verifier.js';
import { mintRequestToken } from '../../src/flow/types.js';
import { inspectCapture } from '../../src/inspect/inspect.js';
import { readProfile, validateProfile } from '../../src/presets/profile.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);
const cases: Record<string, number> = {};
/** fast-check parameters for one parser's property (fixed seed, so a failure reproduces), counted for the summary. */
function run(parser: string, seed: number): { numRuns: number; seed: number } {
  cases[parser] = (cases[parser] ?? 0) + RUNS;
  return { numRuns: RUNS, seed };
}

/** A result, or a typed DoctorError; anything else thrown fails the property. */
function resultOrTypedError<T>(parse: () => T): T | DoctorError {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof DoctorError)) throw error;
    expect(error.code).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(error.exitCode).toBe(2);
    expect(error.message.length).toBeGreaterThan(0);
    return error;
  }
}
async function resultOrTypedErrorAsync<T>(parse: () => Promise<T>): Promise<T | DoctorError> {
  try {
    return await parse();
  } catch (error) {
    if (!(error instanceof DoctorError)) throw error;
    expect(error.exitCode).toBe(2);
    return error;
  }
}

/** Text built from pieces a parser cares about, random text and odd code units. */
function textFrom(fragments: readonly string[], maxLength = 40): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...fragments) },
    { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u001b[2J', '\u009b', '\ud800', '\udc00', '\r', '\n', '\t', ' ', '"', "'", '\\', '%', '%2', '%G0', '&', '=') },
  );
  return fc.array(unit, { maxLength }).map((parts) => parts.join(''));
}

function isCapture(value: Capture | DoctorError): value is Capture {
  return !(value instanceof DoctorError);
}

/** Whatever parsed goes on through inspect's analysis, which must not throw either. */
function inspectDoesNotThrow(capture: Capture, secret: string | undefined): void {
  const report = inspectCapture(capture, { lang: secret && secret.length % 2 ? 'ja' : 'en', consumerSecret: secret, tokenSecret: secret });
  expect(Array.isArray(report.findings)).toBe(true);
}

const OAUTH_NAMES = ['oauth_consumer_key', 'oauth_token', 'oauth_signature_method', 'oauth_signature', 'oauth_timestamp', 'oauth_nonce', 'oauth_version', 'oauth_callback', 'oauth_verifier', 'realm', 'oauth_problem', 'oauth_token_secret', 'oauth_body_hash'];
const oauthPair = fc.tuple(fc.constantFrom(...OAUTH_NAMES), textFrom(['HMAC-SHA1', 'PLAINTEXT', 'RSA-SHA1', '1318622958', 'abc%3D', '%26', 'oob', 'http%3A%2F%2Fx%2Fcb'], 4));
const authorizationLike = fc
  .tuple(fc.constantFrom('OAuth ', 'oauth ', 'OAuth', 'Basic ', ''), fc.array(oauthPair, { maxLength: 8 }), fc.constantFrom('"', '', "'"), fc.constantFrom(', ', ',', ' ', '&'))
  .map(([scheme, pairs, quote, sep]) => scheme + pairs.map(([n, v]) => `${n}=${quote}${v}${quote}`).join(sep));

describe('WWW-Authenticate and pasted responses', () => {
  const challengeText = fc.oneof(authorizationLike, textFrom(['OAuth', 'Basic realm="x"', 'realm=', '"', ',', '=', 'oauth_problem', '="token_rejected"', '&oauth_acceptable_timestamps=1-2', 'Digest ', ' ', '\\"']));

  it(`parseOAuthChallenge: undefined or a realm and string pairs (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(challengeText, (value) => {
        const challenge = parseOAuthChallenge(value);
        if (challenge === undefined) return;
        expect(challenge.realm === undefined || typeof challenge.realm === 'string').toBe(true);
        for (const [name, v] of challenge.parameters) expect(typeof name + typeof v).toBe('stringstring');
      }),
      run('WWW-Authenticate (parseOAuthChallenge)', 101),
    );
  });

  it(`parseRawResponse: always a status or none, headers and a body (${RUNS} runs)`, () => {
    const response = textFrom(['HTTP/1.1 401 Unauthorized\r\n', 'HTTP/2 200\n', 'HTTP/1.1 100 Continue\r\n\r\n', 'WWW-Authenticate: ', 'Content-Type: text/html\r\n', '\r\n', '\r\n\r\n', ': ', 'X-A:', 'oauth_problem=token_rejected', '<html>', 'Date: x\n']);
    fc.assert(
      fc.property(response, (text) => {
        const parsed = parseRawResponse(text);
        expect(parsed.status === undefined || Number.isInteger(parsed.status)).toBe(true);
        expect(typeof parsed.body).toBe('string');
        for (const values of Object.values(parsed.headers)) expect(Array.isArray(values)).toBe(true);
      }),
      run('raw HTTP response (parseRawResponse)', 102),
    );
  });
});

describe('captures: raw HTTP, shell words, curl lines, HAR', () => {
  const rawHttp = fc.oneof(
    textFrom(['POST /oauth/request_token HTTP/1.1\r\n', 'GET https://api.x.com/1/x?a=b HTTP/1.1\n', 'HTTP/1.1 401 Unauthorized\r\n', 'Host: api.example.com\r\n', 'Host: \r\n', 'Authorization: ', 'Transfer-Encoding: chunked\r\n', 'Content-Length: 5\r\n', 'Content-Length: -1\r\n', '\r\n', '\r\n\r\n', '5\r\nhello\r\n0\r\n\r\n', 'zz\r\n', 'Content-Type: application/x-www-form-urlencoded\r\n', 'a=b&oauth_token=x', ': ', '> ', '< ']),
    fc.tuple(fc.constantFrom('POST /oauth/access_token HTTP/1.1\r\nHost: api.example.com\r\nAuthorization: ', 'GET /cb?oauth_token=a&oauth_verifier=b HTTP/1.1\r\nHost: x\r\n'), authorizationLike, textFrom(['\r\n\r\n', 'HTTP/1.1 200 OK\r\n', 'oauth_token=a&oauth_token_secret=b', '\r\n'], 6)).map((parts) => parts.join('')),
  );

  it(`parseRawHttp: a capture or a typed error; what parses can be inspected (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(rawHttp, fc.constantFrom('http' as const, 'https' as const, undefined), fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }), (text, scheme, secret) => {
        const parsed = resultOrTypedError(() => parseRawHttp(text, { source: 'fuzz', scheme }));
        if (isCapture(parsed)) inspectDoesNotThrow(parsed, secret);
      }),
      run('raw HTTP capture (parseRawHttp + inspect)', 201),
    );
  });

  const shell = textFrom(['curl ', "'", '"', "$'", '\\', '\\\n', '\n', ';', '&&', '||', '|', '#', '$VAR', '$(x)', '`x`', ' ', '\\x41', "\\'", '\\u00e9', '-H ', '-X ']);

  it(`splitShellCommands: words or a typed error (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(shell, (text) => {
        const words = resultOrTypedError(() => splitShellCommands(text, 'fuzz'));
        if (words instanceof DoctorError) return;
        for (const command of words) for (const word of command) expect(typeof word.text).toBe('string');
      }),
      run('shell words (splitShellCommands)', 202),
    );
  });

  const curlLine = fc.oneof(
    textFrom(['curl ', 'curl.exe ', '$ curl ', '-X ', 'POST ', '-H ', "'Authorization: OAuth oauth_consumer_key=\"k\", oauth_signature=\"s\"' ", 'https://api.x.com/oauth/request_token ', "'https://a/b?c=d' ", '-d ', '--data-urlencode ', 'a=b ', '@file ', '@- ', '-F ', 'x=@y ', '--json ', '{} ', '-G ', '-I ', '--url ', '-T ', '-u ', '--compressed ', '-H @h ', "$'\\x41' ", '\\\n', '\n', ' ']),
    fc.tuple(fc.constantFrom('curl -X POST https://api.x.com/oauth/access_token -H ', "curl 'https://api.example.com/1/me?x=1' -H "), authorizationLike.map((a) => `'Authorization: ${a.replace(/'/g, '')}'`), textFrom([' -d a=b', ' --data-urlencode "s=a b"', " -H 'Content-Type: text/plain'", ' -G', ''], 3)).map((parts) => parts.join('')),
  );
  const readFile = fc.constantFrom(
    undefined,
    (() => 'status=hello&oauth_token=x') as (path: string) => string,
    ((path: string) => {
      throw Object.assign(new Error(`cannot read ${path}`), { code: 'ENOENT' });
    }) as (path: string) => string,
  );

  it(`parseCurl: a capture or a typed error, with and without files to read; what parses can be inspected (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(curlLine, readFile, fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }), (text, read, secret) => {
        const parsed = resultOrTypedError(() => parseCurl(text, { source: 'fuzz', readFile: read }));
        if (isCapture(parsed)) inspectDoesNotThrow(parsed, secret);
      }),
      run('curl lines (parseCurl + inspect)', 203),
    );
  });

  // HAR: a structure-aware generator whose every field may be wrong, then serialised and sometimes cut or spliced.
  const junk = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.boolean(), fc.double(), fc.jsonValue({ maxDepth: 1 }));
  const urlish = fc.oneof(
    fc.webUrl({ withQueryParameters: true }).map((u) => `${u}${u.includes('?') ? '&' : '?'}oauth_token=t&oauth_verifier=v`),
    fc.constantFrom('https://api.x.com/oauth/request_token', 'https://api.x.com/oauth/authorize?oauth_token=t', 'https://app.example/cb?oauth_token=t&oauth_verifier=v', 'https://app.example/cb?denied=t', 'not a url', ''),
    junk,
  );
  const header = fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('Authorization', 'WWW-Authenticate', 'Content-Type', 'Location', 'Date', 'Host'), junk), value: fc.oneof(authorizationLike, fc.constantFrom('application/x-www-form-urlencoded', 'Sun, 22 Nov 2026 09:00:00 GMT', 'OAuth oauth_problem="token_rejected"'), junk) }, { requiredKeys: [] }), junk);
  const body = fc.oneof(fc.constantFrom('oauth_token=a&oauth_token_secret=b&oauth_callback_confirmed=true', 'oauth_problem=signature_invalid&debug_sbs=POST%26x', '{"errors":[{"code":89}]}', ''), fc.string({ maxLength: 20 }), junk);
  const entry = fc.record(
    {
      startedDateTime: fc.oneof(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) }).map((d) => d.toISOString()), junk),
      time: fc.oneof(fc.nat(), junk),
      request: fc.oneof(fc.record({ method: fc.oneof(fc.constantFrom('GET', 'POST', 'get', 'PO ST'), junk), url: urlish, headers: fc.oneof(fc.array(header, { maxLength: 4 }), junk), postData: fc.oneof(fc.record({ mimeType: fc.oneof(fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data'), junk), text: body, params: fc.oneof(fc.array(junk, { maxLength: 2 }), junk) }, { requiredKeys: [] }), junk) }, { requiredKeys: [] }), junk),
      response: fc.oneof(fc.record({ status: fc.oneof(fc.constantFrom(200, 302, 401, 0, -1, 999), junk), headers: fc.oneof(fc.array(header, { maxLength: 3 }), junk), content: fc.oneof(fc.record({ text: body, encoding: fc.oneof(fc.constant('base64'), junk), mimeType: junk, size: junk }, { requiredKeys: [] }), junk), redirectURL: urlish }, { requiredKeys: [] }), junk),
      timings: fc.oneof(fc.record({ wait: fc.oneof(fc.nat(), junk) }), junk),
    },
    { requiredKeys: [] },
  );
  const har = fc.record({ log: fc.oneof(fc.record({ version: junk, creator: fc.oneof(fc.record({ name: junk, version: junk }), junk), entries: fc.oneof(fc.array(entry, { maxLength: 4 }), junk) }, { requiredKeys: [] }), junk) }, { requiredKeys: [] });
  const harBytes = fc.oneof(
    har.map((h) => JSON.stringify(h)),
    fc.tuple(har, fc.nat(), fc.constantFrom('', '"', '\\', '{', '}', ']', ',', '\u0000', '\ud800', '\\u00', '"oauth"')).map(([h, at, splice]) => {
      const text = JSON.stringify(h);
      const cut = at % (text.length + 1);
      return text.slice(0, cut) + splice + (at % 3 === 0 ? '' : text.slice(cut));
    }),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  it(`parseHar: a capture or a typed error, structured, cut, spliced and random; what parses can be inspected (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(harBytes, fc.boolean(), fc.option(fc.string({ minLength: 1, maxLength: 8 }), { nil: undefined }), (text, allEntries, secret) => {
        const parsed = resultOrTypedError(() => parseHar(Buffer.from(text, 'utf8'), { source: 'fuzz.har', allEntries }));
        if (isCapture(parsed)) inspectDoesNotThrow(parsed, secret);
      }),
      run('HAR (parseHar + inspect)', 204),
    );
  });

  it(`readCapture: any bytes under any name, format detected, read asynchronously (${RUNS} runs)`, async () => {
    const bytes = fc.oneof(harBytes.map((t) => Buffer.from(t, 'utf8')), rawHttp.map((t) => Buffer.from(t, 'latin1')), curlLine.map((t) => Buffer.from(t)), fc.uint8Array({ maxLength: 80 }).map((a) => Buffer.from(a)));
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('capture.har', 'capture.http', 'capture.txt', '-', '--curl'), async (buf, name) => {
        expect(['har', 'curl', 'http']).toContain(detectFormat(name, buf));
        await resultOrTypedErrorAsync(() => readCapture(buf, { source: name }));
      }),
      run('any capture (detectFormat + readCapture)', 205),
    );
  });
});

describe('profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FIELDS = ['name', 'extends', 'title', 'requestTokenUrl', 'authorizeUrl', 'accessTokenUrl', 'resourceUrl', 'signatureMethod', 'realm', 'scopeParameter', 'dialect', 'callback', 'registeredCallback', 'consumerKey', 'consumerSecret', 'privateKeyFile', 'requestTokenLifetimeSec', 'timestampWindowSec', 'notes', 'unknown'];
  const value = fc.oneof(fc.constantFrom('x', 'local', 'https://api.example.com/oauth/request_token', 'HMAC-SHA1', 'rsa-sha1', 'MD5', 'oob', 'loopback', 'problem-reporting', 'jira', 'ftp://x', '', 300, -1, 0, Number.POSITIVE_INFINITY, Number.NaN, null), fc.string({ maxLength: 10 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }), fc.jsonValue({ maxDepth: 1 }));
  const profile = fc.oneof({ weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 10 }) }, { weight: 1, arbitrary: fc.jsonValue() });

  it(`validateProfile: every problem listed, never a throw, on any JSON (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(profile, (data) => {
        const { problems, fields } = validateProfile(data);
        for (const problem of problems) expect(typeof problem).toBe('string');
        for (const field of Object.values(fields)) expect(['string', 'number']).toContain(typeof field);
      }),
      run('profiles (validateProfile)', 301),
    );
  });

  it(`readProfile: a profile or a typed error, for any file content (${RUNS} runs)`, () => {
    const path = join(dir, 'profile.json');
    const content = fc.oneof(profile.map((p) => JSON.stringify(p)), textFrom(['{', '}', '"', ':', ',', '[', ']', 'null', '"requestTokenUrl"', '"https://a/b"', '\ufeff'], 20), fc.string({ unit: 'binary', maxLength: 30 }));
    fc.assert(
      fc.property(content, (text) => {
        writeFileSync(path, text);
        const read = resultOrTypedError(() => readProfile(path, dir));
        if (read instanceof DoctorError) return;
        expect(typeof read.preset.requestTokenUrl).toBe('string');
      }),
      run('profiles (readProfile from a file)', 302),
    );
    // At 10,000 runs (test:deep), that many file writes and reads: over 30 s on a 2-core machine shared by other builds.
  }, 120_000);
});

describe('what the authorise step reads', () => {
  it(`findVerifierInPage: undefined or a value that looks like a verifier, never markup (${RUNS} runs)`, () => {
    const page = textFrom(['<html>', '<code id="oauth_verifier">', '</code>', '<input name="oauth_verifier" value="', '" />', 'data-oauth-verifier="', '<kbd><code>', '1234567', '</code></kbd>', 'oauth_verifier=', 'PIN: ', 'verifier is ', '<script>', '"><img src=x>', 'abcd-1234', '&quot;']);
    fc.assert(
      fc.property(page, (html) => {
        const verifier = findVerifierInPage(html);
        if (verifier !== undefined) expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{4,128}$/);
      }),
      run('authorise page PIN (findVerifierInPage)', 401),
    );
  });

  it(`parseCallbackUrl: an authorised token only for the pending token with a verifier, else a failure (${RUNS} runs)`, () => {
    const pending = mintRequestToken({ token: 'pending-token', secret: 'pending-secret', callbackConfirmed: true, extra: [] });
    const url = textFrom(['http://127.0.0.1:8080/callback', '?', '&', 'oauth_token=', 'pending-token', 'other', 'oauth_verifier=', 'v123', 'denied=', 'oauth_problem=', 'user_refused', '#', '%', '%26', '+']);
    fc.assert(
      fc.property(url, (callbackUrl) => {
        const result = parseCallbackUrl(callbackUrl, pending);
        if (result.ok) {
          expect(result.value.verifier?.length).toBeGreaterThan(0);
          expect(callbackUrl).toContain('pending-token');
        } else expect(result.failure.message.length).toBeGreaterThan(0);
      }),
      run('callback URL (parseCallbackUrl)', 402),
    );
  });
});

describe('summary', () => {
  it('fuzz cases per parser', () => {
    const lines = Object.entries(cases).map(([parser, n]) => `  ${parser}: ${n.toLocaleString('en')}`);
    console.log(`fuzz cases per parser (this file):\n${lines.join('\n')}`);
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(11);
    for (const n of Object.values(cases)) expect(n).toBeGreaterThanOrEqual(RUNS);
  });
});
