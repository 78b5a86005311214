import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/problem-details/', import.meta.url));
const OAUTH1_PERMISSIONS = '{"title":"Forbidden","status":403,"detail":"Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.","type":"https://api.twitter.com/2/problems/oauth1-permissions"}';

interface Doc {
  problem: { code: string; providerCode: string | null; source: string; status: number | null; message: string | null; parameters: Record<string, string> };
  causes: { id: string; likelihood: string; evidence: string[] }[];
  fixes: { text: string }[];
}

describe('oauth-doctor explain on RFC 9457 problem details (built CLI)', () => {
  it('the reproduction from the brief: --status 403 with X v2 oauth1-permissions, in text; exit 0', async () => {
    const r = await runCli(['explain', '--status', '403', OAUTH1_PERMISSIONS]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Problem: x:v2:oauth1-permissions — X API v2: the app's OAuth 1\.0a permission/);
    expect(r.stdout).toContain('type = https://api.twitter.com/2/problems/oauth1-permissions');
    expect(r.stdout).toContain('│ Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.');
    expect(r.stdout).toMatch(/◉ likely\s+insufficient-scope/);
    expect(r.stdout).toMatch(/regenerate\s+the\s+access\s+token\s+and\s+secret/);
    expect(r.stdout).not.toContain('HTTP 403 — best guess');
  });

  it('--json from stdin: a raw 403 application/problem+json response; the type and the detail are in the one document', async () => {
    const input = `HTTP/1.1 403 Forbidden\r\nContent-Type: application/problem+json\r\n\r\n${OAUTH1_PERMISSIONS}`;
    const r = await runCli(['explain', '-', '--json'], { input });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.problem).toMatchObject({ code: 'x:v2:oauth1-permissions', providerCode: 'x:v2:oauth1-permissions', source: 'json-body', status: 403, parameters: { type: 'https://api.twitter.com/2/problems/oauth1-permissions' } });
    expect(doc.problem.message).toMatch(/oauth1 app permissions/);
    expect(doc.causes[0]).toMatchObject({ id: 'insufficient-scope', likelihood: 'likely' });
  });

  it('unsupported-authentication from a file: oauth2-endpoint is certain, with X\'s list of supported types as the evidence', async () => {
    const r = await runCli(['explain', `${FIXTURES}x-v2-unsupported-authentication-oauth1-refused.http`, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(doc.causes[0]).toMatchObject({ id: 'oauth2-endpoint', likelihood: 'certain' });
    expect(doc.causes[0]?.evidence.join(' ')).toContain('OAuth 2.0 Application-Only');
    expect(doc.problem.parameters).toMatchObject({ authentication_used: 'OAuth 1.0a User Context', authentication_supported: 'OAuth 2.0 Application-Only' });
  });

  it('--lang ja: client-forbidden is said in Japanese, the reason kept as data', async () => {
    const r = await runCli(['explain', `${FIXTURES}x-v2-client-forbidden.http`, '--lang', 'ja']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/問題: x:v2:client-forbidden — X API v2: アプリがこのエンドポイントの利用登録を満たしていない/);
    expect(r.stdout).toContain('reason = client-not-enrolled');
    expect(r.stdout).toMatch(/api-access-level/);
  });

  it('a generic about:blank 401 is the status reading with the detail beside it', async () => {
    const r = await runCli(['explain', '{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as Doc).problem).toMatchObject({ code: 'http:401', source: 'status-only', status: 401, message: 'Unauthorized', parameters: { type: 'about:blank' } });
  });

  it('X v2 partial errors are not an OAuth problem: one line saying so instead of the list of carriers, exit 1', async () => {
    const r = await runCli(['explain', `${FIXTURES}x-v2-partial-errors-only.json`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['oauth-doctor: this is X API v2 reporting per-resource errors (an `errors` array beside `data`, e.g. resource-not-found) on a request it authenticated, not an authentication problem.']);
  });

  it('X v2 partial errors beside data in a 200, --json and --lang ja: the reason is data; the same body under a 403 is still the status reading', async () => {
    const r = await runCli(['explain', `${FIXTURES}x-v2-partial-errors-200.http`, '--json', '--lang', 'ja']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ recognised: false, reason: 'x-v2-partial-errors', message: expect.stringMatching(/認証の問題ではありません/) as unknown });
    expect(r.stderr).toMatch(/X API v2 が認証済みのリクエスト/);
    const under403 = await runCli(['explain', '--status', '403', `${FIXTURES}x-v2-partial-errors-only.json`, '--json']);
    expect(under403.code, under403.stderr).toBe(0);
    expect((JSON.parse(under403.stdout) as Doc).problem).toMatchObject({ code: 'http:403', source: 'status-only' });
  });

  it('a body nobody recognises still gets the list of what was looked for', async () => {
    const r = await runCli(['explain', '{"data":{"id":"1"}}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing in the input was recognised/);
    expect(r.stderr).toMatch(/RFC 9457 problem details/);
  });

  it('hostile text in a problem reaches the terminal neutralised', async () => {
    const r = await runCli(['explain', '--status', '401', JSON.stringify({ type: 'about:blank', title: 'x\u001b]0;pwned\u0007', detail: 'Invalid \u202esignature\u001b[2J' })]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toMatch(/[\u0007\u001b\u202e]/);
  });
});

/** A protected resource that answers as X API v2 does to a Read-only token. */
let resource: Server;
let resourceUrl: string;
let dir: string;
beforeAll(async () => {
  resource = createServer((_request, response) => {
    response.writeHead(403, { 'content-type': 'application/problem+json' });
    response.end(OAUTH1_PERMISSIONS);
  });
  await new Promise<void>((resolve) => resource.listen(0, '127.0.0.1', resolve));
  resourceUrl = `http://127.0.0.1:${(resource.address() as AddressInfo).port}/2/tweets`;
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-problem-details-'));
});
afterAll(async () => {
  await new Promise<void>((resolve) => resource.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('flow and inspect read the same answer (built CLI)', () => {
  it('flow: a protected call answered with X v2 problem details is diagnosed; exit 1', async () => {
    const r = await runCli(['flow', '--provider', 'local', '--authorize', 'http', '--resource-url', resourceUrl, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; diagnosis: Doc };
    expect(report.ok).toBe(false);
    expect(report.diagnosis.problem).toMatchObject({ code: 'x:v2:oauth1-permissions', status: 403, parameters: { type: 'https://api.twitter.com/2/problems/oauth1-permissions' } });
    expect(report.diagnosis.causes[0]?.id).toBe('insufficient-scope');
  });

  it('inspect: a HAR whose signed call got X v2 problem details names the type', async () => {
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'test', version: '1' },
        entries: [
          {
            startedDateTime: '2026-11-22T09:00:00.000Z',
            time: 50,
            request: {
              method: 'POST',
              url: 'https://api.x.com/2/tweets',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Authorization', value: 'OAuth oauth_consumer_key="ck", oauth_nonce="n1", oauth_signature="abc%3D", oauth_signature_method="HMAC-SHA1", oauth_timestamp="1795338000", oauth_token="123-tok", oauth_version="1.0"' }],
              queryString: [],
              cookies: [],
              headersSize: -1,
              bodySize: 0,
            },
            response: {
              status: 403,
              statusText: 'Forbidden',
              httpVersion: 'HTTP/1.1',
              headers: [{ name: 'Content-Type', value: 'application/problem+json' }],
              cookies: [],
              content: { size: OAUTH1_PERMISSIONS.length, mimeType: 'application/problem+json', text: OAUTH1_PERMISSIONS },
              redirectURL: '',
              headersSize: -1,
              bodySize: OAUTH1_PERMISSIONS.length,
            },
            cache: {},
            timings: { send: 0, wait: 50, receive: 0 },
          },
        ],
      },
    };
    const file = join(dir, 'x-v2.har');
    writeFileSync(file, JSON.stringify(har));
    const r = await runCli(['inspect', file]);
    expect(r.stdout).toMatch(/Problem: x:v2:oauth1-permissions/);
    expect(r.stdout).toContain('type = https://api.twitter.com/2/problems/oauth1-permissions');
  });
});
