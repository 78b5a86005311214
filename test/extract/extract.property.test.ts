import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractUnguarded } from '../../src/diagnose/extract/index.js';
import { looseObjectToJson } from '../../src/diagnose/extract/loose-object.js';
import { readCurlVerbose } from '../../src/capture/curl-verbose.js';
import { readProblemFromTextUnguarded } from '../../src/diagnose/read-problem.js';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { diagnosisJson, renderDiagnosis } from '../../src/diagnose/render.js';
import { secretsInText } from '../../src/diagnose/secrets-in-text.js';
import { Redactor } from '../../src/secrets/redactor.js';
import { PLAIN } from '../../src/terminal/color.js';
import { propertyRuns } from '../helpers/property-runs.js';

const RUNS = propertyRuns(1000);

/** Pieces of every shape the extractor looks for, so random text often nearly is one. */
const PIECES = [
  '{', '}', '[', ']', '"', "'", '\\"', "\\'", '\\\\', ':', '=>', '=', ',', ' ', '\n', "b'", 'b"', '&quot;', '&amp;', '&#39;', '&#x22;', '&',
  'error', 'oauth_problem', 'token_rejected', 'invalid_grant', '89', 'True', 'None', 'nil', ':error', 'OAuthException{', 'code=', 'message=',
  'HTTP/1.1 401 Unauthorized', 'status: ', '404', 'WWW-Authenticate: ', 'OAuth oauth_problem="', '> GET / HTTP/1.1', '< HTTP/1.1 503', '< ', '> ', '* ',
  'https://a.example/cb?', 'denied=', '<?xml', '<rsp stat="fail">', '<html>', 'curl ', '{"log":{"entries":[', '\ud800', '\u0000',
];
const nearlyStructured = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), nearlyStructured);

/** A secret-looking value planted in the paste: whatever is read, it must not come back in the reading's own words. */
const SECRET = 'Sx9secretQ7consumerW3';

describe('the extractor on arbitrary text', () => {
  it(`never throws, and what it returns is well formed (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const found = extractUnguarded(text);
        expect(found.fragments.length).toBeLessThanOrEqual(64);
        for (const fragment of found.fragments) {
          expect(['json', 'form', 'url', 'xml', 'html']).toContain(fragment.kind);
          expect(fragment.at).toBeGreaterThanOrEqual(0);
          if (fragment.kind === 'json') expect(() => JSON.parse(fragment.text)).not.toThrow();
        }
        if (found.status !== undefined) expect(found.status).toBeGreaterThanOrEqual(100);
      }),
      { numRuns: RUNS },
    );
  });

  it(`the loose object reader and the curl -v reader never throw (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const json = looseObjectToJson(text);
        if (json !== undefined) expect(() => JSON.parse(json)).not.toThrow();
        readCurlVerbose(text);
      }),
      { numRuns: RUNS },
    );
  });

  it(`a credential in the paste never reaches what explain prints (${RUNS} runs)`, () => {
    const carriers = fc.constantFrom(
      (s: string) => `{"error":"invalid_client","client_secret":"${s}"}`,
      (s: string) => `{'error': 'invalid_grant', 'client_secret': '${s}'}`,
      (s: string) => `oauth_problem=signature_invalid,oauth_consumer_secret=${s}`,
      (s: string) => `oauth_problem=\\"token_rejected\\"&oauth_token_secret=\\"${s}\\"`,
      (s: string) => `> POST /token HTTP/1.1\n> Authorization: Basic ${s}\n>\n< HTTP/1.1 400 Bad Request\n<\n{"error":"invalid_grant"}`,
      (s: string) => `{&quot;error&quot;:&quot;invalid_grant&quot;,&quot;refresh_token&quot;:&quot;${s}&quot;}`,
    );
    fc.assert(
      fc.property(carriers, nearlyStructured, nearlyStructured, (carrier, before, after) => {
        const text = `${before} ${carrier(SECRET)} ${after}`;
        const problem = readProblemFromTextUnguarded(text);
        if (problem === undefined) return;
        // As explain does: every credential named in the paste is masked in what is printed.
        const redactor = new Redactor();
        for (const secret of secretsInText(text)) redactor.add(secret);
        const diagnosis = diagnose(problem, {}, { lang: 'en' });
        expect(redactor.redact(JSON.stringify(diagnosisJson(diagnosis)))).not.toContain(SECRET);
        expect(redactor.redact(renderDiagnosis(diagnosis, PLAIN).join('\n'))).not.toContain(SECRET);
      }),
      { numRuns: RUNS },
    );
  });
});
