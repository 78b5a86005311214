import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemFromTextUnguarded as readProblemFromText, readProblemUnguarded as readProblem } from '../../src/diagnose/read-problem.js';
import { diagnosisJson, renderDiagnosis } from '../../src/diagnose/render.js';
import { parseSessionRecord } from '../../src/diagnose/session-file.js';
import { secretsInText } from '../../src/diagnose/secrets-in-text.js';
import type { DetectedProblem, ProblemSource } from '../../src/diagnose/types.js';
import { PLAIN } from '../../src/terminal/color.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);
const SOURCES: readonly ProblemSource[] = ['argument', 'www-authenticate', 'form-body', 'url-query', 'json-body', 'xml-body', 'html-page', 'oauthlib-error', 'plain-text', 'status-only'];

/** Pieces of every carrier, so random text often looks almost like a real response. */
const FRAGMENTS = [
  'HTTP/1.1 401 Unauthorized\r\n', 'HTTP/2 503\n', 'WWW-Authenticate: OAuth ', 'realm="', '", ', 'oauth_problem=', 'oauth_problem="',
  'token_rejected', 'timestamp_refused', 'parameter_absent', '&', '=', '%', '%26', '%3D', '%2', '+', 'oauth_parameters_absent=',
  'oauth_acceptable_timestamps=', '1-2', '-', 'debug_sbs=', 'POST&', 'oauth_signature_base_string=', '{"errors":[{"code":', '89', '}]}',
  '{"stat":"fail","code":', '<rsp stat="fail"><err code="', '" msg="', '/>', '<error code="', '</error>', '<hash>', '<html><body>',
  '<script>', '</script', 'The request token for this page is invalid', 'このページのリクエスト・トークンが無効です', '&#', '&amp;', '&#x',
  'error=invalid_request&error_description=', 'https://', 'http://x/cb?denied=', '?', '#', '\n', '\r\n\r\n', '"', "'", '\\', '\u0000', '\u001b[2J',
  'o:errorDetails', '"o:errorCode":"INVALID_LOGIN"', 'x:', 'flickr:', 'netsuite:', 'Date: ', 'Sun, 22 Nov 2026 09:00:00 GMT', '\ud800',
  // OAuth 2.0 (RFC 6749 §5.2, §4.1.2.1; RFC 6750 §3): Bearer challenges alone and beside OAuth, JSON and query errors
  'WWW-Authenticate: Bearer ', 'Bearer', 'error="', 'invalid_token', 'insufficient_scope', 'error_description="', 'error_uri=', 'scope="',
  ', OAuth realm="', 'DPoP algs="ES256", ', '{"error":"invalid_grant"', ',"error_description":"', ',"error_uri":"', '"}', 'error=invalid_client',
  'error=access_denied&state=', 'oauth2:', 'invalid_grant', 'unsupported_grant_type',
];

const almostResponse = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), almostResponse);

const headerValue = fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }), fc.constant(undefined));
const response = fc.record(
  {
    status: fc.oneof(fc.integer(), fc.constantFrom(200, 400, 401, 403, 429, 503), fc.double(), fc.constant(undefined)),
    headers: fc.dictionary(fc.oneof(fc.constantFrom('WWW-Authenticate', 'www-authenticate', 'Date', 'content-type'), fc.string({ maxLength: 10 })), headerValue, { maxKeys: 4 }),
    body: fc.oneof(anyText, fc.constant(undefined)),
    url: fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), anyText, fc.constant(undefined)),
    requestHeaders: fc.dictionary(fc.oneof(fc.constantFrom('Authorization', 'authorization'), fc.string({ maxLength: 10 })), fc.oneof(fc.constant('Bearer abc'), headerValue), { maxKeys: 2 }),
  },
  { requiredKeys: [] },
);

function wellFormed(problem: DetectedProblem | undefined): void {
  if (problem === undefined) return;
  expect(typeof problem.code).toBe('string');
  expect(problem.code.length).toBeGreaterThan(0);
  expect(SOURCES).toContain(problem.source);
  expect(['exact', 'mapped', 'heuristic']).toContain(problem.confidence);
  for (const value of Object.values(problem.parameters)) expect(typeof value).toBe('string');
}

