import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnose/diagnose.js';
import { readProblem, readProblemFromText } from '../../src/diagnose/read-problem.js';
import { diagnosisJson } from '../../src/diagnose/render.js';
import type { DetectedProblem, Diagnosis, LegRecord, SessionEvidence } from '../../src/diagnose/types.js';

const DIR = new URL('../fixtures/oauth2/', import.meta.url);

type Expected = Partial<Pick<DetectedProblem, 'code' | 'providerCode' | 'source' | 'confidence' | 'status'>> & {
  parameters?: Record<string, string>;
  /** The OAuth 2.0 signs the reader must report; [] means none at all. */
  signals?: DetectedProblem['oauth2Signals'];
  known?: boolean;
};

/** One fixture per shape: OAuth 2.0 in each carrier, Bearer alone and beside OAuth, and oauthlib's OAuth 1 answers that must stay OAuth 1. */
const CORPUS: Record<string, Expected> = {
  // RFC 6749 §5.2 token-endpoint errors: JSON (with and without a description, with error_uri) and form
  'token-json-invalid-grant.http': { code: 'oauth2:invalid_grant', source: 'json-body', confidence: 'exact', status: 400, signals: ['oauth2-only-code', 'oauth2-words', 'json-error'], parameters: { error_description: 'The authorization code has expired or was already used.' } },
  'token-json-unsupported-grant-type-no-description.http': { code: 'oauth2:unsupported_grant_type', source: 'json-body', confidence: 'exact' },
  // invalid_client is oauthlib's OAuth 1 value too: error_uri and the JSON it came in say OAuth 2.0 (oauthlib's OAuth 1 endpoints answer form-encoded), hints both
  'token-json-invalid-client-error-uri.http': { code: 'oauth2:invalid_client', source: 'json-body', confidence: 'heuristic', signals: ['error-uri', 'oauth2-words', 'json-error'], parameters: { error_uri: 'https://auth.example.com/docs/errors#invalid_client' } },
  'token-form-invalid-scope.http': { code: 'oauth2:invalid_scope', source: 'form-body', confidence: 'exact', parameters: { error_description: 'The requested scope is invalid, unknown, or malformed.' } },
  // RFC 6749 §4.1.2.1 redirects
  'redirect-access-denied-with-state.txt': { code: 'oauth2:access_denied', source: 'url-query', confidence: 'heuristic', signals: ['redirect-state'] },
  'redirect-temporarily-unavailable.txt': { code: 'oauth2:temporarily_unavailable', source: 'url-query', confidence: 'exact', signals: ['oauth2-only-code', 'redirect-state'] },
  // RFC 6750 §3.1 Bearer challenges
  'bearer-invalid-token.http': { code: 'oauth2:invalid_token', source: 'www-authenticate', confidence: 'exact', status: 401, signals: ['bearer-challenge'], parameters: { error_description: 'The access token expired' } },
  'bearer-insufficient-scope.http': { code: 'oauth2:insufficient_scope', source: 'www-authenticate', status: 403, parameters: { scope: 'tweet.read tweet.write users.read' } },
  'bearer-bare-challenge.http': { code: 'oauth2:bearer-challenge', source: 'www-authenticate', confidence: 'exact', signals: ['bearer-challenge'] },
  // "OAuth" inside a quoted description is not a second challenge
  'bearer-description-names-oauth.http': { code: 'oauth2:invalid_request', source: 'www-authenticate', confidence: 'exact', status: 400 },
  'bearer-unknown-error.http': { code: 'oauth2:invalid_dpop_proof', source: 'www-authenticate', known: false },
  'bearer-and-json-body.http': { code: 'oauth2:invalid_token', source: 'www-authenticate', parameters: { error_description: 'Token signature verification failed' } },
  // several challenges in one header, or one header each
  'mixed-bearer-error-oauth-realm.http': { code: 'oauth2:invalid_token', source: 'www-authenticate', signals: ['bearer-challenge'] },
  'mixed-bearer-oauth-token-rejected.http': { code: 'token_rejected', source: 'www-authenticate', confidence: 'exact', signals: ['bearer-challenge'] },
  'mixed-separate-challenges-no-error.http': { code: 'http:401', source: 'status-only', signals: ['bearer-challenge'] },
  // oauthlib's OAuth 1 endpoints: the same error= shape, read as before
  'oauthlib-oauth1-invalid-client.http': { code: 'consumer_key_unknown', providerCode: 'oauthlib:invalid_client', source: 'oauthlib-error', confidence: 'mapped', signals: [] },
  'oauthlib-oauth1-invalid-request-missing.http': { code: 'parameter_absent', source: 'oauthlib-error', confidence: 'heuristic', signals: [] },
  'oauthlib-oauth1-access-denied-callback.txt': { code: 'permission_denied', providerCode: 'oauthlib:access_denied', source: 'url-query', signals: [] },
};

