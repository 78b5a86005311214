// flow against `serve --oauth2` (panva's oidc-provider 8.8.1), both run as
// the built CLI in subprocesses on 127.0.0.1 (issue 18): every grant end to
// end, the rehearsal flags, and the presets that can point at it. The
// provider answers a reused code, a redirect mismatch and a wrong verifier
// with the same `400 invalid_grant "grant request is invalid"`: the tests
// check that it did, and that the run's own evidence named the cause first.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from '../provider-oauth2/serve-process.js';

let serve: ServeProcess;
let issuer = '';
let clientId = '';
let secret = '';
const dir = mkdtempSync(join(tmpdir(), 'od-serve-flow-'));

beforeAll(async () => {
  serve = await serveOAuth2(['--auto-approve']);
  issuer = serve.line.issuer;
  const client = serve.line.clients[0];
  clientId = client?.clientId ?? '';
  secret = client?.secret ?? '';
}, 30_000);
afterAll(async () => {
  await serve.stop();
  rmSync(dir, { recursive: true, force: true });
});

let ledgers = 0;
/** Each test its own reuse ledger, so one test's codes are not another's history. */
const ledger = (): string => join(dir, `ledger-${++ledgers}.json`);

interface Report {
  ok: boolean;
  steps: { name: string; title: string; ok: boolean; notes: string[]; request?: { url: string; body?: string }; response?: { status: number; body?: string } }[];
  tokens?: Record<string, string>;
  rotation?: { from: string; to: string };
  diagnosis?: { problem: { code: string; message: string | null; leg: unknown; steps: string[] | null }; causes: { id: string; likelihood: string; evidence: string[] }[] };
}

async function flow(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; report: Report; stderr: string }> {
  const result = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--json', ...args], { env: { OAUTH2_CLIENT_SECRET: secret, OAUTH_DOCTOR_LEDGER: env['OAUTH_DOCTOR_LEDGER'] ?? ledger(), ...env }, timeoutMs: 40_000 });
  expect(result.stdout, result.stderr).not.toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
}

const SAME_ANSWER = { error: 'invalid_grant', error_description: 'grant request is invalid' };

describe('rehearsals against serve --oauth2: one wire answer, three causes, each named first', () => {
  it('--exchange-twice: the second exchange of one code is reuse, certain, from the ledger', async () => {
    const { code, report, stderr } = await flow(['--authorize', 'http', '--scope', 'openid', '--exchange-twice']);
    expect(code, stderr).toBe(1);
    const exchanges = report.steps.filter((s) => s.name === 'token');
    expect(exchanges.map((s) => [s.title, s.ok])).toEqual([['Code exchange', true], ['Code exchange (again)', false]]);
    expect(exchanges[1]?.response?.status).toBe(400);
    expect(JSON.parse(exchanges[1]?.response?.body ?? '{}')).toMatchObject(SAME_ANSWER);
    expect(report.diagnosis?.problem.code).toBe('oauth2:invalid_grant');
    expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'reuse', likelihood: 'certain' });
    expect(stderr).toContain('rehearsal: the code will be exchanged twice');
    // The failed step in OAuth 2.0's words, not an OAuth 1.0a leg.
    expect(report.diagnosis?.problem).toMatchObject({ steps: ['token'] });
  });

  it('the text diagnosis names the OAuth 2.0 step (Step: token), never "Leg: access_token"', async () => {
    const result = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--authorize', 'http', '--scope', 'openid', '--token-redirect-uri', 'http://127.0.0.1:9/x'], { env: { OAUTH2_CLIENT_SECRET: secret, OAUTH_DOCTOR_LEDGER: ledger() } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}Step: token · /m);
    expect(result.stdout).not.toMatch(/Leg: /);
  });

  it('--token-redirect-uri: a redirect_uri other than the authorised one is redirect-mismatch, certain', async () => {
    const { code, report } = await flow(['--authorize', 'http', '--scope', 'openid', '--token-redirect-uri', 'http://127.0.0.1:9/elsewhere']);
    expect(code).toBe(1);
    const exchange = report.steps.find((s) => s.name === 'token');
    expect(exchange?.response?.status).toBe(400);
    expect(JSON.parse(exchange?.response?.body ?? '{}')).toMatchObject(SAME_ANSWER);
    expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'redirect-mismatch', likelihood: 'certain' });
    expect(report.diagnosis?.causes.find((c) => c.id === 'reuse')?.likelihood).toBe('unlikely');
  });

  it('--code-verifier: a verifier that is not the challenge’s is pkce-verifier-mismatch, certain; the verifier is masked', async () => {
    const verifier = 'A'.repeat(43);
    const { code, report, stderr } = await flow(['--authorize', 'http', '--scope', 'openid', '--code-verifier', verifier]);
    expect(code).toBe(1);
    const exchange = report.steps.find((s) => s.name === 'token');
    expect(JSON.parse(exchange?.response?.body ?? '{}')).toMatchObject(SAME_ANSWER);
    expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'pkce-verifier-mismatch', likelihood: 'certain' });
    expect(JSON.stringify(report) + stderr).not.toContain(verifier);
  });

  it('a rehearsal flag outside the code grant is a usage error (exit 2)', async () => {
    const result = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--grant', 'client-credentials', '--exchange-twice'], { env: { OAUTH2_CLIENT_SECRET: secret } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--exchange-twice rehearses a failure of the code exchange/);
  });
});

