// serve --oauth2 --dialect NAME, end to end: the built CLI serves on
// 127.0.0.1, an independent client (Authlib's requests client, from Debian)
// drives the usual refusals — a reused code, a replayed rotated refresh token
// and the family it revokes, a wrong and a missing PKCE verifier, a
// redirect_uri mismatch, a wrong secret, an expired code — and each raw
// answer must be the provider's wire shape, and `explain` must read it back
// to the engine's cause.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { serveOAuth2, type ServeProcess } from './serve-process.js';

const SCRIPT = fileURLToPath(new URL('./dialect_refusals.py', import.meta.url));
const PYTHON = '/usr/bin/python3';
const INSTALL_HINT = 'apt-get install -y python3-authlib python3-requests (see .ci/run)';

const SCENARIOS = ['reused_code', 'replayed_refresh', 'family_revoked', 'wrong_verifier', 'missing_verifier', 'redirect_mismatch', 'wrong_secret', 'expired_code'] as const;
type Scenario = (typeof SCENARIOS)[number] | 'denied' | 'device_pending';

interface Raw {
  readonly status: number;
  readonly content_type: string;
  readonly www_authenticate: string | null;
  readonly body: string;
}

function driveRefusals(input: { issuer: string; client_id: string; client_secret: string; accept?: string }): Promise<Record<Scenario, Raw>> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.on('error', (error) => reject(new Error(`cannot run ${PYTHON} (${error.message}); ${INSTALL_HINT}`)));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Record<Scenario, Raw>) : reject(new Error(`dialect_refusals.py exited ${code}: ${err.trim().split('\n').slice(-4).join(' | ')}`))));
    child.stdin.end(JSON.stringify(input));
  });
}

/** The engine's cause of each scenario, as explain names causes (any one of them will do). */
const TRUTH: Record<(typeof SCENARIOS)[number], readonly string[]> = {
  reused_code: ['reuse'],
  replayed_refresh: ['reuse'],
  family_revoked: ['revocation', 'refresh-family-revoked', 'reuse'],
  wrong_verifier: ['pkce-verifier-mismatch'],
  missing_verifier: ['pkce-verifier-mismatch'],
  redirect_mismatch: ['redirect-mismatch'],
  wrong_secret: ['client-authentication'],
  expired_code: ['expiry'],
};

/** Answers that cannot name the engine's cause because the provider's own answer does not: what explain reads instead. */
const BLIND: Partial<Record<string, readonly string[]>> = {
  // Google does not rotate refresh tokens: every refused one is "expired or revoked".
  'google:replayed_refresh': ['expiry', 'revocation'],
  // GitHub names no PKCE error: a code its verifier does not fit is just a bad code.
  'github:wrong_verifier': ['reuse', 'expiry'],
  'github:missing_verifier': ['reuse', 'expiry'],
};