describe('OAuth 2.0 answers are told apart from OAuth 1.0a (fixtures)', () => {
  it('every fixture file has an expectation, and every expectation a file', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(Object.entries(CORPUS))('%s', (file, expected) => {
    const problem = readProblemFromText(readFileSync(new URL(file, DIR), 'utf8'));
    expect(problem, `${file} was not recognised`).toBeDefined();
    if (!problem) return;
    const { parameters, signals, known, ...fields } = expected;
    expect(problem).toMatchObject(fields);
    if (parameters) expect(problem.parameters).toMatchObject(parameters);
    if (signals) expect(problem.oauth2Signals ?? []).toEqual(signals);
    const d = diagnose(problem, {}, { lang: 'en' });
    expect(d.problem.known).toBe(known ?? true);
    expect(d.causes.length).toBeGreaterThan(0);
  });
});

describe('reading: the evidence decides, and the shared codes need evidence', () => {
  it('oauthlib-shaped invalid_request with no OAuth 2.0 sign stays an OAuth 1 reading', () => {
    expect(readProblemFromText('error=invalid_request&error_description=Invalid+OAuth+version.')).toMatchObject({ code: 'version_rejected', source: 'oauthlib-error' });
  });

  it('the same invalid_request beside a Bearer challenge is OAuth 2.0, and the challenge says so exactly', () => {
    const p = readProblem({ status: 400, headers: { 'WWW-Authenticate': 'Bearer realm="api"' }, body: 'error=invalid_request&error_description=Invalid+OAuth+version.' });
    expect(p).toMatchObject({ code: 'oauth2:invalid_request', source: 'form-body', confidence: 'exact', oauth2Signals: ['bearer-challenge'] });
  });

  it('a request that carried Authorization: Bearer makes a shared code OAuth 2.0', () => {
    const p = readProblem({ status: 401, body: '{"error":"invalid_client","error_description":"Bad client"}', requestHeaders: { Authorization: 'Bearer abc.def' } });
    expect(p).toMatchObject({ code: 'oauth2:invalid_client', confidence: 'exact', oauth2Signals: ['bearer-request', 'json-error'] });
  });

  it('a JSON error object is OAuth 2.0\'s carrier (RFC 6749 §5.2), even with no description; the same code form-encoded stays oauthlib\'s OAuth 1', () => {
    expect(readProblemFromText('{"error":"invalid_client"}')).toMatchObject({ code: 'oauth2:invalid_client', oauth2Signals: ['json-error'] });
    expect(readProblemFromText('{"error":"invalid_client","error_description":"client not found"}')).toMatchObject({ code: 'oauth2:invalid_client', oauth2Signals: ['json-error'] });
    expect(readProblemFromText('error=invalid_client')?.code).toBe('consumer_key_unknown');
    // OAuth 1.0a's own words in the description outweigh the carrier.
    expect(readProblemFromText('{"error":"invalid_client","error_description":"Invalid consumer key"}')?.code).not.toMatch(/^oauth2:/);
  });

  it('a shared code in prose is OAuth 2.0 when the paste speaks of OAuth 2.0 (an oauth2 package) and not of OAuth 1.0a', () => {
    expect(readProblemFromText('Unhandled Exception: Exception: Provider error 401: invalid_client: Unauthorized\n#0 OAuth2Helper.getToken package:oauth2_client/oauth2_helper.dart:80')).toMatchObject({ code: 'oauth2:invalid_client' });
    expect(readProblemFromText('oauthlib.oauth2.rfc6749.errors.InvalidClientError: (invalid_client) client_secret is undefined')?.code).toBe('oauth2:invalid_client');
    expect(readProblemFromText('OAuth1Session failed: invalid_client: Bad client')?.code ?? '').not.toMatch(/^oauth2:/);
  });

  it('an OAuth 1.0a callback with oauth_token and a state is still OAuth 1 (oauth_* beside it outweighs state)', () => {
    expect(readProblem({ url: 'https://app.example.com/cb?oauth_token=abc&state=1&error=access_denied' })).toMatchObject({ code: 'permission_denied', providerCode: 'oauthlib:access_denied' });
  });

  it('a Bearer challenge answering a 2xx is not a refusal', () => {
    expect(readProblem({ status: 200, headers: { 'www-authenticate': 'Bearer realm="api"' } })).toBeUndefined();
  });

  it('a Bearer error outranks a phrase guessed from the body, never an exact oauth_problem', () => {
    expect(readProblem({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: 'Invalid signature' })).toMatchObject({ code: 'oauth2:invalid_token' });
    expect(readProblem({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, body: 'oauth_problem=signature_invalid' })).toMatchObject({ code: 'signature_invalid', confidence: 'exact', oauth2Signals: ['bearer-challenge'] });
  });

  it('codes typed as the argument: oauth2:<code>, a bare OAuth 2.0-only code, and shared codes left as typed', () => {
    expect(readProblemFromText('oauth2:invalid_token')).toMatchObject({ code: 'oauth2:invalid_token', source: 'argument' });
    expect(readProblemFromText('invalid_grant')).toMatchObject({ code: 'oauth2:invalid_grant', oauth2Signals: ['oauth2-only-code'] });
    expect(readProblemFromText('invalid_client')?.code).not.toMatch(/^oauth2:/);
  });

  it('a control character or a space in a Bearer error is not shown as a code', () => {
    const p = readProblem({ status: 401, headers: { 'www-authenticate': 'Bearer error="bad\u001b[2J code"' } });
    expect(p?.code).not.toContain('\u001b');
  });
});

const T0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function resourceRun(): SessionEvidence {
  const legs: LegRecord[] = [
    { leg: 'request_token', method: 'POST', url: 'https://api.x.com/oauth/request_token', at: T0, status: 200, signatureMethod: 'HMAC-SHA1' },
    { leg: 'access_token', method: 'POST', url: 'https://api.x.com/oauth/access_token', at: T0 + 30_000, status: 200, signatureMethod: 'HMAC-SHA1' },
    { leg: 'resource', method: 'GET', url: 'https://api.x.com/2/users/me', at: T0 + 31_000, status: 401, signatureMethod: 'HMAC-SHA1' },
  ];
  return { provider: 'x', legs, failedLegIndex: 2, observedAt: T0 + 31_000 };
}

function cause(d: Diagnosis, id: string) {
  const found = d.causes.find((c) => c.id === id);
  if (!found) throw new Error(`no cause ${id} in ${d.causes.map((c) => c.id).join(', ')}`);
  return found;
}

function read(text: string): DetectedProblem {
  const p = readProblemFromText(text);
  if (!p) throw new Error(`not recognised: ${text}`);
  return p;
}

describe('ranking oauth2-endpoint', () => {
  const bearerInvalidToken = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api", error="invalid_token"\n\n';

  it('is likely when a Bearer challenge answers a resource leg signed with OAuth 1.0a, and the evidence names the leg', () => {
    const d = diagnose(read(bearerInvalidToken), resourceRun(), { lang: 'en' });
    expect(d.causes[0]?.id).toBe('oauth2-endpoint');
    expect(cause(d, 'oauth2-endpoint').likelihood).toBe('likely');
    expect(cause(d, 'oauth2-endpoint').evidence.join(' ')).toMatch(/leg 3 \(resource\).*HMAC-SHA1/);
  });

  it('a bare Bearer challenge answering the signed leg is likely too', () => {
    const d = diagnose(read('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n\n'), resourceRun(), { lang: 'en' });
    expect(cause(d, 'oauth2-endpoint').likelihood).toBe('likely');
  });

  it('is only possible without a session, with the challenge as its evidence and a note saying why it reads as OAuth 2.0', () => {
    const d = diagnose(read(bearerInvalidToken), {}, { lang: 'en' });
    expect(cause(d, 'oauth2-endpoint').likelihood).toBe('possible');
    expect(cause(d, 'oauth2-endpoint').evidence.join(' ')).toMatch(/Bearer/);
    expect(d.notes?.join(' ')).toMatch(/Read as OAuth 2\.0, not OAuth 1\.0a, because: a `WWW-Authenticate: Bearer` challenge/);
  });

  it('beside an OAuth 1.0a problem it is possible and the OAuth 1.0a causes keep their ranks', () => {
    const plain = diagnose(read('token_rejected'), resourceRun(), { lang: 'en' });
    const mixed = diagnose(read('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api", OAuth realm="x", oauth_problem="token_rejected"\n\n'), resourceRun(), { lang: 'en' });
    expect(cause(mixed, 'oauth2-endpoint').likelihood).toBe('possible');
    const oauth1 = (d: Diagnosis) => d.causes.filter((c) => c.id !== 'oauth2-endpoint').map((c) => [c.id, c.likelihood]);
    expect(oauth1(mixed)).toEqual(oauth1(plain));
  });

  it('is unlikely when the request already carried a Bearer token (an OAuth 2.0 exchange)', () => {
    const p = readProblem({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token"' }, requestHeaders: { authorization: 'Bearer xyz' } });
    if (!p) throw new Error('not read');
    const d = diagnose(p, resourceRun(), { lang: 'en' });
    expect(cause(d, 'oauth2-endpoint').likelihood).toBe('unlikely');
    expect(cause(d, 'oauth2-endpoint').evidence.join(' ')).toMatch(/does not diagnose/);
  });

  it('an OAuth 1.0a problem with no OAuth 2.0 sign never mentions it', () => {
    for (const code of ['token_rejected', 'signature_invalid', 'http:401']) {
      expect(diagnose(read(code), resourceRun(), { lang: 'en' }).causes.map((c) => c.id)).not.toContain('oauth2-endpoint');
    }
  });

  it('access_denied in an OAuth 2.0 redirect keeps user-denied first', () => {
    const d = diagnose(read('https://app.example.com/cb?error=access_denied&state=s1'), {}, { lang: 'en' });
    expect(d.causes[0]).toMatchObject({ id: 'user-denied', likelihood: 'likely' });
  });

  it('speaks Japanese, and the JSON carries the signs', () => {
    const d = diagnose(read(bearerInvalidToken), resourceRun(), { lang: 'ja' });
    expect(d.problem.title).toMatch(/ベアラー/);
    expect(cause(d, 'oauth2-endpoint').title).toMatch(/OAuth 2\.0 を求めている/);
    expect(cause(d, 'oauth2-endpoint').evidence.join(' ')).toMatch(/レッグ 3/);
    expect(diagnosisJson(d).problem.oauth2Signals).toEqual(['bearer-challenge']);
  });

  it('an unknown OAuth 2.0 code is explained generically as OAuth 2.0', () => {
    const d = diagnose(read('oauth2:invalid_dpop_proof'), {}, { lang: 'en' });
    expect(d.problem.known).toBe(false);
    expect(d.problem.title).toMatch(/OAuth 2\.0 error oauth-doctor does not know/);
    expect(d.causes.map((c) => c.id)).toEqual(['provider-specific', 'oauth2-endpoint']);
  });
});

describe('registered OAuth 2.0 codes typed as a library spells them, and logfmt lines (issue 12)', () => {
  it('INVALID_CLIENT, InvalidClient, .invalidClient, ACCESS_DENIED, error: INVALID_GRANT read as the registered code, mapped, and the note names RFC 6749, not Problem Reporting', () => {
    const cases: [string, string][] = [
      ['INVALID_CLIENT', 'oauth2:invalid_client'],
      ['OAuthError.InvalidClient', 'oauth2:invalid_client'],
      ['.invalidClient', 'oauth2:invalid_client'],
      ['ACCESS_DENIED', 'oauth2:access_denied'],
      ['error: INVALID_GRANT', 'oauth2:invalid_grant'],
      ['AuthError.invalidScope', 'oauth2:invalid_scope'],
    ];
    for (const [text, code] of cases) {
      const problem = readProblemFromText(text);
      expect(problem, text).toMatchObject({ code, confidence: 'mapped', oauth2Signals: ['enum-form'] });
      const d = diagnose(problem as DetectedProblem, {}, { lang: 'en' });
      expect((d.notes ?? []).join(' '), text).toMatch(/registered OAuth 2\.0 code/);
      expect((d.notes ?? []).join(' '), text).not.toMatch(/Problem Reporting/);
    }
    // Words around it are not a code typed: "Invalid Client" in a sentence stays for the readers.
    expect(readProblemFromText('token_used')?.code).toBe('token_used');
    expect(readProblemFromText('TOKEN_USED')?.code).not.toMatch(/^oauth2:/);
  });

  it('a key=value log line keeps the quoted description after error= (logfmt)', () => {
    const problem = readProblemFromText('time=2024-05-01T10:00:00Z level=error msg="token exchange failed" error=invalid_client error_description="Client authentication failed" state=xyz');
    expect(problem?.code).toBe('oauth2:invalid_client');
    expect(problem?.parameters['error_description']).toBe('Client authentication failed');
    const d = diagnose(problem as DetectedProblem, {}, { lang: 'en' });
    expect(d.causes[0]?.id).toBe('client-authentication');
  });
});

describe('a refused token with no protocol marker, gRPC statuses, and OAuth 2.0 causes from words (issue 12)', () => {
  it('"Invalid access token" in a JSON body, beside a Bearer token, in a gRPC status or with nothing of OAuth 1.0a\'s reads as RFC 6750 invalid_token; with an oauth_* parameter or a request token it stays OAuth 1.0a', () => {
    for (const text of ['{"message":"Invalid access token"}', 'Authorization: Bearer abc\n{"code":401,"message":"Invalid token"}', 'rpc error: code = Unauthenticated desc = invalid access token']) {
      const problem = readProblemFromText(text);
      expect(problem, text).toMatchObject({ code: 'oauth2:invalid_token', confidence: 'heuristic' });
      expect(problem?.oauth2Signals, text).toContain('bearer-words');
    }
    // Nothing in the text is OAuth 1.0a's: the reading is OAuth 2.0's, and says that is why (read/protocol.ts).
    expect(readProblemFromText('Invalid access token')).toMatchObject({ code: 'oauth2:invalid_token', confidence: 'heuristic', oauth2Signals: ['bearer-words', 'no-oauth1-evidence'] });
    expect(readProblemFromText('Invalid access token (Trello)')?.code).toBe('token_rejected');
    expect(readProblemFromText('Invalid access token. Check the consumer key and token secret.')?.code).not.toMatch(/^oauth2:/);
    expect(readProblemFromText('{"message":"Invalid access token","oauth_token":"abc"}')?.code).toBe('token_rejected');
    expect(readProblemFromText('{"message":"Invalid request token"}')?.code).not.toMatch(/^oauth2:/);
  });

  it('a gRPC status gives the HTTP status google.rpc.Code maps it to', () => {
    expect(readProblemFromText('StatusCode.UNAUTHENTICATED details = "Authentication failed" grpc')?.status).toBe(401);
    expect(readProblemFromText('rpc error: code = PermissionDenied desc = insufficient permissions')?.status).toBe(403);
    expect(readProblemFromText('rpc error: code = ResourceExhausted desc = rate limit exceeded')?.status).toBe(429);
  });

  it("words on an OAuth 2.0 answer raise OAuth 2.0's causes: no signature or token secret, a refresh token's own causes, an assertion's clock", () => {
    const causes = (text: string) => diagnose(readProblemFromText(text) as DetectedProblem, {}, { lang: 'en' }).causes.map((c) => c.id);
    expect(causes('{"error":"access_denied","error_description":"authentication failure"}')).not.toContain('wrong-secret');
    expect(causes('{"error":"invalid_grant","error_description":"Invalid refresh token"}').slice(0, 2)).toEqual(['revocation', 'token-type-confusion']);
    expect(causes('{"error":"invalid_grant","error_description":"invalid assertion"}').slice(0, 2)).toEqual(['client-authentication', 'clock-skew']);
    expect(causes('{"error":"invalid_grant","error_description":"JWT validation failed: iat claim is in the future"}')[0]).toBe('clock-skew');
    expect(causes('{"error":"invalid_request","error_description":"cannot supply multiple client credentials"}')[0]).toBe('client-authentication');
    expect(causes('{"error":"invalid_request","error_description":"Service not found: https://api.example.com"}')[0]).toBe('app-configuration');
  });
});