describe('an authorization request without openid, against an OpenID Connect provider', () => {
  it('oidc-provider grants nothing and answers a bare access_denied: ranked as the scope, not as a person saying no', async () => {
    // An explicit scope without openid (no --scope now asks for openid, the default for an OpenID Connect server; --scope '' sends none).
    const { code, report } = await flow(['--authorize', 'http', '--scope', '']);
    expect(code).toBe(1);
    const callback = report.steps.find((s) => s.name === 'callback');
    expect(callback?.ok).toBe(false);
    expect(report.diagnosis?.problem).toMatchObject({ code: 'oauth2:access_denied', steps: ['callback'] });
    expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'insufficient-scope', likelihood: 'certain' });
    expect(report.diagnosis?.causes[0]?.evidence.join(' ')).toMatch(/without openid/);
    expect(report.diagnosis?.causes.find((c) => c.id === 'user-denied')?.likelihood).toBe('unlikely');
  });

  it('with openid asked and consent denied by the server, the refusal is still the person’s (or a policy’s)', async () => {
    const denying = await serveOAuth2(['--auto-approve', '--consent-denied']);
    try {
      const client = denying.line.clients[0];
      const result = await runBin(['flow', '--issuer', denying.line.issuer, '--client-id', client?.clientId ?? '', '--authorize', 'http', '--scope', 'openid', '--json'], { env: { OAUTH2_CLIENT_SECRET: client?.secret ?? '', OAUTH_DOCTOR_LEDGER: ledger() } });
      const report = JSON.parse(result.stdout) as Report;
      expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'user-denied' });
      expect(report.diagnosis?.causes.find((c) => c.id === 'insufficient-scope')).toBeUndefined();
    } finally {
      await denying.stop();
    }
  });
});

describe('the authorization endpoint refusing by itself, and a wrong secret (RFC 6749 §4.1.2.1, §5.2)', () => {
  it('an unregistered redirect_uri: the endpoint answers 400 itself; redirect-mismatch first, not "waits for a person"', async () => {
    const { code, report } = await flow(['--authorize', 'http', '--scope', 'openid', '--callback', 'http://127.0.0.1:9/not-registered']);
    expect(code).toBe(1);
    expect(report.diagnosis?.problem).toMatchObject({ code: 'oauth2:invalid_request', steps: ['authorize'] });
    expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'redirect-mismatch', likelihood: 'likely' });
    expect(report.diagnosis?.causes.map((c) => c.id)).not.toContain('approval-needs-person');
  });

  it('an unknown client_id: the page names invalid_client; the client_id comes first, not the secret', async () => {
    const result = await runBin(['flow', '--issuer', issuer, '--client-id', 'no-such-client', '--authorize', 'http', '--scope', 'openid', '--json'], { env: { OAUTH2_CLIENT_SECRET: secret, OAUTH_DOCTOR_LEDGER: ledger() } });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.diagnosis?.problem.code).toBe('oauth2:invalid_client');
    expect(report.diagnosis?.causes[0]).toMatchObject({ id: 'unknown-consumer' });
    expect(report.diagnosis?.causes.find((c) => c.id === 'client-authentication')?.likelihood).toBe('unlikely');
  });

  it('a wrong client secret at the token endpoint is invalid_client, client-authentication first', async () => {
    const { code, report } = await flow(['--grant', 'client-credentials'], { OAUTH2_CLIENT_SECRET: 'not-the-secret' });
    expect(code).toBe(1);
    expect(report.diagnosis?.problem.code).toBe('oauth2:invalid_client');
    expect(report.diagnosis?.causes[0]?.id).toBe('client-authentication');
  });
});

