import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblem, readProblemFromText, readTextReading } from '../../src/diagnose/read-problem.js';
import { diagnosisJson, renderDiagnosis } from '../../src/diagnose/render.js';
import { findingFromProblemDetails, isProblemJsonType, isXPartialErrorDocument, problemDetailsOf, xProblemName } from '../../src/diagnose/read/problem-details.js';
import { statusFinding } from '../../src/diagnose/read/status-only.js';
import type { DetectedProblem, Likelihood } from '../../src/diagnose/types.js';
import { PLAIN } from '../../src/terminal/color.js';

const DIR = new URL('../fixtures/problem-details/', import.meta.url);

type Expected =
  | 'not-a-problem'
  | (Partial<Pick<DetectedProblem, 'code' | 'providerCode' | 'provider' | 'source' | 'confidence' | 'status' | 'message'>> & {
      parameters?: Record<string, string>;
      /** The first cause, as the ranking puts it with no session. */
      top: readonly [string, Likelihood];
      /** Other causes whose likelihood the evidence fixes. */
      also?: Readonly<Record<string, Likelihood>>;
      /** A fix (any audience) must say this. */
      fix?: RegExp;
    });

const X_OAUTH1_PERMISSIONS = 'Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.';

/** One fixture per shape; see test/fixtures/problem-details/README.md for where each was seen. */
const CORPUS: Record<string, Expected> = {
  'x-v2-oauth1-permissions.http': {
    code: 'x:v2:oauth1-permissions', providerCode: 'x:v2:oauth1-permissions', provider: 'x', source: 'json-body', confidence: 'mapped', status: 403, message: X_OAUTH1_PERMISSIONS,
    parameters: { type: 'https://api.twitter.com/2/problems/oauth1-permissions', title: 'Forbidden' },
    top: ['insufficient-scope', 'likely'],
    fix: /regenerate the access token and secret/,
  },
  // No HTTP status given: the body's status stands in (RFC 9457 §3.1.2); the api.x.com host names the same type
  'x-v2-oauth1-permissions-body-only-x-host.json': { code: 'x:v2:oauth1-permissions', status: 403, parameters: { type: 'https://api.x.com/2/problems/oauth1-permissions' }, top: ['insufficient-scope', 'likely'] },
  'x-v2-client-forbidden.http': {
    code: 'x:v2:client-forbidden', provider: 'x', confidence: 'mapped', status: 403,
    parameters: { reason: 'client-not-enrolled', required_enrollment: 'Appropriate Level of API Access', title: 'Client Forbidden' },
    top: ['api-access-level', 'likely'], also: { 'app-suspended': 'possible' },
    fix: /Project/,
  },
  'x-v2-unsupported-authentication-oauth1-refused.http': {
    code: 'x:v2:unsupported-authentication', status: 403, top: ['oauth2-endpoint', 'certain'], fix: /OAuth 2\.0 access token/,
    parameters: { authentication_used: 'OAuth 1.0a User Context', authentication_supported: 'OAuth 2.0 Application-Only' },
  },
  'x-v2-unsupported-authentication-unknown.json': {
    code: 'x:v2:unsupported-authentication', status: 403, top: ['malformed-header', 'likely'], also: { 'oauth2-endpoint': 'unlikely' },
    parameters: { authentication_used: 'Unknown', authentication_supported: 'OAuth 1.0a User Context, OAuth 2.0 User Context' },
  },
  // An app-only Bearer token refused where only user contexts are supported (RFC 6749 §4.4): the token acts for no person.
  'x-v2-unsupported-authentication-app-only.json': {
    code: 'x:v2:unsupported-authentication', top: ['app-only-token', 'certain'], also: { 'oauth2-endpoint': 'unlikely' },
    parameters: { authentication_used: 'OAuth 2.0 Application-Only', authentication_supported: 'OAuth 1.0a User Context, OAuth 2.0 User Context' },
  },
  // X v2's generic 401 for a bad signature, a wrong secret or a revoked token: the status reading, with the detail beside it
  'x-v2-unauthorized-about-blank.http': {
    code: 'http:401', providerCode: undefined, source: 'status-only', confidence: 'heuristic', status: 401, message: 'Unauthorized',
    parameters: { type: 'about:blank', title: 'Unauthorized' },
    top: ['wrong-secret', 'possible'],
  },
  'x-v2-usage-capped.http': {
    code: 'x:v2:usage-capped', status: 429, parameters: { period: 'Monthly', scope: 'Product', product_name: 'standard-basic' },
    top: ['rate-limited', 'likely'], also: { 'api-access-level': 'possible' }, fix: /period resets/,
  },
  'x-v2-too-many-requests.http': { code: 'http:429', source: 'json-body', confidence: 'heuristic', status: 429, parameters: { type: 'about:blank' }, top: ['rate-limited', 'likely'] },
  // A v2 type nobody listed is read by its status and named beside it
  'x-v2-invalid-request-unlisted-type.http': {
    code: 'http:400', providerCode: 'x:v2:invalid-request', provider: 'x', source: 'status-only', status: 400, message: 'One or more parameters to your request was invalid.',
    top: ['missing-parameter', 'possible'],
  },
  'x-v2-partial-errors-200.http': 'not-a-problem',
  'x-v2-partial-errors-only.json': 'not-a-problem',
  // Problem details from other hosts: read generically
  'generic-rfc9457-out-of-credit.http': {
    code: 'http:403', providerCode: undefined, provider: undefined, source: 'status-only', status: 403, message: 'Your current balance is 30, but that costs 50.',
    parameters: { type: 'https://example.com/probs/out-of-credit', title: 'You do not have enough credit.', instance: '/account/12345/msgs/abc', balance: '30' },
    top: ['insufficient-scope', 'possible'],
  },
  'generic-problem-nonce-phrase.http': {
    code: 'nonce_used', source: 'json-body', confidence: 'heuristic', status: 401, message: 'The nonce has already been used.',
    parameters: { type: 'https://api.example.org/problems/authentication', title: 'Authentication failed' },
    top: ['nonce-reuse', 'likely'],
  },
  // The HTTP status wins; the body's disagreeing status is shown beside it
  'generic-status-mismatch.http': { code: 'http:403', status: 403, parameters: { status: '401', type: 'about:blank' }, top: ['insufficient-scope', 'possible'] },
};

