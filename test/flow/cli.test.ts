import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutBaseStrings } from '../helpers/base-strings.js';
import { runCli } from '../helpers/cli.js';
import { startProvider, type RunningProvider } from '../../src/provider/index.js';
import { startCli } from './spawn-cli.js';
import { createServer, type AddressInfo } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const CANARY_SECRET = 'CANARY-consumer-secret-7d1f9a';
const FAKE_BROWSER = fileURLToPath(new URL('./fake-browser.mjs', import.meta.url));

let provider: RunningProvider;
let dir: string;
beforeAll(async () => {
  provider = await startProvider({ autoApprove: true, consumers: [{ key: 'canary-key', secret: CANARY_SECRET }] });
  dir = mkdtempSync(join(tmpdir(), 'oauth-doctor-flow-'));
});
afterAll(async () => {
  await provider.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Flags pointing at the test's own provider; the consumer secret goes in the environment, as in CI. */
function endpoints(): string[] {
  return ['--request-token-url', provider.endpoints.requestToken, '--authorize-url', provider.endpoints.authorize, '--access-token-url', provider.endpoints.accessToken, '--resource-url', provider.endpoints.resource];
}
const credentials = { OAUTH_CONSUMER_KEY: 'canary-key', OAUTH_CONSUMER_SECRET: CANARY_SECRET };

/**
 * Every secret the provider ever issued: request tokens and their secrets,
 * verifiers, access tokens and their secrets, session handles. (Only print
 * and browser modes show a request token, inside the URL the person opens.)
 */
function issuedSecrets(): string[] {
  const state = provider.state();
  const all = [
    ...state.requestTokens.flatMap((t) => [t.token, t.secret, t.verifier]),
    ...state.accessTokens.flatMap((t) => [t.token, t.secret, t.sessionHandle]),
    ...state.sessions.map((s) => s.handle),
  ];
  return all.filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

function expectNoSecrets(text: string): void {
  expect(text).not.toContain(CANARY_SECRET);
  const state = provider.state();
  const keys = new Set([...state.requestTokens.map((t) => t.secret), ...state.accessTokens.map((t) => t.secret)]);
  // Tokens and verifiers may stand in a base string, printed as signed (issue 15 item 5); token secrets never.
  for (const secret of issuedSecrets()) expect(keys.has(secret) ? text : withoutBaseStrings(text), `leaked ${secret.slice(0, 4)}…`).not.toContain(secret);
}

describe('oauth-doctor flow, end to end against the embedded provider', () => {
  it('--provider local --authorize http: the whole flow, exit 0, result on stdout, narration on stderr', async () => {
    const result = await runCli(['flow', '--provider', 'local', '--authorize', 'http']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/✓ local granted an access token/);
    expect(result.stdout).toMatch(/screen_name\s+oauth_doctor_demo/);
    for (const heading of ['① Request token', '② User authorisation', '③ Access token', '④ Protected resource']) expect(result.stderr).toContain(heading);
    expect(result.stderr).toContain('oauth_token matches the pending request token');
  });

  it('--json: one JSON document with ok, steps (name, request, response, ms) and the evidence', async () => {
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--json'], { env: credentials });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { ok: boolean; steps: { name: string; request?: { method: string }; response?: { status: number }; ms?: number }[]; evidence: { legs: unknown[] } };
    expect(report.ok).toBe(true);
    expect(report.steps.map((s) => s.name)).toEqual(['request_token', 'authorize', 'callback', 'access_token', 'resource']);
    const rt = report.steps[0];
    expect(rt?.request?.method).toBe('POST');
    expect(rt?.response?.status).toBe(200);
    expect(typeof rt?.ms).toBe('number');
    expect(report.evidence.legs.length).toBeGreaterThanOrEqual(4);
    expect(result.stderr).toContain('① Request token');
    expectNoSecrets(result.stdout + result.stderr);
  });

  it.each([
    ['oob', ['--callback', 'oob']],
    ['a registered callback URL', ['--callback', 'https://app.example.invalid/oauth/callback']],
    ['loopback on a chosen port', ['--callback', 'loopback', '--callback-port', 'FREE']],
  ])('callback %s, authorise over http → exit 0', async (_name, flags) => {
    const port = String(await freePort());
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', ...flags.map((f) => (f === 'FREE' ? port : f))], { env: credentials });
    if (flags.includes('FREE')) expect(result.stderr).toContain(`http://127.0.0.1:${port}/callback`);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('granted an access token');
  });

  it('--authorize browser: $BROWSER opens the URL, the loopback listener gets the callback', async () => {
    const log = join(dir, 'browser.log');
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'browser'], { env: { ...credentials, BROWSER: `${process.execPath} ${FAKE_BROWSER}`, FAKE_BROWSER_LOG: log } });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toContain('/oauth/authorize?oauth_token=');
    expect(result.stderr).toContain('Opened in your browser');
  });

  it('--authorize print with oob: the URL is printed, the PIN is read as one line from stdin', async () => {
    provider.update({ autoApprove: false });
    const cli = startCli(['flow', ...endpoints(), '--authorize', 'print', '--callback', 'oob'], credentials);
    try {
      const [, url] = await cli.waitFor(/(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?oauth_token=\S+)/);
      await cli.waitFor(/reading the verifier \(PIN\) from stdin/);
      const page = await (await fetch(`${url}&action=approve`)).text();
      const pin = /id="oauth_verifier">([^<]+)</.exec(page)?.[1];
      expect(pin).toBeTruthy();
      cli.child.stdin.end(`${pin}\n`);
      const { code } = await cli.exited;
      expect(code, cli.stderr()).toBe(0);
      expect(cli.stdout()).toContain('granted an access token');
      expect(cli.stdout() + cli.stderr()).not.toContain(pin);
    } finally {
      provider.update({ autoApprove: true });
    }
  });

  it('--authorize print with a registered callback: the person pipes the URL they were sent to', async () => {
    provider.update({ autoApprove: false });
    const cli = startCli(['flow', ...endpoints(), '--authorize', 'print', '--callback', 'https://app.example.invalid/cb'], credentials);
    try {
      const [, url] = await cli.waitFor(/(http:\/\/127\.0\.0\.1:\d+\/oauth\/authorize\?oauth_token=\S+)/);
      const redirect = await fetch(`${url}&action=approve`, { redirect: 'manual' });
      cli.child.stdin.end(`${redirect.headers.get('location') ?? ''}\n`);
      const { code } = await cli.exited;
      expect(code, cli.stderr()).toBe(0);
    } finally {
      provider.update({ autoApprove: true });
    }
  });

  it('--save: a 0600 session file with evidence and no secrets, readable by explain --session', async () => {
    const file = join(dir, 'session.json');
    writeFileSync(file, 'old');
    chmodSync(file, 0o644);
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--callback', 'oob', '--verbose', '--save', file], { env: credentials });
    expect(result.code, result.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    const record = JSON.parse(text) as { evidence: { legs: { leg: string; tokenSent?: string }[] }; format: string };
    expect(record.format).toBe('oauth-doctor-session');
    expect(record.evidence.legs.map((l) => l.leg)).toContain('access_token');
    expect(record.evidence.legs.every((l) => l.tokenSent === undefined || l.tokenSent.startsWith('fp:'))).toBe(true);
    expectNoSecrets(text + result.stdout + result.stderr);
    const explained = await runCli(['explain', 'token_used', '--session', file]);
    expect(explained.code, explained.stderr).toBe(0);
  });

  it('--show-secrets prints them in full', async () => {
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--json', '--show-secrets'], { env: credentials });
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { secretsMasked: boolean; accessToken: { secret: string } };
    expect(report.secretsMasked).toBe(false);
    expect(issuedSecrets()).toContain(report.accessToken.secret);
  });
});

describe('oauth-doctor flow: failures and exit codes', () => {
  it('the provider refuses (wrong verifier) → the diagnosis on stdout, exit 1', async () => {
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--callback', 'oob', '--verifier', 'wrong-verifier-9'], { env: credentials });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ Access token leg refused (401): verifier_invalid');
    expect(result.stdout).toContain('verifier-mismatch');
    expect(result.stdout + result.stderr).not.toContain('wrong-verifier-9');
  });

  it('--json on a refusal: ok false and the diagnosis in the explain --json shape', async () => {
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--callback', 'oob', '--verifier', 'wrong-verifier-9', '--json'], { env: credentials });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { ok: boolean; diagnosis: { problem: { code: string; source: string; parameters: object }; causes: { id: string; likelihood: string; evidence: string[] }[]; fixes: unknown[] } };
    expect(report.ok).toBe(false);
    expect(report.diagnosis.problem.code).toBe('verifier_invalid');
    expect(report.diagnosis.causes[0]?.id).toBe('verifier-mismatch');
    expect(report.diagnosis.fixes.length).toBeGreaterThan(0);
  });

  it('under GitHub Actions a diagnosed failure also prints an ::error annotation', async () => {
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--callback', 'oob', '--verifier', 'nope-nope'], { env: { ...credentials, GITHUB_ACTIONS: 'true', CI: 'true' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^::error title=oauth-doctor flow::access_token leg refused: verifier_invalid/m);
  });

  it.each([
    ['no provider and no endpoints', ['flow'], 'no provider'],
    ['an unknown preset', ['flow', '--provider', 'nosuch'], '--provider nosuch: unknown provider'],
    ['a bad --authorize', ['flow', '--provider', 'local', '--authorize', 'carrier-pigeon'], '--authorize'],
    ['--step without a terminal', ['flow', '--provider', 'local', '--step'], '--step'],
    ['a relative --callback', ['flow', '--provider', 'local', '--callback', '/cb'], '--callback'],
    ['a bad --timeout', ['flow', '--provider', 'local', '--timeout', 'soon'], '--timeout'],
    ['jira without --base-url', ['flow', '--provider', 'jira', '--consumer-key', 'k'], '--base-url'],
  ])('%s → one line, exit 2', async (_name, args, fragment) => {
    const result = await runCli(args, { env: credentials });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(fragment);
    expect(result.stderr.trim().split('\n').filter((l) => l.startsWith('oauth-doctor:'))).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('oob in CI with nothing on stdin → a usage error naming --verifier, exit 2', async () => {
    provider.update({ autoApprove: false });
    try {
      const result = await runCli(['flow', ...endpoints(), '--authorize', 'print', '--callback', 'oob'], { env: { ...credentials, CI: 'true' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('oauth-doctor: no verifier (PIN) was given (stdin was empty) — pass --verifier PIN');
    } finally {
      provider.update({ autoApprove: true });
    }
  });

  it('a failure while the listener waits ends the run at once, not when --wait-timeout runs out', async () => {
    provider.update({ autoApprove: false });
    try {
      const result = await runCli(['flow', ...endpoints(), '--authorize', 'http', '--wait-timeout', '300000'], { env: credentials, timeoutMs: 10_000 });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('User authorisation leg refused (200)');
    } finally {
      provider.update({ autoApprove: true });
    }
  });

  it('no callback arrives → timed out waiting, exit 4', async () => {
    const result = await runCli(['flow', ...endpoints(), '--authorize', 'print', '--wait-timeout', '400'], { env: credentials });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/oauth-doctor: no callback arrived at http:\/\/127\.0\.0\.1:\d+\/callback within 0 s/);
  });

  it('Ctrl-C while waiting for the callback → exit 130, the listener closed', async () => {
    const cli = startCli(['flow', ...endpoints(), '--authorize', 'print'], credentials);
    const [, callback] = await cli.waitFor(/Waiting for the callback on (http:\/\/127\.0\.0\.1:\d+\/callback)/);
    cli.child.kill('SIGINT');
    const { code } = await cli.exited;
    expect(code).toBe(130);
    await expect(fetch(callback ?? '')).rejects.toThrow();
  });
});