describe('--save-credentials and --step for OAuth 2.0', () => {
  it('saves the access token for request --as NAME, which sends it as a bearer token; credentials list masks it', async () => {
    const config = join(dir, 'config');
    const env = { XDG_CONFIG_HOME: config };
    const { code, stderr } = await flow(['--authorize', 'http', '--scope', 'openid offline_access', '--save-credentials', 'local-oidc'], env);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('credential local-oidc saved to');
    const call = await runBin(['request', '--as', 'local-oidc', `${issuer}/me`], { env });
    expect(call.code, call.stderr).toBe(0);
    expect(JSON.parse(call.stdout)).toMatchObject({ sub: expect.any(String) });
    expect(call.stderr).toContain('OAuth 2.0 bearer token (RFC 6750 §2.1) · as local-oidc');
    const list = await runBin(['credentials', 'list'], { env });
    expect(list.stdout).toMatch(/local-oidc {2}client \S+ · access token \S+…\(\d+ chars\) · refresh token/);
    const saved = JSON.parse(readFileSync(join(config, 'oauth-doctor', 'credentials.json'), 'utf8')) as { credentials: Record<string, { protocol: string; accessToken: string }> };
    expect(saved.credentials['local-oidc']?.protocol).toBe('oauth2');
  });

  it('--step without a terminal is refused at once (exit 2), as for OAuth 1.0a', async () => {
    const result = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--grant', 'client-credentials', '--step'], { env: { OAUTH2_CLIENT_SECRET: secret } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--step pauses for a person and needs a terminal/);
  });
});

describe('every grant against serve --oauth2, through the built CLI', () => {
  it('code + PKCE, then userinfo, introspect, refresh (rotated) and revoke; nothing secret in the output', async () => {
    const { code, report, stderr } = await flow(['--authorize', 'http', '--scope', 'openid offline_access', '--then', 'userinfo,introspect,refresh,revoke']);
    expect(code, stderr).toBe(0);
    expect(report.steps.map((s) => s.name)).toEqual(['discovery', 'authorize', 'callback', 'token', 'jwks', 'userinfo', 'introspection', 'refresh', 'revocation']);
    expect(report.steps.every((s) => s.ok)).toBe(true);
    expect(report.steps.find((s) => s.name === 'jwks')?.notes.every((n) => n.startsWith('✓'))).toBe(true);
    expect(report.steps.find((s) => s.name === 'refresh')?.notes).toContain('the refresh token was rotated: the old one must not be used again (RFC 9700 §4.14.2)');
    expect(report.rotation?.from).not.toBe(report.rotation?.to);
    expect(stderr + JSON.stringify(report)).not.toContain(secret);
  });

  it('client credentials with client_secret_post, then introspect', async () => {
    const { code, report } = await flow(['--grant', 'client-credentials', '--client-auth', 'post', '--then', 'introspect']);
    expect(code).toBe(0);
    expect(report.steps.map((s) => s.name)).toEqual(['discovery', 'client-credentials', 'introspection']);
  });

  it('refresh with rotation; the replayed old token is reuse, and the newest one then finds its family revoked', async () => {
    const env = { OAUTH_DOCTOR_LEDGER: ledger() };
    const first = await runBin(['flow', '--issuer', issuer, '--client-id', clientId, '--authorize', 'http', '--scope', 'openid offline_access', '--then', 'refresh', '--json', '--show-secrets'], { env: { OAUTH2_CLIENT_SECRET: secret, ...env } });
    expect(first.code, first.stderr).toBe(0);
    const { rotation } = JSON.parse(first.stdout) as Report;
    expect(rotation?.from).toBeDefined();
    const replay = await flow(['--grant', 'refresh'], { ...env, OAUTH2_REFRESH_TOKEN: rotation?.from ?? '' });
    expect(replay.code).toBe(1);
    expect(replay.report.diagnosis?.problem.code).toBe('oauth2:invalid_grant');
    expect(replay.report.diagnosis?.causes[0]).toMatchObject({ id: 'reuse', likelihood: 'certain' });
    const newest = await flow(['--grant', 'refresh'], { ...env, OAUTH2_REFRESH_TOKEN: rotation?.to ?? '' });
    expect(newest.code).toBe(1);
    expect(newest.report.diagnosis?.causes[0]).toMatchObject({ id: 'refresh-family-revoked', likelihood: 'certain' });
  });

  it('device grant: the user code shown, the person approves on the verification page, the poll gets tokens', async () => {
    const child = spawn(process.execPath, [BIN, 'flow', '--issuer', issuer, '--client-id', clientId, '--grant', 'device', '--scope', 'openid', '--json'], {
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', LANG: 'C', OAUTH2_CLIENT_SECRET: secret, OAUTH_DOCTOR_LEDGER: ledger() },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    const userCode = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no user code in 15 s: ${stderr}`)), 15_000);
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        stderr += d;
        const found = /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr);
        if (found?.[1]) {
          clearTimeout(timer);
          resolve(found[1]);
        }
      });
    });
    await approveDevice(serve.line.endpoints['deviceVerification'] ?? '', userCode);
    const exit = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(exit, stderr).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.steps[0]?.name).toBe('discovery');
    expect(report.steps.filter((s) => s.name === 'device-token').at(-1)?.ok).toBe(true);
    expect(report.steps.at(-1)?.name).toBe('jwks');
  }, 40_000);
});

