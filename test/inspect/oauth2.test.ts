import { describe, expect, it } from 'vitest';
import { parseRawHttp } from '../../src/capture/raw-http.js';
import { inspectCapture } from '../../src/inspect/inspect.js';
import { signRequest } from '../../src/oauth/sign-request.js';

/** An OAuth 1.0a-signed call that an OAuth 2.0-only endpoint answers with a Bearer challenge (X API v2 style). */
function capture(): string {
  const signed = signRequest({
    method: 'GET',
    url: 'https://api.x.com/2/users/me',
    client: { consumerKey: 'ck', consumerSecret: 'cs' },
    token: { token: '1234-accesstoken', tokenSecret: 'ts' },
    signatureMethod: 'HMAC-SHA1',
    timestamp: '1318622958',
    nonce: 'n0nce',
  });
  return [
    'GET /2/users/me HTTP/1.1',
    'Host: api.x.com',
    `Authorization: ${signed.authorization}`,
    '',
    'HTTP/1.1 401 Unauthorized',
    'WWW-Authenticate: Bearer realm="api.x.com", error="invalid_token", error_description="OAuth 2.0 user context required"',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

describe('inspect: an OAuth 1.0a request answered by an OAuth 2.0 endpoint', () => {
  it('reads the Bearer challenge as OAuth 2.0 and ranks oauth2-endpoint likely, with the signed leg as evidence', () => {
    const report = inspectCapture(parseRawHttp(capture(), { source: 'capture.http' }), { lang: 'en' });
    const diagnosis = report.findings[0]?.diagnosis;
    expect(diagnosis?.problem.code).toMatch(/^oauth2:/);
    const cause = diagnosis?.causes.find((c) => c.id === 'oauth2-endpoint');
    expect(cause?.likelihood).toBe('likely');
    expect(cause?.evidence.join(' ')).toMatch(/HMAC-SHA1/);
  });
});
