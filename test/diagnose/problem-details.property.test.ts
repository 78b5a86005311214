import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblemUnguarded as readProblem } from '../../src/diagnose/read-problem.js';
import { diagnosisJson, renderDiagnosis } from '../../src/diagnose/render.js';
import { PLAIN } from '../../src/terminal/color.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);
/** What a terminal must never receive raw: C0 but newline, DEL, C1, bidi overrides and isolates. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('\u001b[2J', '\u001b]0;pwned\u0007', '\u202egnp.exe', '\u0000', '\r\n', '\u009b31m', 'Invalid signature', 'Too Many Requests', 'Authenticating with Unknown is forbidden for this endpoint.  Supported authentication types are [OAuth 1.0a User Context].'),
);
const typeValue = fc.oneof(
  fc.constantFrom('about:blank', 'https://api.twitter.com/2/problems/oauth1-permissions', 'https://api.x.com/2/problems/unsupported-authentication', 'https://api.twitter.com/2/problems/usage-capped', 'https://api.twitter.com/2/problems/client-forbidden', 'https://api.twitter.com/2/problems/resource-not-found', 'https://example.com/probs/out-of-credit'),
  hostileText,
  fc.jsonValue(),
);
/** Any JSON type in every core member, as RFC 9457 §3.1 says a reader must survive. */
const member = (preferred: fc.Arbitrary<unknown>) => fc.oneof(preferred, fc.jsonValue(), hostileText);
const problemObject = fc.record(
  {
    type: typeValue,
    title: member(hostileText),
    status: member(fc.oneof(fc.constantFrom(401, 403, 429, 500), fc.integer())),
    detail: member(hostileText),
    instance: member(hostileText),
    errors: fc.array(fc.record({ type: typeValue, title: member(hostileText), detail: member(hostileText) }, { requiredKeys: [] }), { maxLength: 3 }),
    data: fc.jsonValue(),
  },
  { requiredKeys: [] },
).chain((core) => fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('reason', 'period', 'oauth_token', 'client_secret', '__proto__')), fc.jsonValue(), { maxKeys: 4 }).map((extensions) => ({ ...extensions, ...core })));

const response = fc.record({
  status: fc.oneof(fc.constant(undefined), fc.constantFrom(200, 401, 403, 429, 503), fc.integer()),
  contentType: fc.constantFrom(undefined, 'application/problem+json', 'application/json; charset=utf-8', 'text/plain'),
  host: fc.constantFrom(undefined, 'https://api.x.com/2/tweets', 'https://api.example.com/v1/me'),
});

describe('problem details: property tests', () => {
  // 120 s: each took 20 to 30 s when the 2 cores were shared, past the 30 s default (as b7409a3 did for readProfile).
  it(`arbitrary objects with type/title/status/detail of any JSON type never throw (${RUNS} runs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(problemObject, response, (object, { status, contentType, host }) => {
        const problem = readProblem({ status, headers: contentType === undefined ? {} : { 'Content-Type': contentType }, body: JSON.stringify(object), url: host });
        if (problem) diagnosisJson(diagnose(problem, {}, { lang: 'en' }));
      }),
      { numRuns: RUNS },
    );
  });

  it(`what the problem-details reader keeps and what is rendered from it holds no raw control character (${RUNS} runs)`, { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(problemObject, response, fc.constantFrom('en', 'ja'), (object, { status, contentType, host }, lang) => {
        const problem = readProblem({ status, headers: contentType === undefined ? {} : { 'Content-Type': contentType }, body: JSON.stringify(object), url: host });
        // Only readings the problem-details reader made: it always names the type.
        if (!problem || problem.parameters['type'] === undefined) return;
        for (const value of [problem.message ?? '', ...Object.keys(problem.parameters), ...Object.values(problem.parameters)]) expect(value).not.toMatch(RAW_CONTROL);
        const d = diagnose(problem, {}, { lang });
        for (const line of renderDiagnosis(d, PLAIN)) expect(line).not.toMatch(RAW_CONTROL);
        expect(JSON.stringify(diagnosisJson(d))).not.toMatch(RAW_CONTROL);
      }),
      { numRuns: RUNS },
    );
  });
});
