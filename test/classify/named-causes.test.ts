import { describe, expect, it } from 'vitest';
import { runInProcess } from '../helpers/in-process.js';

interface Doc {
  problem: { code: string };
  causes: { id: string; likelihood: string }[];
}

async function explain(text: string, lang?: string): Promise<Doc> {
  const r = await runInProcess(['explain', '--json', ...(lang === undefined ? [] : ['--lang', lang]), '-'], { input: text });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

/**
 * Issue 12: words that name the cause outright lead the ranking, whatever code they came with; the generic signature
 * causes of the code never stand before them (knowledge/concepts.ts rows with `tier: 0` or `names: true`).
 */
describe('a cause the text names comes first', () => {
  it.each([
    // A missing credential beside OAuth 1.0a signature and key codes: nothing was signed with it.
    ['HTTP/1.1 401 Unauthorized\n\noauth_problem=signature_invalid&oauth_problem_advice=consumer+key+is+empty', 'signature_invalid', 'missing-parameter'],
    ['HTTP/1.1 401 Unauthorized\n\noauth_problem=consumer_key_rejected&oauth_problem_advice=consumer%20key%20is%20empty', 'consumer_key_rejected', 'missing-parameter'],
    ['HTTP/1.1 401 Unauthorized\n\noauth_problem=signature_invalid&oauth_problem_advice=No+credentials+provided', 'signature_invalid', 'missing-parameter'],
    ['HTTP/1.1 401 Unauthorized\n\noauth_problem=token_rejected&oauth_problem_advice=token+not+provided', 'token_rejected', 'missing-parameter'],
    ['HTTP/1.1 401 Unauthorized\n\noauth_problem=token_expired&oauth_problem_advice=Missing+access+token', 'token_expired', 'missing-parameter'],
    // The person said no.
    ['oauth_problem=signature_invalid&oauth_problem_advice=The+user+denied+access', 'signature_invalid', 'user-denied'],
    // An app-only token on a user endpoint.
    ['{"errors":[{"code":220,"message":"Application-only authentication is not allowed for this endpoint."}]}', 'x:220', 'app-only-token'],
    ['HTTP/1.1 403 Forbidden\n\n{"errors":[{"message":"This method requires a user context"}]}', 'additional_authorization_required', 'app-only-token'],
    ['HTTP/1.1 401 Unauthorized\n\n{"error":"invalid_token","error_description":"client credentials token cannot be used for this endpoint"}', 'oauth2:invalid_token', 'app-only-token'],
    ['{"error":{"code":"BadRequest","message":"/me request is only valid with delegated authentication flow."}}', 'additional_authorization_required', 'app-only-token'],
  ])('%s', async (text, code, first) => {
    const doc = await explain(text);
    expect(doc.problem.code).toBe(code);
    expect(doc.causes[0]?.id).toBe(first);
  });

  it.each([
    ['Error: Authorization header missing'],
    ['{"message":"Missing access token"}'],
    ['HTTP 401: no Bearer token'],
    ['{"error":"unauthorized","message":"No credentials provided"}'],
    ['エラー: コンシューマーキーが空です'],
  ])('a missing credential is read as missing, never as a signature, expiry or reuse: %s', async (text) => {
    const doc = await explain(text);
    expect(doc.problem.code).toBe('parameter_absent');
    expect(doc.causes[0]?.id).toBe('missing-parameter');
  });

  it('Japanese: an app-only token refused', async () => {
    const doc = await explain('アプリ専用の認証はこのエンドポイントでは許可されていません', 'ja');
    expect(doc.causes[0]?.id).toBe('app-only-token');
  });

  it('a log line whose fields are null is no missing credential (Keycloak event: userId=null)', async () => {
    const doc = await explain('WARN  [org.keycloak.events] (default task-12) type=CODE_TO_TOKEN_ERROR, realmId=ServoRealm, clientId=servoweb, userId=null, ipAddress=10.0.0.12, error=invalid_client_credentials, grant_type=authorization_code');
    expect(doc.problem.code).not.toBe('parameter_absent');
  });
});

/** Issue 12: a bare 401 on an OAuth 2.0 call (RFC 6750 §3.1) is an expired, then a revoked, access token; no signature cause. */
describe('a bare 401 on an OAuth 2.0 call', () => {
  it('with a Bearer token sent: expiry first, revocation next', async () => {
    const doc = await explain('> GET /v1/me HTTP/1.1\n> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig\n< HTTP/1.1 401 Unauthorized\n< Content-Type: application/json\n\n{"message":"Unauthorized"}');
    expect(doc.causes.slice(0, 2).map((c) => c.id)).toEqual(['expiry', 'revocation']);
    expect(doc.causes[0]?.likelihood).toBe('likely');
  });

  it('from an OAuth 2.0-only provider\'s host: expiry first, no signature cause likely', async () => {
    const doc = await explain('requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://www.googleapis.com/oauth2/v3/userinfo');
    expect(doc.causes[0]?.id).toBe('expiry');
    expect(doc.causes.find((c) => c.id === 'signature-base-mismatch')?.likelihood ?? 'unlikely').toBe('unlikely');
  });

  it('from an OAuth 1.0a-only provider\'s host (E*TRADE): not an OAuth 2.0 call, signature causes keep their place', async () => {
    const doc = await explain('GET https://api.etrade.com/v1/accounts/list\nHTTP/1.1 401 Unauthorized\r\nContent-Type: text/plain\r\n\r\nUnauthorized');
    expect(doc.problem.code).toBe('http:401');
    expect(doc.causes[0]?.id).not.toBe('expiry');
    expect(doc.causes.find((c) => c.id === 'signature-base-mismatch')?.likelihood).not.toBe('unlikely');
  });

  it('with nothing saying which protocol: the order is left to the evidence', async () => {
    const doc = await explain('HTTP/1.1 401 Unauthorized\n\n{"error":{"message":"Unauthorized","code":401}}');
    expect(doc.problem.code).toBe('http:401');
    expect(doc.causes[0]?.id).not.toBe('expiry');
  });
});

/** Issue 12: authorization servers' and libraries' own log lines read as what they are (knowledge/provider-codes/server-logs.ts). */
describe('server log lines', () => {
  it.each([
    ['WARN  [org.keycloak.events] (executor-thread-1) type=LOGIN_ERROR, realmId=demo, clientId=web, userId=null, ipAddress=10.0.0.1, error=invalid_redirect_uri, redirect_uri=https://app.example/cb', 'oauth2:invalid_request', 'redirect-mismatch'],
    ['WARN  [org.keycloak.events] (executor-thread-3) type="CODE_TO_TOKEN_ERROR", realmId="demo", clientId="web", userId="null", ipAddress="10.0.0.1", error="invalid_code_verifier", grant_type="authorization_code"', 'oauth2:invalid_grant', 'pkce-verifier-mismatch'],
    ['org.springframework.security.oauth2.core.OAuth2AuthenticationException: [invalid_state_parameter] ', 'flow:state-mismatch', 'state-mismatch'],
    ['2019-07-26 [ERR] Invalid grant type for client: implicit', 'oauth2:unauthorized_client', 'app-configuration'],
    ['League\\OAuth2\\Server\\Exception\\OAuthServerException: Client authentication failed in /app/vendor/league/oauth2-server/src/Exception/OAuthServerException.php:138', 'oauth2:invalid_client', 'client-authentication'],
  ])('%s', async (text, code, first) => {
    const doc = await explain(text);
    expect(doc.problem.code).toBe(code);
    expect(doc.causes[0]?.id).toBe(first);
  });
});
