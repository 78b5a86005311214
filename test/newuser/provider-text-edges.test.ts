// cli5 item 4: a provider's description ending in \r (a CRLF-minded server, a Windows log) was shown as
// "Client authentication failed.\x0d" by flow and "oauth_problem_advice = Token is gone\x0d" by explain.
// Control characters and white space at either edge of the text are dropped where it is read.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';

describe('a trailing \\r in what a provider says', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'invalid_client', error_description: '\u0007 Client authentication failed.\r\n\r' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('flow (OAuth 2.0 token endpoint): shown without it, in narration, diagnosis and --json', async () => {
    const r = await runBin(['flow', '--token-endpoint', url, '--client-id', 'cli-1', '--grant', 'client-credentials'], { env: { OAUTH2_CLIENT_SECRET: 'not-the-secret-123' } });
    expect(r.code, r.stderr).toBe(1);
    const shown = r.stdout + r.stderr;
    expect(shown).toContain('Client authentication failed.');
    // The body line shows the raw JSON (escaped \r inside a string is fine); the description itself has no CR.
    expect(shown).not.toMatch(/failed\.\\x0d|failed\.\\x07|\\x07 Client/);
    expect(shown).toMatch(/error_description = Client authentication failed\.\n/);
    const json = await runBin(['flow', '--token-endpoint', url, '--client-id', 'cli-1', '--grant', 'client-credentials', '--json'], { env: { OAUTH2_CLIENT_SECRET: 'not-the-secret-123' } });
    expect(json.stdout).not.toMatch(/failed\.\\r/);
    expect(json.stdout).toContain('"Client authentication failed."');
  });

  it('explain (an OAuth 1.0a form body): oauth_problem_advice without it', async () => {
    const r = await runBin(['explain', 'oauth_problem=token_rejected&oauth_problem_advice=Token%20is%20gone%0D']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/oauth_problem_advice = Token is gone\n/);
    expect(r.stdout).not.toContain('\\x0d');
  });

  it('explain (an OAuth 2.0 body on stdin): error_description without it', async () => {
    const r = await runBin(['explain', '-'], { input: 'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n\r\n{"error":"invalid_grant","error_description":"Code was already redeemed.\\r\\u0000"}' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/error_description = Code was already redeemed\.\n/);
    expect(r.stdout).not.toMatch(/\\x0d|\\x00/);
  });
});
