// `request` as a person uses it: [METHOD] URL, bodies as curl builds them,
// body on stdout and narration on stderr, large bodies capped, exit codes,
// named credentials (flow → save → request --as), masking.
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFlow } from '../../src/flow/engine.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { localConfig, testIo } from '../flow/helpers.js';
import { withoutBaseStrings } from '../helpers/base-strings.js';
import { runCli } from '../helpers/cli.js';

const APP = { key: 'app', secret: 'app-secret-0123456789' };
const dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-request-cli-'));
let provider: RunningProvider;
let token: { token: string; secret: string };
let big: Server;
let bigUrl: string;

const env = (extra: Record<string, string> = {}) => ({ OAUTH_CONSUMER_KEY: APP.key, OAUTH_CONSUMER_SECRET: APP.secret, OAUTH_TOKEN: token.token, OAUTH_TOKEN_SECRET: token.secret, XDG_CONFIG_HOME: join(dir, 'config'), ...extra });

beforeAll(async () => {
  provider = await startProvider({ autoApprove: true, consumers: [APP] });
  const outcome = await runFlow(localConfig(provider, { client: { consumerKey: APP.key, consumerSecret: APP.secret } }), testIo());
  if (!outcome.accessToken) throw new Error('no access token');
  token = outcome.accessToken;
  // 3 MiB of JSON-ish text: more than the 1 MiB kept.
  big = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(3 * 1024 * 1024)));
  await new Promise<void>((resolve) => big.listen(0, '127.0.0.1', resolve));
  bigUrl = `http://127.0.0.1:${(big.address() as AddressInfo).port}/big`;
});
afterAll(async () => {
  await provider.close();
  await new Promise((resolve) => big.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('request: method, URL and body as in curl', () => {
  it('GET by default; the body (JSON, pretty-printed) alone on stdout, the narration on stderr; exit 0', async () => {
    const r = await runCli(['request', `${provider.url}/api/me`], { env: env() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ method: 'GET', path: '/api/me', screen_name: expect.any(String) });
    expect(r.stdout).toMatch(/^\{\n {2}"id": /);
    expect(r.stderr).toMatch(/^oauth-doctor request · HMAC-SHA1 · parameters in the header\n/);
    for (const section of ['Request  GET ', 'parameters (normalised order, RFC 5849 §3.4.1.3.2)', 'base string (§3.4.1.1)', 'headers', 'Response 200 OK', 'timings: headers after ', 'response headers', "clock: the server's Date agrees with ours"]) expect(r.stderr).toContain(section);
  });

  it('a body implies POST; METHOD before the URL and -X both work; two different methods are a usage error', async () => {
    const posted = await runCli(['request', `${provider.url}/api/notes`, '-d', 'a=1', '--form', 'b=x y'], { env: env() });
    expect(JSON.parse(posted.stdout)).toMatchObject({ method: 'POST' });
    expect(posted.stderr).toContain('Request  POST ');
    expect(posted.stderr).toMatch(/b +x y +body/);
    const put = await runCli(['request', 'PUT', `${provider.url}/api/notes/1`, '--json-body', '{"name":"é"}'], { env: env() });
    expect(JSON.parse(put.stdout)).toMatchObject({ method: 'PUT' });
    expect(put.stderr).toContain('not signed: not a form');
    const deleted = await runCli(['request', '-X', 'delete', `${provider.url}/api/notes/1`], { env: env() });
    expect(JSON.parse(deleted.stdout)).toMatchObject({ method: 'DELETE' });
    const both = await runCli(['request', 'PUT', `${provider.url}/api/notes/1`, '-X', 'POST'], { env: env() });
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('oauth-doctor: METHOD PUT and -X POST disagree — give the method once\n');
  });

  it('-d @- reads stdin and -d @FILE a file; -H sets a header (Content-Type wins over the default)', async () => {
    const fromStdin = await runCli(['request', `${provider.url}/api/notes`, '-d', '@-', '-H', 'Content-Type: text/plain', '-H', 'X-Trace: 42', '--json'], { env: env(), input: 'hello from stdin' });
    const report = JSON.parse(fromStdin.stdout) as { request: { body: string; headers: Record<string, string> } };
    expect(report.request.body).toBe('hello from stdin');
    expect(report.request.headers).toMatchObject({ 'content-type': 'text/plain', 'x-trace': '42' });
    const own = await runCli(['request', `${provider.url}/api/me`, '-H', 'Authorization: Bearer x'], { env: env() });
    expect(own.code).toBe(2);
    expect(own.stderr).toMatch(/oauth-doctor writes the Authorization header itself/);
  });

  it('a large body is capped with a note on stderr; the kept part is on stdout', async () => {
    const r = await runCli(['request', bigUrl], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\(body capped: the first 1(\.0)? MiB of 3(\.0)? MiB is on stdout\)/);
    expect(r.stdout).toBe(`${'x'.repeat(1024 * 1024)}\n`);
  });

  it('a connection refused is exit 3, one line', async () => {
    const r = await runCli(['request', 'http://127.0.0.1:1/api/me'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^oauth-doctor: /);
  });

  it('--json: one document with request, response and diagnosis; secrets masked unless --show-secrets', async () => {
    const r = await runCli(['request', `${provider.url}/api/me`, '--json'], { env: env({ OAUTH_TOKEN_SECRET: 'not-the-right-secret-00' }) });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; request: object; response: { status: number }; diagnosis: { problem: { code: string } } };
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['request', 'response', 'diagnosis']));
    expect(report.ok).toBe(false);
    expect(report.response.status).toBe(401);
    expect(report.diagnosis.problem.code).toBe('signature_invalid');
    // The token may stand in a base string, printed as signed (issue 15 item 5); secrets never.
    for (const secret of [APP.secret, token.token, 'not-the-right-secret-00']) expect(withoutBaseStrings(r.stdout + r.stderr)).not.toContain(secret);
    for (const secret of [APP.secret, 'not-the-right-secret-00']) expect(r.stdout + r.stderr).not.toContain(secret);
    const shown = await runCli(['request', `${provider.url}/api/me`, '--json', '--show-secrets'], { env: env() });
    expect(shown.stdout).toContain(token.token);
  });

  it('text: a refusal prints the diagnosis on stderr, exit 1, no secret anywhere', async () => {
    const r = await runCli(['request', `${provider.url}/api/me`], { env: env({ OAUTH_CONSUMER_SECRET: 'the-wrong-consumer-secret' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('✗ refused (401): signature_invalid');
    expect(r.stderr).toMatch(/Causes, most likely first\n {2}◉ likely {2}wrong-secret/);
    expect(r.stdout).toMatch(/oauth_problem=signature_invalid/);
    for (const secret of ['the-wrong-consumer-secret', token.token, token.secret]) expect(withoutBaseStrings(r.stdout + r.stderr)).not.toContain(secret);
    for (const secret of ['the-wrong-consumer-secret', token.secret]) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});

describe('named credentials: flow --save-credentials, request --as, credentials list|remove', () => {
  const config = join(dir, 'named');
  const store = join(config, 'oauth-doctor', 'credentials.json');

  it('flow once, save the credential, call the API with --as (no secret in the environment)', async () => {
    const flow = await runCli(['flow', '--provider', 'local', '--base-url', provider.url, '--consumer-key', APP.key, '--authorize', 'http', '--save-credentials', 'local-me'], { env: { OAUTH_CONSUMER_SECRET: APP.secret, XDG_CONFIG_HOME: config } });
    expect(flow.code, flow.stderr).toBe(0);
    expect(flow.stderr).toContain(`credential local-me saved to ${store} (mode 0600); call the API with: oauth-doctor request --as local-me URL`);
    expect(statSync(store).mode & 0o777).toBe(0o600);
    const call = await runCli(['request', '--as', 'local-me', `${provider.url}/api/me`], { env: { XDG_CONFIG_HOME: config } });
    expect(call.code, call.stderr).toBe(0);
    expect(call.stderr).toContain('· as local-me');
    expect(JSON.parse(call.stdout)).toMatchObject({ consumer_key: APP.key });
  });

  it('request --save-credentials keeps what worked; list masks the secrets; remove removes', async () => {
    const saved = await runCli(['request', `${provider.url}/api/me`, '--save-credentials', 'from-env'], { env: env({ XDG_CONFIG_HOME: config }) });
    expect(saved.code).toBe(0);
    expect(JSON.parse(readFileSync(store, 'utf8')).credentials['from-env']).toMatchObject({ consumerKey: APP.key, consumerSecret: APP.secret, token: token.token, tokenSecret: token.secret, signatureMethod: 'HMAC-SHA1' });
    const list = await runCli(['credentials', 'list'], { env: { XDG_CONFIG_HOME: config } });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^local-me {2}consumer app · secret \S+…\(21 chars\) · token \S+…\(\d+ chars\) \/ \S+…\(\d+ chars\) {2}\(HMAC-SHA1, local, \d{4}-\d\d-\d\d\)$/m);
    expect(list.stdout).toMatch(/^from-env {2}consumer app · /m);
    for (const secret of [APP.secret, token.token, token.secret]) expect(list.stdout + list.stderr).not.toContain(secret);
    const removed = await runCli(['credentials', 'remove', 'from-env'], { env: { XDG_CONFIG_HOME: config } });
    expect(removed.code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(store, 'utf8')).credentials)).toEqual(['local-me']);
    const again = await runCli(['credentials', 'remove', 'from-env'], { env: { XDG_CONFIG_HOME: config } });
    expect(again.code).toBe(2);
    const unknown = await runCli(['request', '--as', 'nobody', `${provider.url}/api/me`], { env: { XDG_CONFIG_HOME: config } });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--as nobody: no credential of that name in .* — saved: local-me/);
  });

  it('a refused call is not saved', async () => {
    const r = await runCli(['request', `${provider.url}/api/me`, '--save-credentials', 'bad'], { env: env({ XDG_CONFIG_HOME: config, OAUTH_TOKEN_SECRET: 'wrong-token-secret-000' }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('credential bad not saved: the call was refused');
    expect(Object.keys(JSON.parse(readFileSync(store, 'utf8')).credentials)).not.toContain('bad');
  });

  it('a credentials file others can read is refused, exit 2, naming chmod 600', async () => {
    chmodSync(store, 0o644);
    try {
      const r = await runCli(['request', '--as', 'local-me', `${provider.url}/api/me`], { env: { XDG_CONFIG_HOME: config } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`oauth-doctor: ${store} can be read by other users (mode 0644) — chmod 600 ${store}\n`);
    } finally {
      chmodSync(store, 0o600);
    }
  });
});
