// Issue 15 item 11: raw HTTP with no scheme is not simply taken as https: the Host's port
// and the signature itself say which it was.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../src/oauth/sign-request.js';
import { runInProcess } from '../helpers/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'raw-scheme-'));

function rawRequest(url: string, host: string, name: string): string {
  const signed = signRequest({ method: 'GET', url, client: { consumerKey: 'ck', consumerSecret: 'cs-secret' }, token: { token: 'at-token-1234', tokenSecret: 'at-secret-5678' }, signatureMethod: 'HMAC-SHA1', timestamp: '1700000000', nonce: 'n1' });
  const file = join(dir, name);
  const path = new URL(url).pathname;
  writeFileSync(file, `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: ${signed.authorization}\r\n\r\nHTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: OAuth oauth_problem="signature_invalid"\r\nContent-Length: 0\r\n\r\n`);
  return file;
}

const SECRETS = ['--consumer-secret', 'cs-secret', '--token-secret', 'at-secret-5678'];

describe('issue 15 item 11: the scheme of raw HTTP written with a path', () => {
  it('a correctly signed http request is not blamed on a TLS-terminating proxy: the signature shows it was http', async () => {
    const file = rawRequest('http://api.example.com/1/me', 'api.example.com', 'http.txt');
    const r = await runInProcess(['inspect', file, ...SECRETS]);
    expect(r.stdout).not.toContain('TLS-terminating proxy');
    expect(r.stdout).toContain('the signature verifies only as http, so the request was http');
    const json = JSON.parse((await runInProcess(['inspect', file, ...SECRETS, '--json'])).stdout) as { signatureCheck: { matches: boolean } };
    expect(json.signatureCheck.matches).toBe(true);
  });

  it('Host with :80 is http without any secret', async () => {
    const file = rawRequest('http://api.example.com/1/me', 'api.example.com:80', 'port80.txt');
    const r = await runInProcess(['inspect', file, ...SECRETS, '--json']);
    const json = JSON.parse(r.stdout) as { signatureCheck: { matches: boolean } };
    expect(json.signatureCheck.matches).toBe(true);
  });

  it('an https request stays https, and --scheme still wins', async () => {
    const file = rawRequest('https://api.example.com/1/me', 'api.example.com', 'https.txt');
    const r = await runInProcess(['inspect', file, ...SECRETS, '--json']);
    expect((JSON.parse(r.stdout) as { signatureCheck: { matches: boolean } }).signatureCheck.matches).toBe(true);
    const forced = await runInProcess(['inspect', rawRequest('http://api.example.com/1/me', 'api.example.com', 'forced.txt'), ...SECRETS, '--scheme', 'https']);
    expect(forced.stdout).toContain('TLS-terminating proxy');
  });
});