/** [status, error, description or (Entra) AADSTS code] per scenario, in SCENARIOS order. */
type Row = readonly [number, string, string | number];
const WIRE: Record<string, readonly Row[]> = {
  rfc6749: [
    [400, 'invalid_grant', 'grant request is invalid'],
    [400, 'invalid_grant', 'grant request is invalid'],
    [400, 'invalid_grant', 'grant request is invalid'],
    [400, 'invalid_grant', 'grant request is invalid'],
    [400, 'invalid_grant', 'grant request is invalid'],
    [400, 'invalid_grant', 'grant request is invalid'],
    [401, 'invalid_client', 'client authentication failed'],
    [400, 'invalid_grant', 'grant request is invalid'],
  ],
  google: [
    [400, 'invalid_grant', 'Bad Request'],
    [400, 'invalid_grant', 'Token has been expired or revoked.'],
    [400, 'invalid_grant', 'Token has been expired or revoked.'],
    [400, 'invalid_grant', 'Invalid code verifier.'],
    [400, 'invalid_grant', 'Missing code verifier.'],
    [400, 'redirect_uri_mismatch', 'Bad Request'],
    [401, 'invalid_client', 'Unauthorized'],
    [400, 'invalid_grant', 'Bad Request'],
  ],
  entra: [
    [400, 'invalid_grant', 54005],
    [400, 'invalid_grant', 70000],
    [400, 'invalid_grant', 70000],
    [400, 'invalid_grant', 501481],
    [400, 'invalid_grant', 50148],
    [400, 'invalid_client', 50011],
    [401, 'invalid_client', 7000215],
    [400, 'invalid_grant', 70008],
  ],
  github: [
    [200, 'bad_verification_code', 'The code passed is incorrect or expired.'],
    [200, 'bad_refresh_token', 'The refresh token passed is incorrect or expired.'],
    [200, 'bad_refresh_token', 'The refresh token passed is incorrect or expired.'],
    [200, 'bad_verification_code', 'The code passed is incorrect or expired.'],
    [200, 'bad_verification_code', 'The code passed is incorrect or expired.'],
    [200, 'redirect_uri_mismatch', 'The redirect_uri MUST match the registered callback URL for this application.'],
    [200, 'incorrect_client_credentials', 'The client_id and/or client_secret passed are incorrect.'],
    [200, 'bad_verification_code', 'The code passed is incorrect or expired.'],
  ],
  keycloak: [
    [400, 'invalid_grant', 'Code not valid'],
    [400, 'invalid_grant', 'Maximum allowed refresh token reuse exceeded'],
    [400, 'invalid_grant', 'Invalid refresh token'],
    [400, 'invalid_grant', 'PKCE verification failed: Invalid code verifier'],
    [400, 'invalid_grant', 'PKCE code verifier not specified'],
    [400, 'invalid_grant', 'Incorrect redirect_uri'],
    [401, 'invalid_client', 'Invalid client or Invalid client credentials'],
    [400, 'invalid_grant', 'Code is expired'],
  ],
  auth0: [
    [403, 'invalid_grant', 'Invalid authorization code'],
    [403, 'invalid_grant', 'Unknown or invalid refresh token.'],
    [403, 'invalid_grant', 'Unknown or invalid refresh token.'],
    [403, 'invalid_grant', 'Failed to verify code verifier'],
    [403, 'invalid_grant', 'Failed to verify code verifier'],
    [403, 'invalid_grant', 'Invalid authorization code'],
    [401, 'access_denied', 'Unauthorized'],
    [403, 'invalid_grant', 'Invalid authorization code'],
  ],
  x: [
    [400, 'invalid_request', 'Value passed for the authorization code was invalid.'],
    [400, 'invalid_request', 'Value passed for the token was invalid.'],
    [400, 'invalid_request', 'Value passed for the token was invalid.'],
    [400, 'invalid_request', 'Value passed for the code verifier did not match the code challenge.'],
    [400, 'invalid_request', 'Missing required parameter [code_verifier].'],
    [400, 'invalid_request', 'Value passed for the authorization code was invalid.'],
    [401, 'unauthorized_client', 'Missing valid authorization header'],
    [400, 'invalid_request', 'Value passed for the authorization code was invalid.'],
  ],
};