function read(file: string): DetectedProblem | undefined {
  return readProblemFromText(readFileSync(new URL(file, DIR), 'utf8'));
}

describe('RFC 9457 problem details and X API v2 answers (fixtures)', () => {
  it('every fixture file has an expectation, and every expectation a file', () => {
    expect(readdirSync(DIR).filter((f) => f !== 'README.md').sort()).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(Object.entries(CORPUS))('%s', (file, expected) => {
    const problem = read(file);
    if (expected === 'not-a-problem') {
      expect(problem, `${file}: ${problem?.code}`).toBeUndefined();
      return;
    }
    expect(problem, `${file} was not recognised`).toBeDefined();
    if (!problem) return;
    const { parameters, top, also, fix, ...fields } = expected;
    expect(problem).toMatchObject(fields);
    if ('providerCode' in fields && fields.providerCode === undefined) expect(problem.providerCode).toBeUndefined();
    if (parameters) expect(problem.parameters).toMatchObject(parameters);
    for (const lang of ['en', 'ja'] as const) {
      const d = diagnose(problem, {}, { lang });
      expect(d.problem.known).toBe(true);
      expect([d.causes[0]?.id, d.causes[0]?.likelihood]).toEqual(top);
      for (const [id, likelihood] of Object.entries(also ?? {})) expect(d.causes.find((c) => c.id === id)?.likelihood, id).toBe(likelihood);
      if (fix && lang === 'en') expect(d.fixes.map((f) => f.text).join('\n')).toMatch(fix);
    }
  });
});

describe('the reading carries the type and the detail', () => {
  it('text output names the v2 type and quotes the detail; --json has both', () => {
    const problem = read('x-v2-oauth1-permissions.http');
    if (!problem) throw new Error('not read');
    const d = diagnose(problem, {}, { lang: 'en' });
    const text = renderDiagnosis(d, PLAIN).join('\n');
    expect(text).toContain('x:v2:oauth1-permissions');
    expect(text).toContain('type = https://api.twitter.com/2/problems/oauth1-permissions');
    expect(text).toContain(`│ ${X_OAUTH1_PERMISSIONS}`);
    const json = diagnosisJson(d);
    expect(json.problem).toMatchObject({ code: 'x:v2:oauth1-permissions', message: X_OAUTH1_PERMISSIONS, parameters: { type: 'https://api.twitter.com/2/problems/oauth1-permissions' } });
  });

  it('the unsupported-authentication evidence quotes what X supports', () => {
    const problem = read('x-v2-unsupported-authentication-oauth1-refused.http');
    if (!problem) throw new Error('not read');
    const cause = diagnose(problem, {}, { lang: 'en' }).causes[0];
    expect(cause?.evidence.join(' ')).toContain('supports only: OAuth 2.0 Application-Only');
    const ja = diagnose(problem, {}, { lang: 'ja' }).causes[0];
    expect(ja?.evidence.join(' ')).toMatch(/OAuth 1\.0a User Context を受け付けず/);
  });

  it('unsupported-authentication: the detail is read once into parameters, shown in text and --json', () => {
    const problem = read('x-v2-unsupported-authentication-oauth1-refused.http');
    if (!problem) throw new Error('not read');
    const d = diagnose(problem, {}, { lang: 'en' });
    const text = renderDiagnosis(d, PLAIN).join('\n');
    expect(text).toContain('authentication_used = OAuth 1.0a User Context');
    expect(text).toContain('authentication_supported = OAuth 2.0 Application-Only');
    expect(diagnosisJson(d).problem).toMatchObject({ parameters: { authentication_used: 'OAuth 1.0a User Context', authentication_supported: 'OAuth 2.0 Application-Only' } });
  });

  it('the ranking reads the parameters, never the message', () => {
    const base: DetectedProblem = { code: 'x:v2:unsupported-authentication', providerCode: 'x:v2:unsupported-authentication', provider: 'x', source: 'json-body', confidence: 'mapped', status: 403, parameters: {} };
    const refused = 'Authenticating with OAuth 1.0a User Context is forbidden for this endpoint. Supported authentication types are [OAuth 2.0 Application-Only].';
    const fromMessageOnly = diagnose({ ...base, message: refused }, {}, { lang: 'en' });
    expect(fromMessageOnly.causes.find((c) => c.id === 'oauth2-endpoint')?.likelihood).not.toBe('certain');
    const fromParameters = diagnose({ ...base, parameters: { authentication_used: 'OAuth 1.0a User Context', authentication_supported: 'OAuth 2.0 Application-Only, OAuth 2.0 User Context' } }, {}, { lang: 'en' });
    expect(fromParameters.causes[0]).toMatchObject({ id: 'oauth2-endpoint', likelihood: 'certain' });
    expect(fromParameters.causes[0]?.evidence.join(' ')).toContain('supports only: OAuth 2.0 Application-Only, OAuth 2.0 User Context');
  });

  it('a body cannot supply the derived parameters itself, and a detail of another shape derives none', () => {
    const forged = { type: 'https://api.twitter.com/2/problems/unsupported-authentication', title: 'Unsupported Authentication', status: 403, detail: 'Something else went wrong.', authentication_used: 'OAuth 1.0a User Context', authentication_supported: 'OAuth 2.0 Application-Only' };
    const problem = readProblem({ status: 403, body: JSON.stringify(forged) });
    expect(problem?.providerCode).toBe('x:v2:unsupported-authentication');
    expect(problem?.parameters).not.toHaveProperty('authentication_used');
    expect(problem?.parameters).not.toHaveProperty('authentication_supported');
    const other = readProblem({ status: 403, body: JSON.stringify({ ...forged, type: 'https://api.twitter.com/2/problems/oauth1-permissions', detail: forged.detail.replace('Something else went wrong.', 'Authenticating with Unknown is forbidden for this endpoint. Supported authentication types are [OAuth 1.0a User Context].') }) });
    expect(other?.parameters).not.toHaveProperty('authentication_used');
  });

  it('a type argued as a code (x:v2:client-forbidden) is explained from its row', () => {
    const problem = readProblemFromText('x:v2:client-forbidden');
    expect(problem).toMatchObject({ code: 'x:v2:client-forbidden', providerCode: 'x:v2:client-forbidden', source: 'argument' });
  });
});

describe('the response around the body', () => {
  const bare = JSON.stringify({ title: 'Nope', status: 403 });

  it('application/problem+json lowers the bar: a title and a status are enough; plain JSON needs the shape', () => {
    expect(readProblem({ body: bare, headers: { 'Content-Type': 'application/problem+json; charset=utf-8' } })).toMatchObject({ code: 'http:403', status: 403, parameters: { title: 'Nope', type: 'about:blank' } });
    expect(readProblem({ body: bare, headers: { 'Content-Type': 'application/json' } })).toBeUndefined();
    expect(isProblemJsonType('Application/Problem+JSON')).toBe(true);
    expect(isProblemJsonType('application/problem+json-seq')).toBe(false);
  });

  it('a partial-error body beside a 4xx leaves the status reading, with no phrase read from the errors', () => {
    const body = readFileSync(new URL('x-v2-partial-errors-only.json', DIR), 'utf8');
    expect(readProblem({ status: 200, body })).toBeUndefined();
    expect(readProblem({ status: 403, body })).toMatchObject({ code: 'http:403', source: 'status-only' });
  });

  it('the reading says why partial errors are no problem, and only when nothing else was read', () => {
    const body = readFileSync(new URL('x-v2-partial-errors-only.json', DIR), 'utf8');
    expect(readTextReading(body)).toEqual({ notAProblem: 'x-v2-partial-errors' });
    expect(readTextReading(readFileSync(new URL('x-v2-partial-errors-200.http', DIR), 'utf8'))).toEqual({ notAProblem: 'x-v2-partial-errors' });
    expect(readTextReading(body, { status: 403 }).problem).toMatchObject({ code: 'http:403' });
    expect(readTextReading('{"data":{"id":"1"}}')).toEqual({ notAProblem: undefined });
    expect(readTextReading('token_rejected').notAProblem).toBeUndefined();
  });

  it('partial errors are told from a top-level problem and from X v1.1 codes', () => {
    expect(isXPartialErrorDocument({ errors: [{ type: 'https://api.twitter.com/2/problems/resource-not-found', title: 'Not Found Error' }] })).toBe(true);
    expect(isXPartialErrorDocument({ errors: [{ code: 89, message: 'Invalid or expired token.' }] })).toBe(false);
    expect(isXPartialErrorDocument({ type: 'https://api.twitter.com/2/problems/invalid-request', title: 'Invalid Request', errors: [{ type: 'https://api.twitter.com/2/problems/resource-not-found' }] })).toBe(false);
    expect(isXPartialErrorDocument({ errors: [{ type: 'https://example.com/problems/auth', title: 'Unauthorized' }] })).toBe(false);
  });

  it('X v1.1 errors[] and NetSuite problem details keep their own readers', () => {
    expect(readProblem({ status: 401, body: '{"errors":[{"code":89,"message":"Invalid or expired token."}]}' })).toMatchObject({ code: 'token_rejected', providerCode: 'x:89' });
    const netsuite = '{"type":"https://www.rfc-editor.org/rfc/rfc9110.html#section-15.5.2","title":"Unauthorized","status":401,"o:errorDetails":[{"detail":"Invalid login attempt.","o:errorCode":"INVALID_LOGIN"}]}';
    expect(readProblem({ status: 401, body: netsuite })).toMatchObject({ providerCode: 'netsuite:INVALID_LOGIN' });
  });
});

describe('the reader, member by member (RFC 9457 §3.1)', () => {
  it('ignores members of the wrong JSON type and defaults the type to about:blank', () => {
    expect(problemDetailsOf({ type: 7, title: 'Unauthorized', status: '401', detail: 'x' }, { problemJson: true })).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: undefined });
    expect(problemDetailsOf({ type: 'about:blank', status: 401 })).toBeUndefined();
    expect(problemDetailsOf({ title: 'T', status: 401, detail: 'D' })).toMatchObject({ type: 'about:blank', status: 401 });
    expect(problemDetailsOf([1, 2], { problemJson: true })).toBeUndefined();
  });

  it('cleans control characters and bidi overrides out of the text it keeps, and copies no secret-looking member', () => {
    const problem = problemDetailsOf({ type: 'about:blank', title: 'Bad\u001b[2J\u0007', detail: 'a\u202eb\nc', oauth_token: 'tok-secret', client_secret: 'shh', reason: 'r\u0000' });
    expect(problem).toMatchObject({ title: 'Bad [2J', detail: 'a b c', extensions: { reason: 'r' } });
    expect(problem?.extensions).not.toHaveProperty('oauth_token');
    expect(problem?.extensions).not.toHaveProperty('client_secret');
  });

  it('names X types under either host, nothing else', () => {
    expect(xProblemName('https://api.twitter.com/2/problems/usage-capped')).toBe('usage-capped');
    expect(xProblemName('https://api.x.com/2/problems/Client-Forbidden')).toBe('client-forbidden');
    expect(xProblemName('https://api.x.com.evil.example/2/problems/client-forbidden')).toBeUndefined();
    expect(xProblemName('http://api.twitter.com/2/problems/usage-capped')).toBeUndefined();
  });

  it('a status-only reading is the one the reader makes for a bare status, with the problem-details parameters beside it', () => {
    const body = JSON.stringify({ type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Try later.' });
    const reading = readProblem({ status: 503, body, headers: { 'Content-Type': 'application/problem+json' } });
    const bare = readProblem({ status: 503 });
    expect(reading).toMatchObject({ code: bare?.code, source: bare?.source, confidence: bare?.confidence, message: 'Try later.', parameters: { type: 'about:blank', title: 'Service Unavailable' } });
    expect(statusFinding(503, { parameters: { type: 'about:blank' } })).toEqual({ code: 'http:5xx', source: 'status-only', confidence: 'heuristic', parameters: { type: 'about:blank' } });
    expect(statusFinding(404)).toEqual({ code: 'http:404', source: 'status-only', confidence: 'heuristic', parameters: {} });
  });

  it('an X type with no status anywhere and no row is named, not guessed', () => {
    const details = problemDetailsOf({ title: 'operational-disconnect', detail: 'This stream has been disconnected for operational reasons.', type: 'https://api.twitter.com/2/problems/operational-disconnect' });
    expect(details && findingFromProblemDetails(details)).toMatchObject({ code: 'x:v2:operational-disconnect', provider: 'x', confidence: 'exact' });
  });
});