// The unguarded readers: a bug must show as a throw here, not be swallowed by the public guard.
describe('the readers never throw, whatever a provider sends (fast-check)', () => {
  it(`readProblemFromText on arbitrary text (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => wellFormed(readProblemFromText(text))),
      { numRuns: RUNS },
    );
  });

  it(`readProblem on arbitrary responses (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(response, (r) => wellFormed(readProblem(r as Parameters<typeof readProblem>[0]))),
      { numRuns: RUNS },
    );
  });

  it(`readProblemFromText with --status and --header beside it (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.integer({ min: 100, max: 599 }), { nil: undefined }), fc.dictionary(fc.string({ maxLength: 8 }), anyText, { maxKeys: 2 }), (text, status, headers) =>
        wellFormed(readProblemFromText(text, { status, headers })),
      ),
      { numRuns: RUNS },
    );
  });

  it(`whatever is read can be diagnosed and rendered in both languages (${RUNS} runs)`, () => {
    const c = PLAIN;
    fc.assert(
      fc.property(anyText, fc.constantFrom('en' as const, 'ja' as const), (text, lang) => {
        const problem = readProblemFromText(text);
        if (!problem) return;
        const d = diagnose(problem, {}, { lang });
        expect(renderDiagnosis(d, c).length).toBeGreaterThan(0);
        expect(() => JSON.stringify(diagnosisJson(d))).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  });

  it(`session files: any JSON is accepted or rejected with reasons, never thrown on; accepted ones diagnose (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const parsed = parseSessionRecord(json);
        if (!parsed.ok) {
          expect(parsed.problems.length).toBeGreaterThan(0);
          return;
        }
        diagnose({ code: 'token_rejected', source: 'argument', confidence: 'exact', parameters: {} }, parsed.evidence, { lang: 'en' });
      }),
      { numRuns: RUNS },
    );
  });

  it(`secretsInText never throws (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        // Any length since issue 14 item 11 (the Redactor masks a short one only where it stands as a value), never empty.
        for (const secret of secretsInText(text)) expect(secret.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it(`oauthlib's OAuth 1 answers (form-encoded) never become OAuth 2.0 without a sign of it; the same in JSON carries the json-error sign (${RUNS} runs)`, () => {
    // oauthlib/oauth1/rfc5849/errors.py: the values its OAuth 1 endpoints send; no Bearer, no error_uri, no state.
    const oauth1Error = fc.constantFrom('invalid_request', 'invalid_client', 'invalid_signature_method', 'insecure_transport_protocol');
    // A description in OAuth 2.0's own words or carrying its parameters (state=, error_uri, Bearer: RFC 6749 §4.1.2.1, RFC 6750 §3) (a grant type, a redirect_uri, a client secret, an authorization code, AADSTS…) is itself a sign (issue #12).
    const oauth2Words = /grant|redirect|verifier|pkce|challenge|secret|assertion|authentication|credential|aadsts|authori[sz]ation|auth code|consent|interaction|session|login|inactiv|tenant|application|\bapp\b|response.?type|client.?type|policy|mfa|multi.?factor|sign.?in|signed.?out|logged.?out|authenticate|state=|error_uri|bearer|oauth2:/i;
    const description = fc.oneof(fc.constant(undefined), fc.string({ maxLength: 40 }), almostResponse).filter((text) => text === undefined || !oauth2Words.test(text));
    fc.assert(
      fc.property(oauth1Error, description, fc.boolean(), fc.constantFrom(400, 401), (error, text, asJson, status) => {
        const body = asJson
          ? JSON.stringify(text === undefined ? { error, error_description: '' } : { error, error_description: text })
          : `error=${error}${text === undefined ? '' : `&error_description=${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '\ufffd'))}`}`;
        const problem = readProblem({ status, body });
        // RFC 6749 §5.2 answers in JSON; oauthlib's OAuth 1 endpoints answer form-encoded (OAuth1Error.urlencoded).
        if (asJson && problem?.oauth2Signals !== undefined) expect(problem.oauth2Signals).toContain('json-error');
        if (asJson) return;
        expect(problem?.code ?? '').not.toMatch(/^oauth2:/);
        expect(problem?.oauth2Signals ?? []).toEqual([]);
      }),
      // The deep run's counterexample (seed -626830628): a code-like word in the description was read as a second answer.
      { numRuns: RUNS, examples: [['invalid_request', 'netsuite:invalid_token', true, 400]] },
    );
  });

  it('hostile, huge inputs still come back (no catastrophic backtracking)', () => {
    const huge = [
      'oauth_problem='.repeat(20_000),
      '<'.repeat(200_000),
      '<script'.repeat(30_000),
      '&#'.repeat(100_000),
      'nonce '.repeat(50_000) + 'already',
      'timestamp '.repeat(50_000),
      'http://a/?'.repeat(30_000) + 'denied=x',
      'debug_sbs=POST&'.repeat(10_000),
      `{"errors":[${'{"code":1},'.repeat(20_000)}{"code":89}]}`,
      'WWW-Authenticate: OAuth ' + 'a="b", '.repeat(30_000),
      'WWW-Authenticate: Bearer ' + 'error="x", '.repeat(30_000),
      'WWW-Authenticate: ' + '"'.repeat(100_000) + 'Bearer',
      `{"error":"invalid_grant","error_description":"${'\\u0041'.repeat(50_000)}"}`,
    ];
    for (const text of huge) wellFormed(readProblemFromText(text));
    wellFormed(readProblem({ headers: { 'www-authenticate': 'OAuth ' + 'x=,'.repeat(100_000) }, body: '%'.repeat(100_000) }));
  });
});