/** The error parameters of the denial redirect (RFC 6749 §4.1.2.1); state and iss come along as the engine sets them. */
const ENGINE_DENIAL = { error: 'access_denied', error_description: 'End-User denied the authorization request' };
const DENIED: Record<string, Record<string, string>> = {
  rfc6749: ENGINE_DENIAL,
  google: { error: 'access_denied' },
  entra: { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.' },
  github: { error: 'access_denied', error_description: 'The user has denied your application access.', error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied' },
  keycloak: ENGINE_DENIAL,
  auth0: ENGINE_DENIAL,
  x: ENGINE_DENIAL,
};

/** The device flow polled too early: [status, error, description or AADSTS code]. */
const ENGINE_PENDING: Row = [400, 'authorization_pending', "authorization request is still pending as the end-user hasn't yet completed the user interaction steps"];
const PENDING: Record<string, Row> = {
  rfc6749: ENGINE_PENDING,
  google: [428, 'authorization_pending', 'Precondition Required'],
  entra: [400, 'authorization_pending', 70016],
  github: [200, 'authorization_pending', 'The authorization request is still pending.'],
  keycloak: ENGINE_PENDING,
  auth0: ENGINE_PENDING,
  x: ENGINE_PENDING,
};

function fieldsOf(raw: Raw): Record<string, unknown> {
  return raw.content_type.startsWith('application/x-www-form-urlencoded') ? Object.fromEntries(new URLSearchParams(raw.body)) : (JSON.parse(raw.body) as Record<string, unknown>);
}

interface Explained {
  readonly problem: { readonly code: string; readonly providerCode: string | null };
  readonly causes: readonly { readonly id: string }[];
}

async function explain(raw: Raw): Promise<Explained> {
  const response = `HTTP/1.1 ${raw.status} X\r\nContent-Type: ${raw.content_type}\r\n\r\n${raw.body}`;
  const result = await runCli(['explain', '-', '--json'], { input: response });
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Explained;
}

function checkWire(dialect: string, scenario: Scenario, raw: Raw, row: Row | undefined): void {
  const [status, error, said] = row ?? [0, '', ''];
  const where = `${dialect} ${scenario}: ${raw.status} ${raw.body}`;
  expect(raw.status, where).toBe(status);
  const fields = fieldsOf(raw);
  expect(fields['error'], where).toBe(error);
  if (typeof said === 'number') {
    // Entra: the AADSTS code in error_codes, error_uri and at the head of error_description.
    expect(fields['error_codes'], where).toEqual([said]);
    expect(fields['error_uri'], where).toBe(`https://login.microsoftonline.com/error?code=${said}`);
    expect(String(fields['error_description']), where).toMatch(new RegExp(`^AADSTS${said}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$`, 's'));
    expect(fields['trace_id'], where).toMatch(/^[0-9a-f-]{36}$/);
  } else {
    expect(fields['error_description'], where).toBe(said);
  }
  if (dialect === 'github') {
    expect(raw.content_type, where).toMatch(/^application\/x-www-form-urlencoded/);
    expect(String(fields['error_uri']), where).toMatch(/^https:\/\/docs\.github\.com\//);
  }
  if (dialect === 'google') expect(raw.body, where).toMatch(/^\{\n {2}"error": /);
  // The scheme challenge stays on a 401, without the engine's own wording in it.
  if (status === 401 && dialect !== 'rfc6749') expect(raw.www_authenticate ?? '', where).not.toMatch(/client authentication failed/);
}

const started: ServeProcess[] = [];
afterEach(async () => {
  for (const serve of started.splice(0)) await serve.stop();
});

async function run(dialect: string, accept?: string): Promise<Record<Scenario, Raw>> {
  const serve = await serveOAuth2(['--auto-approve', '--dialect', dialect]);
  started.push(serve);
  expect(serve.line.dialect).toBe(dialect);
  const client = serve.line.clients[0];
  if (!client?.secret) throw new Error('no generated client in the start line');
  return driveRefusals({ issuer: serve.line.issuer, client_id: client.clientId, client_secret: client.secret, accept });
}

async function checkExplain(dialect: string, answers: Record<Scenario, Raw>): Promise<void> {
  for (const scenario of SCENARIOS) {
    const raw = answers[scenario];
    const read = await explain(raw);
    const error = String(fieldsOf(raw)['error']);
    expect(read.problem.code, `${dialect} ${scenario}`).toBe(`oauth2:${error}`);
    const ids = read.causes.map((c) => c.id);
    const blind = BLIND[`${dialect}:${scenario}`];
    if (blind) expect(ids.slice(0, blind.length), `${dialect} ${scenario}: ${ids.join(', ')}`).toEqual(blind);
    else expect(ids.some((id) => TRUTH[scenario].includes(id)), `${dialect} ${scenario}: explain says ${ids.join(', ')}`).toBe(true);
  }
}

describe('serve --oauth2 --dialect: real refusals in each provider\'s wire shape, read back by explain', () => {
  it.each(Object.keys(WIRE))('%s', async (dialect) => {
    const answers = await run(dialect);
    const rows = WIRE[dialect] ?? [];
    SCENARIOS.forEach((scenario, i) => checkWire(dialect, scenario, answers[scenario], rows[i]));
    checkWire(dialect, 'device_pending', answers.device_pending, PENDING[dialect]);
    const denial = Object.fromEntries(new URLSearchParams(answers.denied.body));
    expect(denial['state'], answers.denied.body).toBeTruthy();
    delete denial['state'];
    delete denial['iss'];
    expect(denial, `${dialect} denied`).toEqual(DENIED[dialect]);
    const read = await runCli(['explain', answers.denied.body, '--json']);
    expect((JSON.parse(read.stdout) as Explained).causes.map((c) => c.id), `${dialect} denied`).toContain('user-denied');
    await checkExplain(dialect, answers);
  }, 90_000);

  it('github with Accept: application/json answers JSON, still with status 200', async () => {
    const answers = await run('github', 'application/json');
    for (const scenario of SCENARIOS) {
      expect(answers[scenario].status).toBe(200);
      expect(answers[scenario].content_type).toMatch(/^application\/json/);
    }
    expect(JSON.parse(answers.wrong_secret.body)).toEqual({ error: 'incorrect_client_credentials', error_description: 'The client_id and/or client_secret passed are incorrect.', error_uri: 'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#incorrect-client-credentials' });
    await checkExplain('github', answers);
  }, 90_000);
});