describe('presets pointed at serve --oauth2', () => {
  it('--provider github with its endpoints moved here (flags win over the preset’s): client_secret_post, GitHub’s method', async () => {
    const result = await runBin(['flow', '--provider', 'github', '--issuer', issuer, '--client-id', clientId, '--authorization-endpoint', `${issuer}/auth`, '--token-endpoint', `${issuer}/token`, '--authorize', 'http', '--scope', 'openid', '--json'], { env: { OAUTH2_CLIENT_SECRET: secret, OAUTH_DOCTOR_LEDGER: ledger() } });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.steps.map((s) => s.name)).toEqual(['discovery', 'authorize', 'callback', 'token', 'jwks']);
    expect(report.steps.find((s) => s.name === 'token')?.request?.body).toMatch(/client_id=/);
    expect(result.stderr).toContain('preset github: GitHub OAuth app');
  });

  it('--provider keycloak --base-url --realm builds {base}/realms/{realm}: the server says no such issuer, and discovery tells so', async () => {
    const result = await runBin(['flow', '--provider', 'keycloak', '--base-url', issuer, '--realm', 'demo', '--client-id', clientId, '--grant', 'client-credentials', '--json'], { env: { OAUTH2_CLIENT_SECRET: secret } });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.steps[0]?.name).toBe('discovery');
    expect(result.stderr).toContain(`${issuer}/realms/demo/.well-known/openid-configuration`);
  });
});

/** The person at the verification page (RFC 8628 §3.3): the code, then Continue, then the engine's login and consent (auto-approved). */
async function approveDevice(verification: string, userCode: string): Promise<void> {
  const cookies = new Map<string, string>();
  const send = async (url: string, form?: Record<string, string>): Promise<{ status: number; body: string; location?: string }> => {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      if (at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return { status: response.status, body: await response.text(), location: response.headers.get('location') ?? undefined };
  };
  const xsrf = (html: string) => /name="xsrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const entry = await send(`${verification}?user_code=${encodeURIComponent(userCode)}`);
  const confirm = await send(verification, { xsrf: xsrf(entry.body), user_code: userCode });
  let answer = await send(verification, { xsrf: xsrf(confirm.body), user_code: userCode, confirm: 'yes' });
  for (let hop = 0; hop < 10 && answer.location !== undefined; hop++) answer = await send(new URL(answer.location, verification).href);
  expect(answer.body).toContain('Device connected');
}
